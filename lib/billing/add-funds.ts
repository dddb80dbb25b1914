import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { translatorFor } from "@/lib/i18n/translator";
import { getBillingSettings } from "@/lib/settings/get-settings";
import { afterCommit } from "./after-commit";
import { sendInvoiceCreatedEmail } from "./billing-emails";
import { createInvoice } from "./create-invoice";
import { UNPAID_STATUSES } from "./invoice-status";
import { getCreditBalance, lockClient } from "./credit";

type AddFundsFieldError = "billing.errors.addFundsInvalid" | "billing.errors.addFundsMin" | "billing.errors.addFundsMax" | "billing.errors.addFundsMaxBalance";

export type AddFundsResult =
  | { ok: true; invoiceId: number }
  | { ok: false; error: "errors.forbidden" }
  | { ok: false; error: AddFundsFieldError; fieldErrors: { amount: AddFundsFieldError } };

/**
 * "Añadir fondos": an add-funds invoice (no tax: it is a prepayment) whose payment puts its amount on
 * the credit ledger. The balance cap counts the credit already held plus add-funds invoices still
 * unpaid, checked under the client lock so two concurrent requests cannot both slip under it.
 */
export async function createAddFundsInvoice(user: SessionUser, amount: number): Promise<AddFundsResult> {
  if (!hasPermission(user, "invoices")) return { ok: false, error: "errors.forbidden" };
  const refuse = (error: AddFundsFieldError) => ({ ok: false as const, error, fieldErrors: { amount: error } });
  if (!Number.isSafeInteger(amount) || amount <= 0) return refuse("billing.errors.addFundsInvalid");

  const db = await getDb();
  const settings = await getBillingSettings(db);
  if (amount < settings.addFundsMinimum) return refuse("billing.errors.addFundsMin");
  if (amount > settings.addFundsMaximum) return refuse("billing.errors.addFundsMax");

  const outcome = await db.transaction(async (tx) => {
    const client = await lockClient(tx, user.clientId);
    const balance = await getCreditBalance(tx, user.clientId);
    const [pending] = await tx
      .select({ due: sql<number>`coalesce(sum(${invoices.total} - ${invoices.amountPaid}), 0)`.mapWith(Number) })
      .from(invoices)
      .where(and(eq(invoices.clientId, user.clientId), eq(invoices.kind, "add_funds"), inArray(invoices.status, UNPAID_STATUSES)));
    if (balance + (pending?.due ?? 0) + amount > settings.maxCreditBalance) return refuse("billing.errors.addFundsMaxBalance");
    const invoice = await createInvoice(tx, {
      clientId: user.clientId,
      kind: "add_funds",
      // An invoice is a legal document: its line text is frozen at issue, in the client's language
      // (as renewal lines are), and later catalog edits do not rewrite invoices already issued.
      lines: [{ description: translatorFor(client?.language)("billing.invoiceLines.addFunds"), unitAmount: amount, taxable: false }],
    });
    return { ok: true as const, invoiceId: invoice.invoiceId };
  });
  if (!outcome.ok) return outcome;
  await afterCommit("invoice created email", () => sendInvoiceCreatedEmail(outcome.invoiceId));
  return outcome;
}
