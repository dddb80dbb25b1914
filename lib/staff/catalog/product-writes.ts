import { and, count, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import {
  addonProducts,
  addons,
  cartItems,
  downloads,
  productConfigChoicePrices,
  productConfigChoices,
  productConfigOptions,
  productGroups,
  productPrices,
  products,
  services,
  type BillingCycle,
} from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { auditCatalog, catalogWrite, refuse, refuseField, type Actor, type Context } from "./catalog-write";

export type ProductInput = {
  productId: number;
  groupId: number;
  name: string;
  description: string | null;
  features: string[];
  hidden: boolean;
  requiresDomain: boolean;
  panelPackage: string | null;
  sortOrder: number;
};

const NOT_FOUND = "adminCatalog.errors.productNotFound";

async function lockProduct(tx: Transaction, productId: number) {
  const [row] = await tx.select().from(products).where(eq(products.id, productId)).for("update");
  return row ?? refuse(NOT_FOUND);
}

const detailsOf = (product: typeof products.$inferSelect) => ({
  groupId: product.groupId,
  name: product.name,
  description: product.description,
  features: product.features,
  hidden: product.hidden,
  requiresDomain: product.requiresDomain,
  panelPackage: product.panelPackage,
  sortOrder: product.sortOrder,
});

/** The product's own fields; the panel package is what provisioning asks the hosting panel to create. */
export async function updateProduct(staff: Actor, input: ProductInput, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    const before = await lockProduct(tx, input.productId);
    const [group] = await tx.select({ id: productGroups.id }).from(productGroups).where(eq(productGroups.id, input.groupId));
    if (!group) refuseField("groupId", "adminCatalog.errors.groupNotFound");
    const { productId, ...values } = input;
    await tx.update(products).set(values).where(eq(products.id, productId));
    await auditCatalog(tx, staff, context, "staff.catalog_product_saved", { productId, before: detailsOf(before), after: values });
  }, "adminCatalog.products.saved");
}

/**
 * Only a product nobody has ever had: services (of any status) and the invoices and renewals behind
 * them point at it, and so may a download. Those are refused with the reason ("hide it instead").
 * Its prices, options, addon links and any customer's cart items for it go with it.
 */
export async function deleteProduct(staff: Actor, input: { productId: number }, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    const product = await lockProduct(tx, input.productId);
    const [used] = await tx.select({ n: count() }).from(services).where(eq(services.productId, product.id));
    if (used!.n > 0) refuse("adminCatalog.errors.productHasServices");
    const [listed] = await tx.select({ n: count() }).from(downloads).where(eq(downloads.requiredProductId, product.id));
    if (listed!.n > 0) refuse("adminCatalog.errors.productHasDownloads");
    const options = await tx.select({ id: productConfigOptions.id }).from(productConfigOptions).where(eq(productConfigOptions.productId, product.id));
    const optionIds = options.map((option) => option.id);
    if (optionIds.length > 0) {
      const choices = await tx.select({ id: productConfigChoices.id }).from(productConfigChoices).where(inArray(productConfigChoices.optionId, optionIds));
      if (choices.length > 0) await tx.delete(productConfigChoicePrices).where(inArray(productConfigChoicePrices.choiceId, choices.map((choice) => choice.id)));
      await tx.delete(productConfigChoices).where(inArray(productConfigChoices.optionId, optionIds));
      await tx.delete(productConfigOptions).where(inArray(productConfigOptions.id, optionIds));
    }
    const prices = await tx.delete(productPrices).where(eq(productPrices.productId, product.id)).returning();
    await tx.delete(addonProducts).where(eq(addonProducts.productId, product.id));
    const carts = await tx.delete(cartItems).where(eq(cartItems.productId, product.id)).returning({ id: cartItems.id });
    await tx.delete(products).where(eq(products.id, product.id));
    await auditCatalog(tx, staff, context, "staff.catalog_product_deleted", {
      productId: product.id,
      before: { ...detailsOf(product), prices: prices.map(({ currency, billingCycle, price, setupFee }) => ({ currency, billingCycle, price, setupFee })) },
      after: null,
      cartItemsRemoved: carts.length,
    });
  }, "adminCatalog.products.deleted");
}

export type PriceInput = { productId: number; currency: string; billingCycle: BillingCycle; price: number; setupFee: number };

const priceKey = (input: { productId: number; currency: string; billingCycle: BillingCycle }) =>
  and(eq(productPrices.productId, input.productId), eq(productPrices.currency, input.currency), eq(productPrices.billingCycle, input.billingCycle));

/** Adds the cycle or changes its price and setup fee: what the store charges from the next cart priced. */
export async function saveProductPrice(staff: Actor, input: PriceInput, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    await lockProduct(tx, input.productId);
    const [before] = await tx.select().from(productPrices).where(priceKey(input));
    if (before) await tx.update(productPrices).set({ price: input.price, setupFee: input.setupFee }).where(priceKey(input));
    else await tx.insert(productPrices).values(input);
    await auditCatalog(tx, staff, context, "staff.catalog_price_changed", {
      kind: "product",
      productId: input.productId,
      currency: input.currency,
      billingCycle: input.billingCycle,
      before: before ? { price: before.price, setupFee: before.setupFee } : null,
      after: { price: input.price, setupFee: input.setupFee },
    });
  }, "adminCatalog.prices.saved");
}

/** Stops selling the product on that cycle; services already on it keep their own recurring amount. */
export async function removeProductPrice(staff: Actor, input: Omit<PriceInput, "price" | "setupFee">, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    await lockProduct(tx, input.productId);
    const [removed] = await tx.delete(productPrices).where(priceKey(input)).returning();
    if (!removed) refuse("adminCatalog.errors.priceNotFound");
    await auditCatalog(tx, staff, context, "staff.catalog_price_changed", {
      kind: "product",
      productId: input.productId,
      currency: input.currency,
      billingCycle: input.billingCycle,
      before: { price: removed!.price, setupFee: removed!.setupFee },
      after: null,
    });
  }, "adminCatalog.prices.removed");
}

/** The addons offered with this product ("Ver complementos" and the cart check the same links). */
export async function setProductAddons(staff: Actor, input: { productId: number; addonIds: number[] }, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    await lockProduct(tx, input.productId);
    if (input.addonIds.length > 0) {
      const found = await tx.select({ id: addons.id }).from(addons).where(inArray(addons.id, input.addonIds));
      if (found.length !== input.addonIds.length) refuseField("addonIds", "adminCatalog.errors.addonNotFound");
    }
    const before = await tx.delete(addonProducts).where(eq(addonProducts.productId, input.productId)).returning({ addonId: addonProducts.addonId });
    if (input.addonIds.length > 0) await tx.insert(addonProducts).values(input.addonIds.map((addonId) => ({ addonId, productId: input.productId })));
    await auditCatalog(tx, staff, context, "staff.catalog_product_saved", {
      productId: input.productId,
      before: { addonIds: before.map((row) => row.addonId).sort((a, b) => a - b) },
      after: { addonIds: input.addonIds },
    });
  }, "adminCatalog.addons.linksSaved");
}
