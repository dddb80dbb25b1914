import { getDb, type Transaction } from "@/db/client";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { afterCommit } from "./after-commit";
import { sendPaymentReceivedEmail } from "./billing-emails";
import { addCreditEntry, getCreditBalance, lockClient } from "./credit";
import { canPayWithCredit, customerPaymentRefusal } from "./invoice-status";
import { lockInvoice, recordPayment } from "./record-payment";
import { afterInvoicesPaid } from "@/lib/services/service-automation";

export type ApplyCreditError =
  | "errors.forbidden"
  | "billing.errors.invoiceNotFound"
  | "billing.errors.alreadyPaid"
  | "billing.errors.notPayable"
  | "billing.errors.paymentPending"
  | "billing.errors.creditNotForAddFunds"
  | "billing.errors.currencyMismatch"
  | "billing.errors.noCredit";

export type ApplyCreditOutcome =
  | { ok: true; applied: number; paid: boolean; invoiceNumber: string | null }
  | { ok: false; error: ApplyCreditError };

/** "Aplicar crédito": up to min(balance, amount due); when it covers the rest the invoice is paid and numbered. */
export async function applyCredit(
  user: SessionUser,
  invoiceId: number,
): Promise<{ ok: true; applied: number; paid: boolean } | { ok: false; error: ApplyCreditError }> {
  if (!hasPermission(user, "invoices")) return { ok: false, error: "errors.forbidden" };
  if (!Number.isSafeInteger(invoiceId) || invoiceId <= 0) return { ok: false, error: "billing.errors.invoiceNotFound" };
  const db = await getDb();
  const outcome = await db.transaction((tx) => applyCreditInTx(tx, user.clientId, invoiceId, user.contactId));
  if (!outcome.ok) return outcome;
  if (outcome.paid) await afterCommit("payment received email", () => sendPaymentReceivedEmail(invoiceId));
  if (outcome.paid) await afterCommit("services after payment", () => afterInvoicesPaid([invoiceId]));
  return { ok: true, applied: outcome.applied, paid: outcome.paid };
}

/**
 * The same inside a caller's transaction (new invoices paid from credit). The client row is locked
 * before the balance is read, so concurrent applications queue and none can spend the same cents;
 * the invoice row is locked before its amount due is read, so it never goes below zero.
 */
export async function applyCreditInTx(tx: Transaction, clientId: number, invoiceId: number, contactId?: number | null): Promise<ApplyCreditOutcome> {
  const client = await lockClient(tx, clientId);
  if (!client) return { ok: false, error: "billing.errors.invoiceNotFound" };
  const invoice = await lockInvoice(tx, clientId, invoiceId);
  if (!invoice) return { ok: false, error: "billing.errors.invoiceNotFound" };
  const refusal = customerPaymentRefusal(invoice);
  if (refusal) return { ok: false, error: refusal };
  if (!canPayWithCredit(invoice)) return { ok: false, error: "billing.errors.creditNotForAddFunds" };
  const due = invoice.total - invoice.amountPaid;
  if (invoice.currency !== client.currency) return { ok: false, error: "billing.errors.currencyMismatch" };

  const balance = await getCreditBalance(tx, clientId);
  if (balance <= 0) return { ok: false, error: "billing.errors.noCredit" };
  const amount = Math.min(balance, due);

  await addCreditEntry(tx, {
    clientId,
    amount: -amount,
    kind: "application",
    invoiceId,
    description: { key: "billing.creditLedger.application", params: { reference: invoice.proformaReference } },
    contactId,
  });
  const payment = await recordPayment(tx, { clientId, invoiceId, amount, currency: invoice.currency, gateway: "credit" });
  return { ok: true, applied: payment.applied, paid: payment.paidNow, invoiceNumber: payment.invoiceNumber };
}
