import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { quoteLines, quotes } from "@/db/schema";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { afterCommit } from "./after-commit";
import { sendInvoiceCreatedEmail, sendPaymentReceivedEmail, sendQuoteAcceptedEmail } from "./billing-emails";
import { createInvoice } from "./create-invoice";
import { lockClient } from "./credit";
import { madridToday } from "./today";

export type AcceptQuoteError = "errors.forbidden" | "billing.errors.quoteNotFound" | "billing.errors.quoteNotAcceptable" | "billing.errors.quoteExpired";

const ACCEPTABLE_STAGES: ReadonlySet<string> = new Set(["delivered", "on_hold"]);

/**
 * "Aceptar la oferta": exactly one invoice per quote, however many times and however concurrently it
 * is asked. The quote row is locked before its stage is read, so the second request waits and then
 * finds it accepted. The invoice's tax is recomputed for the client as it is today.
 */
export async function acceptQuote(
  user: SessionUser,
  quoteId: number,
): Promise<{ ok: true; invoiceId: number } | { ok: false; error: AcceptQuoteError }> {
  if (!hasPermission(user, "quotes")) return { ok: false, error: "errors.forbidden" };
  if (!Number.isSafeInteger(quoteId) || quoteId <= 0) return { ok: false, error: "billing.errors.quoteNotFound" };
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    // Client first, as every billing write does; createInvoice takes the same lock again for free.
    await lockClient(tx, user.clientId);
    const [quote] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, quoteId), eq(quotes.clientId, user.clientId)))
      .for("update");
    if (!quote) return { ok: false as const, error: "billing.errors.quoteNotFound" as const };
    if (!ACCEPTABLE_STAGES.has(quote.stage)) return { ok: false as const, error: "billing.errors.quoteNotAcceptable" as const };
    if (quote.validUntil < madridToday()) return { ok: false as const, error: "billing.errors.quoteExpired" as const };

    const lines = await tx.select().from(quoteLines).where(eq(quoteLines.quoteId, quote.id)).orderBy(asc(quoteLines.sortOrder), asc(quoteLines.id));
    const invoice = await createInvoice(tx, {
      clientId: user.clientId,
      kind: "quote",
      lines: lines.map((line) => ({ description: line.description, quantity: line.quantity, unitAmount: line.unitAmount })),
      notes: `${quote.reference} — ${quote.subject}`,
    });
    await tx
      .update(quotes)
      .set({ stage: "accepted", acceptedAt: new Date(), invoiceId: invoice.invoiceId })
      .where(and(eq(quotes.id, quote.id), eq(quotes.clientId, user.clientId)));
    return { ok: true as const, invoiceId: invoice.invoiceId, paid: invoice.paid };
  });
  if (!outcome.ok) return outcome;

  await afterCommit("quote accepted email", () => sendQuoteAcceptedEmail(quoteId));
  await afterCommit("invoice created email", () => sendInvoiceCreatedEmail(outcome.invoiceId));
  if (outcome.paid) await afterCommit("payment received email", () => sendPaymentReceivedEmail(outcome.invoiceId));
  return { ok: true, invoiceId: outcome.invoiceId };
}
