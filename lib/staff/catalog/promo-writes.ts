import { eq, inArray, sql } from "drizzle-orm";
import { products, promoCodes, type PromoType } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { auditCatalog, catalogWrite, refuse, refuseField, type Actor, type Context } from "./catalog-write";

export type PromoInput = {
  promoId: number | null;
  code: string;
  type: PromoType;
  /** Basis points for "percent", cents for "fixed", as promo_codes holds it. */
  value: number;
  recurring: boolean;
  productIds: number[];
  /** Last day the code works (Europe/Madrid), or null for no end. */
  expiresOn: string | null;
  maxUses: number | null;
  active: boolean;
};

const CODE_TAKEN = { field: "code", error: "adminCatalog.errors.codeTaken" };

/** The first instant after `day` ends in Madrid: the code works the whole of its last day. */
export function endOfMadridDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date + 1);
  // Madrid is 1 or 2 hours ahead of UTC: its clock at 00:00 UTC reads that offset (Intl's time zone data).
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Madrid", hourCycle: "h23", hour: "2-digit" }).formatToParts(new Date(midnightUtc));
  const offsetHours = Number(parts.find((part) => part.type === "hour")!.value);
  return new Date(midnightUtc - offsetHours * 3_600_000);
}

const stateOf = (row: typeof promoCodes.$inferSelect) => ({
  code: row.code,
  type: row.type,
  value: row.value,
  recurring: row.recurring,
  productIds: row.productIds,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  maxUses: row.maxUses,
  active: row.active,
});

/** Creates or changes a code; the uses already counted stay as they are (the checkout counts them). */
export async function savePromoCode(staff: Actor, input: PromoInput, context: Context): Promise<ActionResult> {
  const values = {
    code: input.code,
    type: input.type,
    value: input.value,
    recurring: input.recurring,
    productIds: input.productIds,
    expiresAt: input.expiresOn ? endOfMadridDay(input.expiresOn) : null,
    maxUses: input.maxUses,
    active: input.active,
  };
  const after = { ...values, expiresAt: values.expiresAt?.toISOString() ?? null };
  return catalogWrite(
    async (tx) => {
      if (input.productIds.length > 0) {
        const found = await tx.select({ id: products.id }).from(products).where(inArray(products.id, input.productIds));
        if (found.length !== input.productIds.length) refuseField("productIds", "adminCatalog.errors.productNotFound");
      }
      const [clash] = await tx.select({ id: promoCodes.id }).from(promoCodes).where(sql`upper(${promoCodes.code}) = ${input.code}`);
      if (clash && clash.id !== input.promoId) refuseField("code", CODE_TAKEN.error);
      if (input.promoId === null) {
        const [row] = await tx.insert(promoCodes).values(values).returning({ id: promoCodes.id });
        await auditCatalog(tx, staff, context, "staff.catalog_promo_saved", { promoId: row!.id, before: null, after });
        return;
      }
      const [before] = await tx.select().from(promoCodes).where(eq(promoCodes.id, input.promoId)).for("update");
      if (!before) return refuse("adminCatalog.errors.promoNotFound");
      await tx.update(promoCodes).set(values).where(eq(promoCodes.id, before.id));
      await auditCatalog(tx, staff, context, "staff.catalog_promo_saved", { promoId: before.id, before: stateOf(before), after });
    },
    input.promoId === null ? "adminCatalog.promos.created" : "adminCatalog.promos.saved",
    CODE_TAKEN,
  );
}

/** "Desactivar" (or back on): the store refuses an inactive code at once, in the cart and at checkout. */
export async function setPromoActive(staff: Actor, input: { promoId: number; active: boolean }, context: Context): Promise<ActionResult> {
  return catalogWrite(
    async (tx) => {
      const [before] = await tx.select().from(promoCodes).where(eq(promoCodes.id, input.promoId)).for("update");
      if (!before) return refuse("adminCatalog.errors.promoNotFound");
      await tx.update(promoCodes).set({ active: input.active }).where(eq(promoCodes.id, before.id));
      await auditCatalog(tx, staff, context, "staff.catalog_promo_saved", { promoId: before.id, code: before.code, before: { active: before.active }, after: { active: input.active } });
    },
    input.active ? "adminCatalog.promos.activated" : "adminCatalog.promos.deactivated",
  );
}
