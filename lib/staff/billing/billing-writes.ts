import { eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { invoices, payments } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { afterCommit } from "@/lib/billing/after-commit";
import { sendInvoiceCreatedEmail, sendPaymentReceivedEmail } from "@/lib/billing/billing-emails";
import { isBillingError } from "@/lib/billing/billing-error";
import { createInvoice, type NewInvoiceLine } from "@/lib/billing/create-invoice";
import { addCreditEntry, lockClient } from "@/lib/billing/credit";
import { invoiceNumberOf } from "@/lib/billing/invoice-number";
import { STATUSES_ACCEPTING_GATEWAY_MONEY } from "@/lib/billing/invoice-status";
import { lockInvoice, recordPayment } from "@/lib/billing/record-payment";
import { claimWebhookEvent } from "@/lib/billing/webhook-event";
import { cancelDomainOrderItems } from "@/lib/domains/orders/domain-order-items";
import { isRowId } from "@/lib/row-id";
import { afterInvoicesPaid } from "@/lib/services/service-automation";
import type { StaffUser } from "../staff-session";

// Staff writes on a client's invoices. Each one goes through the same billing functions as the
// customer's own paths (createInvoice, recordPayment, the credit ledger) under the client row's lock,
// and is audited in the same transaction with the money before and after, on the client's Actividad.

type Actor = Pick<StaffUser, "staffUserId" | "name">;
type Context = { ip: string | null };

const NOT_FOUND = { ok: false, error: "admin.errors.billing.invoiceNotFound" } as const;

/** Thrown inside a transaction to undo everything it wrote (the idempotency claim included) and answer `result`. */
class Refusal extends Error {
  constructor(readonly result: ActionResult) {
    super("refused");
  }
}

async function refusable<T>(work: () => Promise<T>): Promise<T | ActionResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (isBillingError(error)) return { ok: false, error: error.code };
    throw error;
  }
}

/** The invoice's owner, then the client row, then the invoice: the lock order of every billing write. */
async function lockInvoiceOfAnyClient(tx: Transaction, invoiceId: number) {
  const [owner] = await tx.select({ clientId: invoices.clientId }).from(invoices).where(eq(invoices.id, invoiceId));
  if (!owner) return null;
  await lockClient(tx, owner.clientId);
  return lockInvoice(tx, owner.clientId, invoiceId);
}

const moneyOf = (invoice: { status: string; total: number; amountPaid: number; currency: string }) => ({
  status: invoice.status,
  total: invoice.total,
  amountPaid: invoice.amountPaid,
  currency: invoice.currency,
});

/** A normalised transfer reference: "es12 3456" and "ES123456" are the same transfer. */
export function transferKey(invoiceId: number, reference: string): string {
  return `invoice-${invoiceId}:${reference.toUpperCase().replace(/[^A-Z0-9]/g, "")}`.slice(0, 200);
}

export type ManualPaymentInput = { invoiceId: number; amount: number; reference: string; method: "bank_transfer" | "manual" };

/**
 * A bank transfer (or other money staff saw arrive) put on one invoice through recordPayment, the
 * function card payments use: the final payment numbers the invoice and writes its Veri*Factu
 * record. The invoice + transfer reference is claimed in webhook_events in the same transaction, so
 * the same transfer recorded twice, even at the same moment, is recorded once. More than the amount
 * due is refused rather than guessed at (staff record the rest as credit from the client's page).
 */
