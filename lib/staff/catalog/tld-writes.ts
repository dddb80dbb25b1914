import { and, eq } from "drizzle-orm";
import { tldPrices } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { auditCatalog, catalogWrite, refuse, type Actor, type Context } from "./catalog-write";

// tld_prices holds, per extension, currency and number of years, the whole price of registering,
// transferring and renewing for that many years. A TLD is sold while it has a row; domains already
// registered keep their own renewal amount.

export type TldPriceInput = { tld: string; currency: string; years: number; register: number; transfer: number; renew: number };
type TldKey = { tld: string; currency: string; years: number };

const keyOf = (input: TldKey) => and(eq(tldPrices.tld, input.tld), eq(tldPrices.currency, input.currency), eq(tldPrices.years, input.years));
const amounts = (row: { register: number; transfer: number; renew: number }) => ({ register: row.register, transfer: row.transfer, renew: row.renew });

/** Adds the TLD (or one more number of years of it) or changes its prices. */
export async function saveTldPrice(staff: Actor, input: TldPriceInput, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    // No row to lock when the period is new: two staff adding it at once must not collide on the key.
    const inserted = await tx.insert(tldPrices).values(input).onConflictDoNothing().returning();
    const [before] = inserted.length > 0 ? [] : await tx.select().from(tldPrices).where(keyOf(input)).for("update");
    if (before) await tx.update(tldPrices).set(amounts(input)).where(keyOf(input));
    await auditCatalog(tx, staff, context, "staff.catalog_tld_price_changed", {
      tld: input.tld,
      currency: input.currency,
      years: input.years,
      before: before ? amounts(before) : null,
      after: amounts(input),
    });
  }, "adminCatalog.tlds.saved");
}

export async function removeTldPrice(staff: Actor, input: TldKey, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    const [removed] = await tx.delete(tldPrices).where(keyOf(input)).returning();
    if (!removed) refuse("adminCatalog.errors.tldNotFound");
    await auditCatalog(tx, staff, context, "staff.catalog_tld_price_changed", { tld: input.tld, currency: input.currency, years: input.years, before: amounts(removed!), after: null });
  }, "adminCatalog.tlds.removed");
}

/** "Dejar de vender": every number of years of the TLD in that currency; search and cart stop offering it. */
export async function stopSellingTld(staff: Actor, input: { tld: string; currency: string }, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    const removed = await tx.delete(tldPrices).where(and(eq(tldPrices.tld, input.tld), eq(tldPrices.currency, input.currency))).returning();
    if (removed.length === 0) refuse("adminCatalog.errors.tldNotFound");
    await auditCatalog(tx, staff, context, "staff.catalog_tld_price_changed", {
      tld: input.tld,
      currency: input.currency,
      before: removed.sort((a, b) => a.years - b.years).map((row) => ({ years: row.years, ...amounts(row) })),
      after: null,
    });
  }, "adminCatalog.tlds.stopped");
}
