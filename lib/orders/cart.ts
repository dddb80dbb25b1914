import { and, count, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { cartItems, carts, serviceAddons, type BillingCycle, type DomainChoice } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { getClientCurrency } from "@/lib/domains/client-currency";
import { searchDomains } from "@/lib/domains/search-domains";
import { LIVE_ADDON_STATUSES } from "./addons";
import { priceCart, priceChoicesFor, type CartItemChoices, type PricedCart } from "./pricing";
import { findPromoCode, normalizePromoCode, promoRefusal } from "./promo";
import { STORE_ERRORS, storeError, type StoreErrorKey } from "./store-error";

export const MAX_CART_ITEMS = 20;

export type CartResult = { ok: true } | { ok: false; error: StoreErrorKey; field?: string };

/** The page's view of the client's cart, priced now in the page's language. */
export async function getCart(scope: ClientScope, locale?: string): Promise<PricedCart> {
  return priceCart(await getDb(), scope, { locale });
}

/** How many items the menu's cart link shows; one statement. */
export async function countCartItems(scope: ClientScope): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(cartItems).where(eq(cartItems.clientId, scope.clientId));
  return row?.n ?? 0;
}

/** The client's cart row, created on first use (one per client: the unique client id settles a race). */
async function cartIdFor(executor: Executor, scope: ClientScope): Promise<number> {
  await executor.insert(carts).values({ clientId: scope.clientId }).onConflictDoNothing({ target: carts.clientId });
  const [cart] = await executor.select({ id: carts.id }).from(carts).where(eq(carts.clientId, scope.clientId));
  return cart!.id;
}

export type ProductChoicesInput = {
  productId: number;
  billingCycle: BillingCycle;
  configChoices: Record<string, number>;
  domainChoice?: DomainChoice;
  domain?: string;
  domainYears?: number;
};

/**
 * "Añadir al carrito": the choices are priced exactly as checkout will price them, so an unknown or
 * hidden product, a cycle it is not sold in, a foreign option or a domain that cannot be had is
 * refused with its message and nothing is written. A new or transferred domain is checked with the
 * registrar first (outside any transaction).
 */
export async function addProductToCart(scope: ClientScope, input: ProductChoicesInput): Promise<CartResult> {
  const db = await getDb();
  const choices: CartItemChoices = {
    kind: "product",
    productId: input.productId,
    addonId: null,
    serviceId: null,
    billingCycle: input.billingCycle,
    domain: input.domain?.trim() || null,
    domainChoice: input.domainChoice ?? null,
    domainYears: input.domainYears ?? null,
    configChoices: input.configChoices,
  };
  const priced = await priceChoicesFor(db, scope, choices);
  if (!priced) return { ok: false, error: storeError("productNotFound") };
  if (priced.error) return { ok: false, error: priced.error, field: fieldOf(priced.error) };
  const product = priced.product!;
  choices.domain = product.domain || null;
  if (!product.domainOrder) choices.domainYears = null;
  if (!choices.domain) choices.domainChoice = null;

  if (product.domainOrder) {
    const inCart = await db
      .select({ id: cartItems.id })
      .from(cartItems)
      .where(and(eq(cartItems.clientId, scope.clientId), eq(cartItems.domain, product.domainOrder.name), inArray(cartItems.domainChoice, ["register", "transfer"])));
    if (inCart.length > 0) return { ok: false, error: storeError("domainAlreadyInCart"), field: "domain" };
    const registrarRefusal = await checkWithRegistrar(scope, product.domainOrder.name, product.domainOrder.action);
    if (registrarRefusal) return { ok: false, error: registrarRefusal, field: "domain" };
  }
  return insertItem(scope, choices);
}

