import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { invoices, type InvoiceStatus } from "@/db/schema";
import { invoiceNumberOf } from "@/lib/billing/invoice-number";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { CUSTOMER_PAYABLE_STATUSES } from "../invoice-status";
import { invoiceListColumns } from "./list-invoices";
import type { ClientScope } from "@/lib/auth/scope";

export type UnpaidInvoice = {
  id: number;
  number: string | null;
  proformaReference: string;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  total: number;
  /** Computed by the database from the stored totals; shown only, never sent back as an amount to charge. */
  amountDue: number;
  currency: string;
  overdue: boolean;
};

/** A page with thousands of checkboxes helps nobody; the oldest due come first, the rest next time. */
export const MASS_PAYMENT_LIMIT = 200;

/**
 * Every invoice of the client that can still be paid, oldest due date first, in one statement; the
 * count of all of them rides along as a window aggregate (computed before LIMIT).
 */
export async function listUnpaidInvoices(
  scope: ClientScope,
  options: { today?: string; db?: Executor; limit?: number } = {},
): Promise<{ invoices: UnpaidInvoice[]; totalCount: number }> {
  const { clientId } = scope;
  const db = options.db ?? (await getDb());
  const today = options.today ?? madridToday();
  const rows = await db
    .select({
      ...invoiceListColumns,
      totalCount: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(invoices)
    // canCustomerPay, in SQL.
    .where(and(eq(invoices.clientId, clientId), inArray(invoices.status, CUSTOMER_PAYABLE_STATUSES), gt(invoices.total, invoices.amountPaid)))
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(options.limit ?? MASS_PAYMENT_LIMIT);
  return {
    totalCount: rows[0]?.totalCount ?? 0,
    invoices: rows.map((row) => ({
      id: row.id,
      number: invoiceNumberOf(row),
      proformaReference: row.proformaReference,
      status: row.status,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      total: row.total,
      amountDue: row.total - row.amountPaid,
      currency: row.currency,
      overdue: row.status === "unpaid" && row.dueDate < today,
    })),
  };
}
