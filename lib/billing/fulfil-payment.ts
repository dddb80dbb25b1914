import { and, desc, eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { creditLedgerEntries, invoices, paymentAttempts, payments } from "@/db/schema";
import { afterInvoicesPaid } from "@/lib/services/service-automation";
import { afterCommit } from "./after-commit";
import { isBillingError } from "./billing-error";
import { sendPaymentReceivedEmail } from "./billing-emails";
import { addCreditEntry, lockClient } from "./credit";
import { lockInvoice, recordPayment } from "./record-payment";
import { claimWebhookEvent } from "./webhook-event";

type Provider = "stripe" | "sandbox";
type EventRef = { provider: Provider; eventId: string; eventType: string };

export type FulfilPaymentInput = EventRef & {
  attemptId: number;
  /** What the gateway says it charged, in minor units. */
  amount: number;
  currency: string;
  /** The gateway's id of the money movement (Stripe payment intent). */
  gatewayReference: string | null;
};

export type FulfilStatus = "applied" | "duplicate" | "mismatch" | "not_found" | "not_open";

/**
 * The only path by which gateway money reaches invoices (Stripe webhook and sandbox page alike).
 * Deliberately not scoped by a session: the caller is the gateway, vouched for by its signature; the
 * attempt decides the client. One transaction: the event id, the attempt, the payments, the numbers
 * and any credit commit together or not at all, so a redelivery or a concurrent delivery is a no-op.
 */
export async function fulfilPaymentAttempt(input: FulfilPaymentInput): Promise<{ status: FulfilStatus }> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    if (!(await claimWebhookEvent(tx, input))) return { status: "duplicate" as const, paid: [] };
    const attempt = await lockAttemptAndClient(tx, input.attemptId);
    // A sandbox "payment" must never settle a Stripe checkout (nor the reverse): to that provider it does not exist.
    if (!attempt || attempt.gateway !== input.provider) return { status: "not_found" as const, paid: [] };
    if (attempt.status !== "open") return { status: "not_open" as const, paid: [] };
    if (input.amount !== attempt.amount || input.currency.toUpperCase() !== attempt.currency) {
      await tx
        .update(paymentAttempts)
        .set({
          status: "failed",
          failureReason: `amount mismatch: gateway ${input.amount} ${input.currency.toUpperCase()}, attempt ${attempt.amount} ${attempt.currency} (event ${input.eventId})`,
        })
        .where(eq(paymentAttempts.id, attempt.id));
      return { status: "mismatch" as const, paid: [] };
    }

    const paid: number[] = [];
    let remaining = input.amount;
    for (const invoiceId of [...attempt.invoiceIds].sort((a, b) => a - b)) {
      if (remaining <= 0) break;
      const payment = await payInvoiceOrSkip(tx, {
        clientId: attempt.clientId,
        invoiceId,
        amount: remaining,
        currency: attempt.currency,
        gateway: input.provider,
        gatewayReference: input.gatewayReference,
        paymentAttemptId: attempt.id,
      });
      remaining = payment.excess;
      if (payment.paidNow) paid.push(invoiceId);
    }
    // Money for invoices settled meanwhile by another path (credit, a second checkout) is kept as credit.
    if (remaining > 0) {
      await addCreditEntry(tx, {
        clientId: attempt.clientId,
        amount: remaining,
        kind: "overpayment",
        paymentAttemptId: attempt.id,
        description: { key: "billing.creditLedger.overpayment", params: { attemptId: attempt.id } },
        contactId: attempt.createdByContactId,
      });
    }
    await tx
      .update(paymentAttempts)
      .set({ status: "completed", completedAt: new Date(), gatewayPaymentId: input.gatewayReference })
      .where(eq(paymentAttempts.id, attempt.id));
    return { status: "applied" as const, paid };
  });

  for (const invoiceId of outcome.paid) {
    await afterCommit("payment received email", () => sendPaymentReceivedEmail(invoiceId));
  }
  // Provisioning of paid orders and lifting of suspensions: the panel is called only now, outside the transaction.
  await afterCommit("services after payment", () => afterInvoicesPaid(outcome.paid));
  return { status: outcome.status };
}

/**
 * An invoice that can no longer take this money (a changed currency, say) must not bounce the whole
 * delivery forever: its share goes on as excess, to the next invoice or to credit. BillingError is
 * thrown before any statement fails, so the transaction is still usable.
 */
async function payInvoiceOrSkip(tx: Transaction, input: Parameters<typeof recordPayment>[1]) {
  try {
    return await recordPayment(tx, input);
  } catch (error) {
    if (!isBillingError(error)) throw error;
    console.error(`[billing] payment attempt ${input.paymentAttemptId}: invoice ${input.invoiceId} skipped`, error);
    return { applied: 0, excess: input.amount, paidNow: false, invoiceNumber: null };
  }
}

