import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices, paymentAttempts } from "@/db/schema";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PaymentGatewayError } from "@/lib/payments/gateway";
import { getProvider } from "@/lib/providers";
import { customerPaymentRefusal } from "./invoice-status";

export type StartPaymentError =
  | "errors.forbidden"
  | "billing.errors.selectionEmpty"
  | "billing.errors.selectionRepeated"
  | "billing.errors.invoiceNotFound"
  | "billing.errors.alreadyPaid"
  | "billing.errors.notPayable"
  | "billing.errors.paymentPending"
  | "billing.errors.mixedCurrencies"
  | "payments.errors.gatewayUnavailable"
  | "payments.errors.gatewayRejected";

const MAX_INVOICES = 200;
const REFUSALS_BY_PRIORITY = ["billing.errors.alreadyPaid", "billing.errors.paymentPending", "billing.errors.notPayable"] as const;

/**
 * "Pagar ahora" and "Pago masivo": one checkout for the amount due of the selected invoices, computed
 * here from the database (an amount sent by the browser is never read). A selection with anything
 * wrong in it is refused whole, before any row is written. Nothing is marked paid here: that is
 * fulfilPaymentAttempt's job, on the gateway's word.
 */
export async function startPayment(
  user: SessionUser,
  invoiceIds: number[],
  options: { origin?: "single" | "mass" } = {},
): Promise<{ ok: true; attemptId: number; redirectUrl: string } | { ok: false; error: StartPaymentError }> {
  if (!hasPermission(user, "invoices")) return { ok: false, error: "errors.forbidden" };
  if (invoiceIds.length === 0) return { ok: false, error: "billing.errors.selectionEmpty" };
  if (new Set(invoiceIds).size !== invoiceIds.length) return { ok: false, error: "billing.errors.selectionRepeated" };
  if (invoiceIds.length > MAX_INVOICES || !invoiceIds.every((id) => Number.isSafeInteger(id) && id > 0)) {
    return { ok: false, error: "billing.errors.invoiceNotFound" };
  }

  const db = await getDb();
  const rows = await db
    .select({
      id: invoices.id,
      status: invoices.status,
      total: invoices.total,
      amountPaid: invoices.amountPaid,
      currency: invoices.currency,
      proformaReference: invoices.proformaReference,
    })
    .from(invoices)
    .where(and(eq(invoices.clientId, user.clientId), inArray(invoices.id, invoiceIds)));
  if (rows.length !== invoiceIds.length) return { ok: false, error: "billing.errors.invoiceNotFound" };
  // One answer for the whole selection, the same whatever order the rows come back in.
  const refusals = new Set(rows.map(customerPaymentRefusal));
  const refusal = REFUSALS_BY_PRIORITY.find((error) => refusals.has(error));
  if (refusal) return { ok: false, error: refusal };
  const currencies = new Set(rows.map((row) => row.currency));
  if (currencies.size !== 1) return { ok: false, error: "billing.errors.mixedCurrencies" };

  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const amount = sorted.reduce((sum, row) => sum + (row.total - row.amountPaid), 0);
  const [currency] = currencies;
  const gateway = getProvider("payments");
  const [attempt] = await db
    .insert(paymentAttempts)
    .values({
      clientId: user.clientId,
      invoiceIds: sorted.map((row) => row.id),
      amount,
      currency: currency!,
      gateway: gateway.name,
      status: "open",
      createdByContactId: user.contactId,
    })
    .returning({ id: paymentAttempts.id });
  const attemptId = attempt!.id;

  const base = env.APP_BASE_URL.replace(/\/+$/, "");
  const single = sorted.length === 1 && options.origin !== "mass";
  try {
    const session = await gateway.createCheckout({
      attemptId,
      clientId: user.clientId,
      amount,
      currency: currency!,
      description: describe(sorted.map((row) => row.proformaReference)),
      customerEmail: user.email,
      successUrl: `${base}/facturacion/pago/${attemptId}/resultado`,
      cancelUrl: single ? `${base}/facturacion/facturas/${sorted[0]!.id}` : `${base}/facturacion/facturas`,
      idempotencyKey: `payment-attempt-${attemptId}`,
    });
    await db
      .update(paymentAttempts)
      .set({ gatewaySessionId: session.sessionId })
      .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.clientId, user.clientId)));
    return { ok: true, attemptId, redirectUrl: session.url };
  } catch (error) {
    console.error(`[billing] checkout for payment attempt ${attemptId} failed`, error);
    await db
      .update(paymentAttempts)
      .set({ status: "failed", failureReason: error instanceof Error ? error.message.slice(0, 500) : "checkout failed" })
      .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.status, "open")));
    return { ok: false, error: error instanceof PaymentGatewayError ? error.messageKey : "payments.errors.gatewayUnavailable" };
  }
}

/** The references only (no words), so the checkout page reads the same in any language. */
function describe(references: string[]): string {
  const shown = references.slice(0, 10).join(", ");
  return references.length > 10 ? `${shown} (+${references.length - 10})` : shown;
}
