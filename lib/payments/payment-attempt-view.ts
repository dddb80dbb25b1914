import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { invoices, paymentAttempts, type InvoiceStatus } from "@/db/schema";
import { invoiceNumberOf } from "@/lib/billing/invoice-number";
import type { ClientScope } from "@/lib/auth/scope";

export type PaymentAttemptStatus = "open" | "completed" | "failed" | "expired";

export type PaymentAttemptView = {
  id: number;
  gateway: string;
  status: PaymentAttemptStatus;
  amount: number;
  currency: string;
  failureReason: string | null;
  createdAt: Date;
  completedAt: Date | null;
  invoices: Array<{
    id: number;
    proformaReference: string;
    /** The tax invoice number ("F2026-000123") once paid. */
    number: string | null;
    status: InvoiceStatus;
    total: number;
    amountDue: number;
    currency: string;
  }>;
};

const STATUSES: readonly string[] = ["open", "completed", "failed", "expired"];

/** One of the client's payment attempts with its invoices (two queries); another client's is null, like a missing one. */
export async function getPaymentAttemptView(scope: ClientScope, attemptId: number, executor?: Executor): Promise<PaymentAttemptView | null> {
  const { clientId } = scope;
  const db = executor ?? (await getDb());
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.clientId, clientId)))
    .limit(1);
  if (!attempt) return null;

  const rows =
    attempt.invoiceIds.length === 0
      ? []
      : await db
          .select({
            id: invoices.id,
            proformaReference: invoices.proformaReference,
            series: invoices.series,
            number: invoices.number,
            status: invoices.status,
            total: invoices.total,
            amountPaid: invoices.amountPaid,
            currency: invoices.currency,
          })
          .from(invoices)
          .where(and(inArray(invoices.id, attempt.invoiceIds), eq(invoices.clientId, clientId)))
          .orderBy(asc(invoices.id));

  return {
    id: attempt.id,
    gateway: attempt.gateway,
    // An unknown status never shows as "paid": it reads as failed.
    status: (STATUSES.includes(attempt.status) ? attempt.status : "failed") as PaymentAttemptStatus,
    amount: attempt.amount,
    currency: attempt.currency,
    failureReason: attempt.failureReason,
    createdAt: attempt.createdAt,
    completedAt: attempt.completedAt,
    invoices: rows.map((row) => ({
      id: row.id,
      proformaReference: row.proformaReference,
      number: invoiceNumberOf(row),
      status: row.status,
      total: row.total,
      amountDue: row.total - row.amountPaid,
      currency: row.currency,
    })),
  };
}