/** "Añadir al carrito" on the addons page: an addon for one of the client's own services. */
export async function addAddonToCart(scope: ClientScope, input: { addonId: number; serviceId: number }): Promise<CartResult> {
  const db = await getDb();
  const choices: CartItemChoices = {
    kind: "addon",
    productId: null,
    addonId: input.addonId,
    serviceId: input.serviceId,
    billingCycle: null,
    domain: null,
    domainChoice: null,
    domainYears: null,
    configChoices: {},
  };
  const priced = await priceChoicesFor(db, scope, choices);
  if (!priced) return { ok: false, error: storeError("addonNotFound") };
  if (priced.error) return { ok: false, error: priced.error };
  choices.billingCycle = priced.addon!.billingCycle;
  const [inCart] = await db
    .select({ id: cartItems.id })
    .from(cartItems)
    .where(and(eq(cartItems.clientId, scope.clientId), eq(cartItems.addonId, input.addonId), eq(cartItems.serviceId, input.serviceId)));
  if (inCart) return { ok: false, error: storeError("addonAlreadyInCart") };
  const [owned] = await db
    .select({ id: serviceAddons.id })
    .from(serviceAddons)
    .where(
      and(
        eq(serviceAddons.clientId, scope.clientId),
        eq(serviceAddons.serviceId, input.serviceId),
        eq(serviceAddons.addonId, input.addonId),
        inArray(serviceAddons.status, [...LIVE_ADDON_STATUSES]),
      ),
    );
  if (owned) return { ok: false, error: storeError("addonAlreadyActive") };
  return insertItem(scope, choices);
}

async function insertItem(scope: ClientScope, choices: CartItemChoices): Promise<CartResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const cartId = await cartIdFor(tx, scope);
    // The cart row is the lock: two tabs adding at once cannot both pass the size check.
    await tx.select({ id: carts.id }).from(carts).where(and(eq(carts.id, cartId), eq(carts.clientId, scope.clientId))).for("update");
    const [row] = await tx.select({ n: count() }).from(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.clientId, scope.clientId)));
    if ((row?.n ?? 0) >= MAX_CART_ITEMS) return { ok: false as const, error: storeError("cartFull") };
    await tx.insert(cartItems).values({ ...choices, cartId, clientId: scope.clientId });
    await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, cartId));
    return { ok: true as const };
  });
}

/** "Cambiar ciclo" in the cart: only a cycle the product is sold in; the item keeps its other choices. */
export async function changeCartItemCycle(scope: ClientScope, input: { itemId: number; billingCycle: BillingCycle }): Promise<CartResult> {
  const db = await getDb();
  const [item] = await db
    .select()
    .from(cartItems)
    .where(and(eq(cartItems.id, input.itemId), eq(cartItems.clientId, scope.clientId), eq(cartItems.kind, "product")));
  if (!item) return { ok: false, error: storeError("itemNotFound") };
  const priced = await priceChoicesFor(db, scope, { ...item, billingCycle: input.billingCycle });
  if (!priced || priced.error === storeError("cycleNotOffered") || priced.error === storeError("productNotFound")) {
    return { ok: false, error: priced?.error ?? storeError("productNotFound") };
  }
  await db
    .update(cartItems)
    .set({ billingCycle: input.billingCycle })
    .where(and(eq(cartItems.id, item.id), eq(cartItems.clientId, scope.clientId)));
  return { ok: true };
}

export async function removeCartItem(scope: ClientScope, itemId: number): Promise<CartResult> {
  const db = await getDb();
  const removed = await db
    .delete(cartItems)
    .where(and(eq(cartItems.id, itemId), eq(cartItems.clientId, scope.clientId)))
    .returning({ id: cartItems.id });
  return removed.length > 0 ? { ok: true } : { ok: false, error: storeError("itemNotFound") };
}

/** "Aplicar": the code is kept on the cart only if it passes every rule for this cart now. */
export async function applyPromoCode(scope: ClientScope, code: string): Promise<CartResult> {
  const db = await getDb();
  const cart = await priceCart(db, scope);
  if (cart.cartId === null || cart.items.length === 0) return { ok: false, error: storeError("cartEmpty"), field: "code" };
  const promo = await findPromoCode(db, code);
  const productIds = cart.items.flatMap((item) => (item.product && !item.error ? [item.product.productId] : []));
  const refusal = promoRefusal(promo, productIds, new Date());
  if (refusal) return { ok: false, error: refusal, field: "code" };
  await db
    .update(carts)
    .set({ promoCode: normalizePromoCode(promo!.code) })
    .where(and(eq(carts.id, cart.cartId), eq(carts.clientId, scope.clientId)));
  return { ok: true };
}

export async function removePromoCode(scope: ClientScope): Promise<CartResult> {
  const db = await getDb();
  await db.update(carts).set({ promoCode: null }).where(eq(carts.clientId, scope.clientId));
  return { ok: true };
}

