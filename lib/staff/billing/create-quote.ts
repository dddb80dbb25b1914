import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients, quoteLines, quotes } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { lockClient } from "@/lib/billing/credit";
import { priceLines } from "@/lib/billing/price-lines";
import { taxRuleFor } from "@/lib/billing/tax";
import { addDays, madridToday } from "@/lib/billing/today";
import { isRowId } from "@/lib/row-id";
import type { StaffUser } from "../staff-session";

type Actor = Pick<StaffUser, "staffUserId">;

export const QUOTE_VALID_DAYS = 30;

/**
 * A quote ("oferta") for a client, priced like an invoice (the client's tax rule, tax rounded once
 * per line), delivered at once: the customer finds it in Ofertas and accepting it issues the invoice
 * through the existing accept-quote path.
 */
export async function createStaffQuote(
  staff: Actor,
  input: { clientId: number; subject: string; lines: { description: string; quantity: number; unitAmount: number }[]; notes?: string },
  context: { ip: string | null },
): Promise<ActionResult<{ quoteId: number }>> {
  if (!isRowId(input.clientId)) return { ok: false, error: "admin.errors.billing.clientNotFound" };
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    if (!(await lockClient(tx, input.clientId))) return null;
    const [client] = await tx.select().from(clients).where(eq(clients.id, input.clientId));
    if (!client) return null;
    const rule = await taxRuleFor(tx, client);
    const { priced, subtotal, taxTotal, total } = priceLines(input.lines, () => rule.rateBp);
    const issueDate = madridToday();
    const [row] = await tx
      .insert(quotes)
      .values({
        clientId: client.id,
        reference: `OF-T-${randomUUID().replaceAll("-", "").slice(0, 24)}`,
        subject: input.subject,
        stage: "delivered",
        issueDate,
        validUntil: addDays(issueDate, QUOTE_VALID_DAYS),
        currency: client.currency,
        subtotal,
        taxTotal,
        total,
        notes: input.notes ?? null,
      })
      .returning({ id: quotes.id });
    const reference = `OF-${String(row!.id).padStart(6, "0")}`;
    await tx.update(quotes).set({ reference }).where(eq(quotes.id, row!.id));
    await tx.insert(quoteLines).values(
      priced.map((line) => ({
        quoteId: row!.id,
        description: line.description,
        quantity: line.quantity,
        unitAmount: line.unitAmount,
        taxRateBp: line.taxRateBp,
        taxAmount: line.taxAmount,
        lineSubtotal: line.lineSubtotal,
        sortOrder: line.sortOrder,
      })),
    );
    await recordAudit(tx, {
      clientId: client.id,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.quote_created",
      details: { quoteId: row!.id, reference, after: { subtotal, taxTotal, total, currency: client.currency } },
      ip: context.ip,
    });
    return { quoteId: row!.id };
  });
  if (!created) return { ok: false, error: "admin.errors.billing.clientNotFound" };
  return { ok: true, message: "admin.billing.quote.done", data: created };
}