/** A checkout that ended without money (card declined, session expired); its invoices stay payable. */
export async function failPaymentAttempt(
  input: EventRef & { attemptId: number; reason: string; status: "failed" | "expired" },
): Promise<{ status: "applied" | "duplicate" | "not_found" | "not_open" }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await claimWebhookEvent(tx, input))) return { status: "duplicate" as const };
    const attempt = await lockAttemptAndClient(tx, input.attemptId);
    if (!attempt || attempt.gateway !== input.provider) return { status: "not_found" as const };
    if (attempt.status !== "open") return { status: "not_open" as const };
    await tx
      .update(paymentAttempts)
      .set({ status: input.status, failureReason: input.reason.slice(0, 500) })
      .where(eq(paymentAttempts.id, attempt.id));
    return { status: "applied" as const };
  });
}

export type RecordRefundInput = EventRef & {
  /** The gateway's payment id stored on the completed attempt (Stripe payment intent). */
  gatewayPaymentId: string;
  /** Total refunded so far on that payment (Stripe's cumulative charge.amount_refunded). */
  amountRefunded: number;
  currency: string;
};

/**
 * A refund made at the gateway. The amount is cumulative, so only what is not yet recorded is taken:
 * from the attempt's invoices, newest first (negative payments; an invoice back to nothing paid
 * becomes "refunded"), then from the credit the attempt left, if any.
 */
export async function recordRefund(input: RecordRefundInput): Promise<{ status: "applied" | "duplicate" | "mismatch" | "not_found" }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await claimWebhookEvent(tx, input))) return { status: "duplicate" as const };
    const [found] = await tx
      .select({ id: paymentAttempts.id })
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.gatewayPaymentId, input.gatewayPaymentId), eq(paymentAttempts.gateway, input.provider)))
      .orderBy(desc(paymentAttempts.id))
      .limit(1);
    if (!found) return { status: "not_found" as const };
    const attempt = await lockAttemptAndClient(tx, found.id);
    if (!attempt || attempt.status !== "completed") return { status: "not_found" as const };
    if (input.currency.toUpperCase() !== attempt.currency || !Number.isSafeInteger(input.amountRefunded) || input.amountRefunded < 0) {
      return { status: "mismatch" as const };
    }

    const rows = await tx
      .select({ invoiceId: payments.invoiceId, amount: payments.amount })
      .from(payments)
      .where(and(eq(payments.paymentAttemptId, attempt.id), eq(payments.clientId, attempt.clientId)));
    const perInvoice = new Map<number, { paid: number; refunded: number }>();
    for (const row of rows) {
      const entry = perInvoice.get(row.invoiceId) ?? { paid: 0, refunded: 0 };
      if (row.amount > 0) entry.paid += row.amount;
      else entry.refunded -= row.amount;
      perInvoice.set(row.invoiceId, entry);
    }
    // What earlier refunds already took back from this attempt's credit: found by kind and attempt, never by wording.
    const creditRows = await tx
      .select({ amount: creditLedgerEntries.amount })
      .from(creditLedgerEntries)
      .where(
        and(
          eq(creditLedgerEntries.clientId, attempt.clientId),
          eq(creditLedgerEntries.kind, "refund_reversal"),
          eq(creditLedgerEntries.paymentAttemptId, attempt.id),
        ),
      );
    const recorded =
      [...perInvoice.values()].reduce((sum, entry) => sum + entry.refunded, 0) - creditRows.reduce((sum, row) => sum + row.amount, 0);
    let toRefund = Math.min(input.amountRefunded, attempt.amount) - recorded;
    if (toRefund <= 0) return { status: "applied" as const };

    for (const invoiceId of [...perInvoice.keys()].sort((a, b) => b - a)) {
      if (toRefund <= 0) break;
      const entry = perInvoice.get(invoiceId)!;
      const take = Math.min(toRefund, entry.paid - entry.refunded);
      if (take <= 0) continue;
      const invoice = await lockInvoice(tx, attempt.clientId, invoiceId);
      if (!invoice) continue;
      await tx.insert(payments).values({
        clientId: attempt.clientId,
        invoiceId,
        gateway: input.provider,
        gatewayReference: input.gatewayPaymentId,
        paymentAttemptId: attempt.id,
        amount: -take,
        currency: invoice.currency,
      });
      const amountPaid = invoice.amountPaid - take;
      // A tax invoice keeps its number; fully refunded it reads "Reembolsada" (the rectifying invoice is an admin task).
      await tx
        .update(invoices)
        .set({ amountPaid, ...(amountPaid <= 0 ? { status: "refunded" as const } : {}) })
        .where(eq(invoices.id, invoiceId));
      toRefund -= take;
    }
    if (toRefund > 0) {
      await addCreditEntry(tx, {
        clientId: attempt.clientId,
        amount: -toRefund,
        kind: "refund_reversal",
        paymentAttemptId: attempt.id,
        description: { key: "billing.creditLedger.refundReversal", params: { attemptId: attempt.id } },
      });
    }
    return { status: "applied" as const };
  });
}

/**
 * The client row first, then the attempt: the lock order of every billing write (client, attempt,
 * invoices, series counter), so concurrent deliveries, credit and payments queue instead of deadlocking.
 */
async function lockAttemptAndClient(tx: Transaction, attemptId: number) {
  if (!Number.isSafeInteger(attemptId) || attemptId <= 0) return null;
  const [owner] = await tx.select({ clientId: paymentAttempts.clientId }).from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  if (!owner) return null;
  await lockClient(tx, owner.clientId);
  const [attempt] = await tx.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId)).for("update");
  return attempt ?? null;
}