/**
 * Standalone domain items (register, transfer, renew), priced exactly as checkout will price them:
 * one refusal refuses them all and nothing is written. A domain already in the cart for the same
 * action (or the same domain to renew) is refused; new names are checked with the registrar first.
 */
export async function addDomainItemsToCart(scope: ClientScope, items: CartItemChoices[]): Promise<CartResult & { domain?: string }> {
  const db = await getDb();
  if (items.length === 0) return { ok: false, error: storeError("itemNotFound") };
  const existing = await db
    .select({ kind: cartItems.kind, domain: cartItems.domain, domainId: cartItems.domainId, domainChoice: cartItems.domainChoice })
    .from(cartItems)
    .where(eq(cartItems.clientId, scope.clientId));
  const prepared: CartItemChoices[] = [];
  for (const item of items) {
    const priced = await priceChoicesFor(db, scope, item);
    if (!priced) return { ok: false, error: storeError("itemNotFound") };
    if (priced.error) return { ok: false, error: priced.error, field: fieldOf(priced.error) ?? "domain", domain: priced.domain ?? undefined };
    const order = priced.domainItem!;
    const duplicate =
      order.action === "renew"
        ? existing.some((row) => row.kind === "domain_renew" && row.domainId === order.domainId) || prepared.some((other) => other.domainId === order.domainId)
        : existing.some((row) => row.domain === order.name && (row.kind === "domain_register" || row.kind === "domain_transfer" || (row.kind === "product" && row.domainChoice !== "existing")));
    if (duplicate) return { ok: false, error: storeError("domainAlreadyInCart"), field: "domain", domain: order.name };
    if (order.action !== "renew") {
      const refusal = await checkWithRegistrar(scope, order.name, order.action);
      if (refusal) return { ok: false, error: refusal, field: "domain", domain: order.name };
    }
    prepared.push({ ...item, domain: order.name, domainId: order.domainId, eppCode: order.eppCode, productId: null, addonId: null, serviceId: null, billingCycle: null, domainChoice: null, configChoices: {} });
  }
  return db.transaction(async (tx) => {
    const cartId = await cartIdFor(tx, scope);
    await tx.select({ id: carts.id }).from(carts).where(and(eq(carts.id, cartId), eq(carts.clientId, scope.clientId))).for("update");
    const [row] = await tx.select({ n: count() }).from(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.clientId, scope.clientId)));
    if ((row?.n ?? 0) + prepared.length > MAX_CART_ITEMS) return { ok: false as const, error: storeError("cartFull") };
    await tx.insert(cartItems).values(
      prepared.map((choices) => ({
        kind: choices.kind,
        productId: null,
        addonId: null,
        serviceId: null,
        billingCycle: null,
        domain: choices.domain,
        domainChoice: null,
        domainYears: choices.domainYears,
        configChoices: {},
        domainId: choices.domainId ?? null,
        idProtection: Boolean(choices.idProtection),
        dnsManagement: Boolean(choices.dnsManagement),
        emailForwarding: Boolean(choices.emailForwarding),
        eppCode: choices.eppCode ?? null,
        cartId,
        clientId: scope.clientId,
      })),
    );
    await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, cartId));
    return { ok: true as const };
  });
}

/** A new domain must be free and a transfer must name a registered one; the registrar says which. */
async function checkWithRegistrar(scope: ClientScope, name: string, action: "register" | "transfer"): Promise<StoreErrorKey | null> {
  const currency = await getClientCurrency(scope);
  const result = await searchDomains(name, action, currency);
  if (!result.ok) return storeError("domainInvalid");
  const row = result.rows.find((candidate) => candidate.requested);
  if (!row || row.outcome === "unknown") return storeError("domainCheckFailed");
  if (action === "register" && row.outcome !== "available") return storeError("domainTaken");
  if (action === "transfer" && row.outcome !== "transferable") return storeError("domainNotTransferable");
  return null;
}

function fieldOf(error: StoreErrorKey): string | undefined {
  if (STORE_ERRORS.some((code) => code.startsWith("domain") && storeError(code) === error)) return "domain";
  if (error === storeError("cycleNotOffered")) return "billingCycle";
  if (error === storeError("optionNotFound")) return "options";
  return undefined;
}