export async function recordManualPayment(staff: Actor, input: ManualPaymentInput, context: Context): Promise<ActionResult> {
  if (!isRowId(input.invoiceId)) return NOT_FOUND;
  const db = await getDb();
  const outcome = await refusable(() =>
    db.transaction(async (tx) => {
      const claimed = await claimWebhookEvent(tx, { provider: "manual", eventId: transferKey(input.invoiceId, input.reference), eventType: input.method });
      if (!claimed) throw new Refusal({ ok: false, error: "errors.checkFields", fieldErrors: { reference: "admin.errors.billing.alreadyRecorded" } });
      const invoice = await lockInvoiceOfAnyClient(tx, input.invoiceId);
      if (!invoice) throw new Refusal(NOT_FOUND);
      const due = invoice.total - invoice.amountPaid;
      if (!STATUSES_ACCEPTING_GATEWAY_MONEY.includes(invoice.status) || due <= 0) throw new Refusal({ ok: false, error: "admin.errors.billing.notPayable" });
      if (input.amount > due) throw new Refusal({ ok: false, error: "errors.checkFields", fieldErrors: { amount: "admin.errors.billing.amountAboveDue" } });
      const result = await recordPayment(tx, {
        clientId: invoice.clientId,
        invoiceId: invoice.id,
        amount: input.amount,
        currency: invoice.currency,
        gateway: input.method,
        gatewayReference: input.reference,
      });
      await recordAudit(tx, {
        clientId: invoice.clientId,
        contactId: null,
        staffUserId: staff.staffUserId,
        action: "staff.payment_recorded",
        details: {
          invoiceId: invoice.id,
          proformaReference: invoice.proformaReference,
          method: input.method,
          reference: input.reference,
          amount: result.applied,
          before: moneyOf(invoice),
          after: { ...moneyOf(invoice), amountPaid: invoice.amountPaid + result.applied, status: result.paidNow ? "paid" : invoice.status },
          invoiceNumber: result.invoiceNumber,
        },
        ip: context.ip,
      });
      return { invoiceId: invoice.id, paidNow: result.paidNow, invoiceNumber: result.invoiceNumber };
    }),
  );
  if ("ok" in outcome) return outcome;
  if (outcome.paidNow) {
    await afterCommit("payment received email", () => sendPaymentReceivedEmail(outcome.invoiceId));
    await afterCommit("services after payment", () => afterInvoicesPaid([outcome.invoiceId]));
    return { ok: true, message: "admin.billing.payment.recordedPaid" };
  }
  return { ok: true, message: "admin.billing.payment.recordedPartial" };
}

/** A proforma nobody has paid anything on becomes "Cancelada"; it never had a number, so no series has a gap. */
export async function cancelProforma(staff: Actor, input: { invoiceId: number }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.invoiceId)) return NOT_FOUND;
  const db = await getDb();
  return refusable(async () => {
    await db.transaction(async (tx) => {
      const invoice = await lockInvoiceOfAnyClient(tx, input.invoiceId);
      if (!invoice) throw new Refusal(NOT_FOUND);
      if (invoice.status !== "unpaid" || invoice.amountPaid !== 0 || invoiceNumberOf(invoice)) throw new Refusal({ ok: false, error: "admin.errors.billing.notCancellable" });
      await tx.update(invoices).set({ status: "cancelled" }).where(eq(invoices.id, invoice.id));
      // A registration or renewal waiting on this invoice will never be paid for: it leaves the queue with it.
      await cancelDomainOrderItems(tx, invoice);
      await recordAudit(tx, {
        clientId: invoice.clientId,
        contactId: null,
        staffUserId: staff.staffUserId,
        action: "staff.invoice_cancelled",
        details: { invoiceId: invoice.id, proformaReference: invoice.proformaReference, before: moneyOf(invoice), after: { ...moneyOf(invoice), status: "cancelled" } },
        ip: context.ip,
      });
    });
    return { ok: true, message: "admin.billing.cancel.done" } as const;
  }) as Promise<ActionResult>;
}

/**
 * Money paid on an invoice given back as account credit: a negative payment on the invoice (it
 * keeps its number; fully refunded it reads "Reembolsada") and the same amount added to the credit
 * ledger, in one transaction under the client's lock, so it can never exceed what was paid.
 */
