import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import {
  BILLING_CYCLES,
  productConfigChoicePrices,
  productConfigChoices,
  productConfigOptions,
  productGroups,
  productPrices,
  products,
  type BillingCycle,
  type ConfigOptionType,
} from "@/db/schema";

export type CyclePrice = { billingCycle: BillingCycle; price: number; setupFee: number };

export type StoreProduct = {
  id: number;
  groupId: number;
  name: string;
  description: string | null;
  features: string[];
  requiresDomain: boolean;
  /** The cycles sold in the customer's currency, monthly first; a product without any is not listed. */
  prices: CyclePrice[];
};

export type StoreGroup = { id: number; name: string; slug: string; description: string | null; products: StoreProduct[] };

export type ConfigChoice = { id: number; label: string; prices: CyclePrice[] };
export type ConfigOption = { id: number; name: string; type: ConfigOptionType; choices: ConfigChoice[] };
export type OrderableProduct = StoreProduct & { groupName: string; options: ConfigOption[] };

const cycleRank = (cycle: string) => BILLING_CYCLES.indexOf(cycle as BillingCycle);
const byCycle = (a: CyclePrice, b: CyclePrice) => cycleRank(a.billingCycle) - cycleRank(b.billingCycle);

/**
 * The store (walkthrough §4.2): visible groups with their visible products and each product's
 * prices per cycle in `currency`. Three statements whatever the size of the catalogue.
 */
export async function listStoreCatalogue(currency: string, db?: Executor): Promise<StoreGroup[]> {
  const executor = db ?? (await getDb());
  const groups = await executor
    .select({ id: productGroups.id, name: productGroups.name, slug: productGroups.slug, description: productGroups.description })
    .from(productGroups)
    .where(eq(productGroups.hidden, false))
    .orderBy(asc(productGroups.sortOrder), asc(productGroups.id));
  if (groups.length === 0) return [];
  const productRows = await executor
    .select()
    .from(products)
    .where(and(eq(products.hidden, false), inArray(products.groupId, groups.map((group) => group.id))))
    .orderBy(asc(products.sortOrder), asc(products.id));
  const prices = await pricesOf(executor, productRows.map((product) => product.id), currency);
  return groups
    .map((group) => ({
      ...group,
      products: productRows
        .filter((product) => product.groupId === group.id)
        .map((product) => toStoreProduct(product, prices.get(product.id) ?? []))
        .filter((product) => product.prices.length > 0),
    }))
    .filter((group) => group.products.length > 0);
}

/**
 * One product as the configure page and the pricing need it: visible (itself and its group), sold in
 * `currency`, with its configurable options, their choices and what each choice adds per cycle.
 * Null when the customer may not order it, so the caller answers "not found".
 */
export async function getOrderableProduct(executor: Executor, productId: number, currency: string): Promise<OrderableProduct | null> {
  const [row] = await executor
    .select({ product: products, groupName: productGroups.name })
    .from(products)
    .innerJoin(productGroups, eq(productGroups.id, products.groupId))
    .where(and(eq(products.id, productId), eq(products.hidden, false), eq(productGroups.hidden, false)));
  if (!row) return null;
  const prices = (await pricesOf(executor, [row.product.id], currency)).get(row.product.id) ?? [];
  if (prices.length === 0) return null;

  const optionRows = await executor
    .select()
    .from(productConfigOptions)
    .where(eq(productConfigOptions.productId, row.product.id))
    .orderBy(asc(productConfigOptions.sortOrder), asc(productConfigOptions.id));
  const choiceRows =
    optionRows.length === 0
      ? []
      : await executor
          .select()
          .from(productConfigChoices)
          .where(inArray(productConfigChoices.optionId, optionRows.map((option) => option.id)))
          .orderBy(asc(productConfigChoices.sortOrder), asc(productConfigChoices.id));
  const choicePriceRows =
    choiceRows.length === 0
      ? []
      : await executor
          .select()
          .from(productConfigChoicePrices)
          .where(and(inArray(productConfigChoicePrices.choiceId, choiceRows.map((choice) => choice.id)), eq(productConfigChoicePrices.currency, currency)));

  const options = optionRows.map((option) => ({
    id: option.id,
    name: option.name,
    type: option.type,
    choices: choiceRows
      .filter((choice) => choice.optionId === option.id)
      .map((choice) => ({
        id: choice.id,
        label: choice.label,
        prices: choicePriceRows
          .filter((price) => price.choiceId === choice.id)
          .map(({ billingCycle, price, setupFee }) => ({ billingCycle, price, setupFee }))
          .sort(byCycle),
      })),
  }));
  return { ...toStoreProduct(row.product, prices), groupName: row.groupName, options };
}

async function pricesOf(executor: Executor, productIds: number[], currency: string): Promise<Map<number, CyclePrice[]>> {
  const map = new Map<number, CyclePrice[]>();
  if (productIds.length === 0) return map;
  const rows = await executor
    .select()
    .from(productPrices)
    .where(and(inArray(productPrices.productId, productIds), eq(productPrices.currency, currency)));
  for (const row of rows) {
    const list = map.get(row.productId) ?? [];
    list.push({ billingCycle: row.billingCycle, price: row.price, setupFee: row.setupFee });
    map.set(row.productId, list);
  }
  for (const list of map.values()) list.sort(byCycle);
  return map;
}

function toStoreProduct(product: typeof products.$inferSelect, prices: CyclePrice[]): StoreProduct {
  return {
    id: product.id,
    groupId: product.groupId,
    name: product.name,
    description: product.description,
    features: product.features,
    requiresDomain: product.requiresDomain,
    prices,
  };
}

/** The configure page's product, in the currency the client is billed in. */
export async function getStoreProduct(productId: number, currency: string): Promise<OrderableProduct | null> {
  return getOrderableProduct(await getDb(), productId, currency);
}
