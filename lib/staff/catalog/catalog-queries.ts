import { asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  BILLING_CYCLES,
  addonProducts,
  addons,
  productConfigChoicePrices,
  productConfigChoices,
  productConfigOptions,
  productGroups,
  productPrices,
  products,
  promoCodes,
  services,
  tldPrices,
  type BillingCycle,
} from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { compareTlds } from "@/lib/domains/tld-prices";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";

// What the catalogue pages show staff (after requireStaff(["admin"])): everything, hidden rows
// included, in the order the store uses (sort order, then id). Each function is a fixed number of
// statements whatever the sizes.

const cycleRank = (cycle: BillingCycle) => BILLING_CYCLES.indexOf(cycle);
const byCurrencyThenCycle = (a: { currency: string; billingCycle: BillingCycle }, b: { currency: string; billingCycle: BillingCycle }) =>
  a.currency.localeCompare(b.currency) || cycleRank(a.billingCycle) - cycleRank(b.billingCycle);

export type CatalogProductRow = { id: number; groupId: number; name: string; hidden: boolean; sortOrder: number; prices: number; services: number };
export type CatalogGroup = typeof productGroups.$inferSelect & { products: CatalogProductRow[] };

/** Every group with its products, each with how many prices it has and how many services use it: two statements. */
export async function listCatalogGroups(): Promise<CatalogGroup[]> {
  const db = await getDb();
  const groups = await db.select().from(productGroups).orderBy(asc(productGroups.sortOrder), asc(productGroups.id));
  const rows = await db
    .select({
      id: products.id,
      groupId: products.groupId,
      name: products.name,
      hidden: products.hidden,
      sortOrder: products.sortOrder,
      prices: sql<number>`(select count(*)::int from ${productPrices} p where p.product_id = ${products.id})`,
      services: sql<number>`(select count(*)::int from ${services} s where s.product_id = ${products.id})`,
    })
    .from(products)
    .orderBy(asc(products.sortOrder), asc(products.id));
  return groups.map((group) => ({ ...group, products: rows.filter((row) => row.groupId === group.id) }));
}

export type PriceRow = { currency: string; billingCycle: BillingCycle; price: number; setupFee: number };
export type CatalogChoice = { id: number; label: string; panelValue: string | null; sortOrder: number; prices: PriceRow[] };
export type CatalogOption = { id: number; name: string; type: "select" | "yesno"; sortOrder: number; choices: CatalogChoice[] };
export type CatalogProduct = {
  product: typeof products.$inferSelect;
  prices: PriceRow[];
  options: CatalogOption[];
  groups: { id: number; name: string }[];
  addons: { id: number; name: string; hidden: boolean; linked: boolean }[];
  services: number;
};

/** One product with all its prices (every currency), options, choices, choice prices and addon links; null when missing. */
export async function getCatalogProduct(_scope: StaffScope, productId: number): Promise<CatalogProduct | null> {
  const db = await getDb();
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product) return null;
  const [prices, optionRows, groups, addonRows, [used]] = await Promise.all([
    db.select().from(productPrices).where(eq(productPrices.productId, productId)),
    db.select().from(productConfigOptions).where(eq(productConfigOptions.productId, productId)).orderBy(asc(productConfigOptions.sortOrder), asc(productConfigOptions.id)),
    db.select({ id: productGroups.id, name: productGroups.name }).from(productGroups).orderBy(asc(productGroups.sortOrder), asc(productGroups.id)),
    db
      .select({ id: addons.id, name: addons.name, hidden: addons.hidden, linked: sql<boolean>`exists (select 1 from ${addonProducts} l where l.addon_id = ${addons.id} and l.product_id = ${productId})` })
      .from(addons)
      .orderBy(asc(addons.name), asc(addons.id)),
    db.select({ n: sql<number>`count(*)::int` }).from(services).where(eq(services.productId, productId)),
  ]);
  const choiceRows =
    optionRows.length === 0
      ? []
      : await db
          .select()
          .from(productConfigChoices)
          .where(inArray(productConfigChoices.optionId, optionRows.map((option) => option.id)))
          .orderBy(asc(productConfigChoices.sortOrder), asc(productConfigChoices.id));
  const choicePrices =
    choiceRows.length === 0 ? [] : await db.select().from(productConfigChoicePrices).where(inArray(productConfigChoicePrices.choiceId, choiceRows.map((choice) => choice.id)));
  const priceRow = ({ currency, billingCycle, price, setupFee }: PriceRow) => ({ currency, billingCycle, price, setupFee });
  return {
    product,
    prices: prices.map(priceRow).sort(byCurrencyThenCycle),
    options: optionRows.map((option) => ({
      id: option.id,
      name: option.name,
      type: option.type,
      sortOrder: option.sortOrder,
      choices: choiceRows
        .filter((choice) => choice.optionId === option.id)
        .map((choice) => ({
          id: choice.id,
          label: choice.label,
          panelValue: choice.panelValue,
          sortOrder: choice.sortOrder,
          prices: choicePrices.filter((price) => price.choiceId === choice.id).map(priceRow).sort(byCurrencyThenCycle),
        })),
    })),
    groups,
    addons: addonRows,
    services: used?.n ?? 0,
  };
}