export async function refundToCredit(staff: Actor, input: { invoiceId: number; amount: number; reason: string }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.invoiceId)) return NOT_FOUND;
  const db = await getDb();
  return refusable(async () => {
    await db.transaction(async (tx) => {
      const invoice = await lockInvoiceOfAnyClient(tx, input.invoiceId);
      if (!invoice) throw new Refusal(NOT_FOUND);
      if (invoice.status !== "paid" || invoice.amountPaid <= 0) throw new Refusal({ ok: false, error: "admin.errors.billing.notRefundable" });
      if (input.amount > invoice.amountPaid) throw new Refusal({ ok: false, error: "errors.checkFields", fieldErrors: { amount: "admin.errors.billing.amountAbovePaid" } });
      await tx.insert(payments).values({
        clientId: invoice.clientId,
        invoiceId: invoice.id,
        gateway: "credit",
        gatewayReference: null,
        amount: -input.amount,
        currency: invoice.currency,
      });
      const amountPaid = invoice.amountPaid - input.amount;
      const status = amountPaid <= 0 ? ("refunded" as const) : invoice.status;
      await tx.update(invoices).set({ amountPaid, status }).where(eq(invoices.id, invoice.id));
      const reference = invoiceNumberOf(invoice) ?? invoice.proformaReference;
      await addCreditEntry(tx, {
        clientId: invoice.clientId,
        amount: input.amount,
        kind: "adjustment",
        invoiceId: invoice.id,
        description: { key: "billing.creditLedger.staffRefund", params: { reference } },
      });
      await recordAudit(tx, {
        clientId: invoice.clientId,
        contactId: null,
        staffUserId: staff.staffUserId,
        action: "staff.invoice_refunded_to_credit",
        details: { invoiceId: invoice.id, reference, amount: input.amount, reason: input.reason, before: moneyOf(invoice), after: { ...moneyOf(invoice), amountPaid, status } },
        ip: context.ip,
      });
    });
    return { ok: true, message: "admin.billing.refund.done" } as const;
  }) as Promise<ActionResult>;
}

/**
 * An invoice with staff-typed lines for a client: tax computed by createInvoice from the client's
 * tax rule, as for every other invoice. It is a proforma until paid; the customer is emailed after commit.
 */
export async function createStaffInvoice(
  staff: Actor,
  input: { clientId: number; lines: NewInvoiceLine[]; notes?: string },
  context: Context,
): Promise<ActionResult<{ invoiceId: number }>> {
  if (!isRowId(input.clientId)) return { ok: false, error: "admin.errors.billing.clientNotFound" };
  const db = await getDb();
  const outcome = await refusable(() =>
    db.transaction(async (tx) => {
      if (!(await lockClient(tx, input.clientId))) throw new Refusal({ ok: false, error: "admin.errors.billing.clientNotFound" });
      const created = await createInvoice(tx, { clientId: input.clientId, kind: "standard", lines: input.lines, notes: input.notes });
      await recordAudit(tx, {
        clientId: input.clientId,
        contactId: null,
        staffUserId: staff.staffUserId,
        action: "staff.invoice_created",
        details: { invoiceId: created.invoiceId, proformaReference: created.proformaReference, lines: input.lines.length, after: { total: created.total, creditApplied: created.creditApplied } },
        ip: context.ip,
      });
      return created;
    }),
  );
  if ("ok" in outcome) return outcome as ActionResult<{ invoiceId: number }>;
  await afterCommit("invoice created email", () => (outcome.paid ? sendPaymentReceivedEmail(outcome.invoiceId) : sendInvoiceCreatedEmail(outcome.invoiceId)));
  return { ok: true, message: "admin.billing.create.done", data: { invoiceId: outcome.invoiceId } };
}

/** "Enviar por correo": the invoice email again, to the client's billing recipients (the existing template). */
export async function sendInvoiceEmail(staff: Actor, input: { invoiceId: number }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.invoiceId)) return NOT_FOUND;
  const db = await getDb();
  const [invoice] = await db.select({ id: invoices.id, clientId: invoices.clientId, status: invoices.status }).from(invoices).where(eq(invoices.id, input.invoiceId));
  if (!invoice || invoice.status === "cancelled") return NOT_FOUND;
  const sent = invoice.status === "paid" ? await sendPaymentReceivedEmail(invoice.id) : await sendInvoiceCreatedEmail(invoice.id);
  if (sent.sent === 0) return { ok: false, error: "admin.errors.billing.emailFailed" };
  await recordAudit(db, { clientId: invoice.clientId, contactId: null, staffUserId: staff.staffUserId, action: "staff.invoice_sent", details: { invoiceId: invoice.id, sent: sent.sent }, ip: context.ip });
  return { ok: true, message: "admin.billing.send.done" };
}
