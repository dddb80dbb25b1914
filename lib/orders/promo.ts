import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { promoCodes, promoRedemptions } from "@/db/schema";
import { storeError, type StoreErrorKey } from "./store-error";

export type PromoCode = typeof promoCodes.$inferSelect;

/** Codes are compared without regard to case or surrounding spaces ("bienvenida15" is BIENVENIDA15). */
export function normalizePromoCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The code as stored, through the unique index on upper(code); null when there is none. */
export async function findPromoCode(executor: Executor, code: string): Promise<PromoCode | null> {
  const [row] = await executor
    .select()
    .from(promoCodes)
    .where(sql`upper(${promoCodes.code}) = ${normalizePromoCode(code)}`)
    .limit(1);
  return row ?? null;
}

/**
 * The rules a code must meet for this cart, each with its own message: it exists and is active, has
 * not expired, has uses left, and applies to at least one product in the cart (no products listed =
 * every product). Checked when applied and again at checkout; the use itself is taken by
 * `takePromoUse`, which checks the same limits in the statement that counts it.
 */
export function promoRefusal(promo: PromoCode | null, productIdsInCart: readonly number[], now: Date): StoreErrorKey | null {
  if (!promo || !promo.active) return storeError("promoNotFound");
  if (promo.expiresAt && promo.expiresAt.getTime() <= now.getTime()) return storeError("promoExpired");
  if (promo.maxUses !== null && promo.uses >= promo.maxUses) return storeError("promoExhausted");
  if (!productIdsInCart.some((productId) => promoAppliesTo(promo, productId))) return storeError("promoNotApplicable");
  return null;
}

export function promoAppliesTo(promo: Pick<PromoCode, "productIds">, productId: number): boolean {
  return promo.productIds.length === 0 || promo.productIds.includes(productId);
}

/** The discount on `amount` cents: a percentage (basis points, rounded to the cent) or a fixed sum, never more than the amount. */
export function promoDiscount(promo: Pick<PromoCode, "type" | "value">, amount: number): number {
  if (amount <= 0) return 0;
  const discount = promo.type === "percent" ? Math.round((amount * promo.value) / 10_000) : promo.value;
  return Math.max(0, Math.min(amount, discount));
}

/**
 * Counts one use inside the checkout transaction, in one statement that re-checks active, expiry and
 * max uses: two checkouts racing for the last use cannot both pass (the second waits on the row and
 * then finds no use left). False when the code can no longer be used; the caller rolls back.
 */
export async function takePromoUse(tx: Transaction, input: { promoCodeId: number; orderId: number; clientId: number }): Promise<boolean> {
  const rows = await tx
    .update(promoCodes)
    .set({ uses: sql`${promoCodes.uses} + 1` })
    .where(
      and(
        eq(promoCodes.id, input.promoCodeId),
        eq(promoCodes.active, true),
        or(isNull(promoCodes.maxUses), lt(promoCodes.uses, promoCodes.maxUses)),
        or(isNull(promoCodes.expiresAt), gt(promoCodes.expiresAt, sql`now()`)),
      ),
    )
    .returning({ id: promoCodes.id });
  if (rows.length === 0) return false;
  await tx.insert(promoRedemptions).values({ promoCodeId: input.promoCodeId, orderId: input.orderId, clientId: input.clientId });
  return true;
}