export type CatalogAddon = typeof addons.$inferSelect & { productNames: string[] };

/** Every addon with the names of the products it is offered with: two statements. */
export async function listCatalogAddons(): Promise<CatalogAddon[]> {
  const db = await getDb();
  const rows = await db.select().from(addons).orderBy(asc(addons.name), asc(addons.id));
  const links = await db
    .select({ addonId: addonProducts.addonId, name: products.name })
    .from(addonProducts)
    .innerJoin(products, eq(products.id, addonProducts.productId))
    .orderBy(asc(products.sortOrder), asc(products.id));
  return rows.map((row) => ({ ...row, productNames: links.filter((link) => link.addonId === row.id).map((link) => link.name) }));
}

export type CatalogTld = { tld: string; currency: string; rows: { years: number; register: number; transfer: number; renew: number }[] };

/** Every TLD we sell, per currency, with a row per number of years, .es and .com first: one statement. */
export async function listCatalogTlds(): Promise<CatalogTld[]> {
  const db = await getDb();
  const rows = await db.select().from(tldPrices).orderBy(asc(tldPrices.tld), asc(tldPrices.currency), asc(tldPrices.years));
  const byKey = new Map<string, CatalogTld>();
  for (const row of rows) {
    const key = `${row.tld}|${row.currency}`;
    const entry = byKey.get(key) ?? { tld: row.tld, currency: row.currency, rows: [] };
    entry.rows.push({ years: row.years, register: row.register, transfer: row.transfer, renew: row.renew });
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => compareTlds(a.tld, b.tld) || a.currency.localeCompare(b.currency));
}

export type CatalogPromo = typeof promoCodes.$inferSelect;

const NEWEST_PROMOS: KeysetOrder = { key: promoCodes.id, id: promoCodes.id, type: "integer", order: "desc", name: "promos" };

/** Promo codes newest first, a page at a time (the list only grows: codes are deactivated, never deleted). */
export async function listPromoCodes(_scope: StaffScope, options: { cursor?: string | null; limit?: number } = {}): Promise<Page<CatalogPromo>> {
  const db = await getDb();
  const keyset = keysetPage(NEWEST_PROMOS, options.cursor, pageSize(options.limit, 25));
  const fetched = await db
    .select({ ...promoCodeColumns(), cursorKey: cursorKey(NEWEST_PROMOS) })
    .from(promoCodes)
    .where(keyset.where)
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, (row) => row as CatalogPromo);
}

function promoCodeColumns() {
  return {
    id: promoCodes.id,
    code: promoCodes.code,
    type: promoCodes.type,
    value: promoCodes.value,
    recurring: promoCodes.recurring,
    productIds: promoCodes.productIds,
    expiresAt: promoCodes.expiresAt,
    maxUses: promoCodes.maxUses,
    uses: promoCodes.uses,
    active: promoCodes.active,
    createdAt: promoCodes.createdAt,
  };
}

/** Every product's id and name, for the forms that pick products (promo codes). */
export async function listProductNames(): Promise<{ id: number; name: string }[]> {
  const db = await getDb();
  return db.select({ id: products.id, name: products.name }).from(products).orderBy(asc(products.sortOrder), asc(products.id));
}
