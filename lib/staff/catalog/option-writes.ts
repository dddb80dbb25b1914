import { and, count, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { productConfigChoicePrices, productConfigChoices, productConfigOptions, products, type BillingCycle, type ConfigOptionType } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { auditCatalog, catalogWrite, refuse, refuseField, type Actor, type Context } from "./catalog-write";

// Configurable options ("Espacio extra en disco") of a product, their choices and what each choice
// adds per currency and cycle. Services keep the names and values chosen at order time, so changing
// or deleting an option never touches what a customer already has.

export type OptionInput = { productId: number; optionId: number | null; name: string; type: ConfigOptionType; sortOrder: number };

async function lockOption(tx: Transaction, optionId: number) {
  const [row] = await tx.select().from(productConfigOptions).where(eq(productConfigOptions.id, optionId)).for("update");
  return row ?? refuse("adminCatalog.errors.optionNotFound");
}

async function lockChoice(tx: Transaction, choiceId: number) {
  const [row] = await tx.select().from(productConfigChoices).where(eq(productConfigChoices.id, choiceId)).for("update");
  return row ?? refuse("adminCatalog.errors.choiceNotFound");
}

export async function saveOption(staff: Actor, input: OptionInput, context: Context): Promise<ActionResult> {
  const values = { name: input.name, type: input.type, sortOrder: input.sortOrder };
  return catalogWrite(
    async (tx) => {
      const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
      if (!product) refuse("adminCatalog.errors.productNotFound");
      if (input.optionId === null) {
        const [row] = await tx.insert(productConfigOptions).values({ productId: input.productId, ...values }).returning({ id: productConfigOptions.id });
        await auditCatalog(tx, staff, context, "staff.catalog_option_saved", { kind: "option", productId: input.productId, optionId: row!.id, before: null, after: values });
        return;
      }
      const before = await lockOption(tx, input.optionId);
      if (before.productId !== input.productId) refuse("adminCatalog.errors.optionNotFound");
      if (input.type === "yesno" && before.type !== "yesno") {
        const [choices] = await tx.select({ n: count() }).from(productConfigChoices).where(eq(productConfigChoices.optionId, before.id));
        if (choices!.n > 1) refuseField("type", "adminCatalog.errors.yesNoOneChoice");
      }
      await tx.update(productConfigOptions).set(values).where(eq(productConfigOptions.id, before.id));
      await auditCatalog(tx, staff, context, "staff.catalog_option_saved", {
        kind: "option",
        productId: input.productId,
        optionId: before.id,
        before: { name: before.name, type: before.type, sortOrder: before.sortOrder },
        after: values,
      });
    },
    input.optionId === null ? "adminCatalog.options.created" : "adminCatalog.options.saved",
  );
}

export async function deleteOption(staff: Actor, input: { optionId: number }, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    const option = await lockOption(tx, input.optionId);
    const choices = await tx.select().from(productConfigChoices).where(eq(productConfigChoices.optionId, option.id));
    const prices = choices.length === 0 ? [] : await tx.delete(productConfigChoicePrices).where(inArray(productConfigChoicePrices.choiceId, choices.map((choice) => choice.id))).returning();
    await tx.delete(productConfigChoices).where(eq(productConfigChoices.optionId, option.id));
    await tx.delete(productConfigOptions).where(eq(productConfigOptions.id, option.id));
    await auditCatalog(tx, staff, context, "staff.catalog_option_deleted", {
      kind: "option",
      productId: option.productId,
      optionId: option.id,
      before: {
        name: option.name,
        type: option.type,
        choices: choices.map((choice) => ({
          label: choice.label,
          prices: prices.filter((price) => price.choiceId === choice.id).map(({ currency, billingCycle, price, setupFee }) => ({ currency, billingCycle, price, setupFee })),
        })),
      },
      after: null,
    });
  }, "adminCatalog.options.deleted");
}

export type ChoiceInput = { optionId: number; choiceId: number | null; label: string; panelValue: string | null; sortOrder: number };

export async function saveChoice(staff: Actor, input: ChoiceInput, context: Context): Promise<ActionResult> {
  const values = { label: input.label, panelValue: input.panelValue, sortOrder: input.sortOrder };
  return catalogWrite(
    async (tx) => {
      const option = await lockOption(tx, input.optionId);
      if (input.choiceId === null) {
        const [choices] = await tx.select({ n: count() }).from(productConfigChoices).where(eq(productConfigChoices.optionId, option.id));
        // A yes/no option is one tick box: its single choice is the "yes".
        if (option.type === "yesno" && choices!.n >= 1) refuseField("label", "adminCatalog.errors.yesNoOneChoice");
        const [row] = await tx.insert(productConfigChoices).values({ optionId: option.id, ...values }).returning({ id: productConfigChoices.id });
        await auditCatalog(tx, staff, context, "staff.catalog_option_saved", { kind: "choice", productId: option.productId, optionId: option.id, choiceId: row!.id, before: null, after: values });
        return;
      }
      const before = await lockChoice(tx, input.choiceId);
      if (before.optionId !== option.id) refuse("adminCatalog.errors.choiceNotFound");
      await tx.update(productConfigChoices).set(values).where(eq(productConfigChoices.id, before.id));
      await auditCatalog(tx, staff, context, "staff.catalog_option_saved", {
        kind: "choice",
        productId: option.productId,
        optionId: option.id,
        choiceId: before.id,
        before: { label: before.label, panelValue: before.panelValue, sortOrder: before.sortOrder },
        after: values,
      });
    },
    input.choiceId === null ? "adminCatalog.choices.created" : "adminCatalog.choices.saved",
  );
}

export async function deleteChoice(staff: Actor, input: { choiceId: number }, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    const choice = await lockChoice(tx, input.choiceId);
    const prices = await tx.delete(productConfigChoicePrices).where(eq(productConfigChoicePrices.choiceId, choice.id)).returning();
    await tx.delete(productConfigChoices).where(eq(productConfigChoices.id, choice.id));
    await auditCatalog(tx, staff, context, "staff.catalog_option_deleted", {
      kind: "choice",
      optionId: choice.optionId,
      choiceId: choice.id,
      before: { label: choice.label, prices: prices.map(({ currency, billingCycle, price, setupFee }) => ({ currency, billingCycle, price, setupFee })) },
      after: null,
    });
  }, "adminCatalog.choices.deleted");
}

export type ChoicePriceInput = { choiceId: number; currency: string; billingCycle: BillingCycle; price: number; setupFee: number };

const choicePriceKey = (input: { choiceId: number; currency: string; billingCycle: BillingCycle }) =>
  and(eq(productConfigChoicePrices.choiceId, input.choiceId), eq(productConfigChoicePrices.currency, input.currency), eq(productConfigChoicePrices.billingCycle, input.billingCycle));

export async function saveChoicePrice(staff: Actor, input: ChoicePriceInput, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    const choice = await lockChoice(tx, input.choiceId);
    const [before] = await tx.select().from(productConfigChoicePrices).where(choicePriceKey(input));
    if (before) await tx.update(productConfigChoicePrices).set({ price: input.price, setupFee: input.setupFee }).where(choicePriceKey(input));
    else await tx.insert(productConfigChoicePrices).values(input);
    await auditCatalog(tx, staff, context, "staff.catalog_price_changed", {
      kind: "choice",
      optionId: choice.optionId,
      choiceId: choice.id,
      currency: input.currency,
      billingCycle: input.billingCycle,
      before: before ? { price: before.price, setupFee: before.setupFee } : null,
      after: { price: input.price, setupFee: input.setupFee },
    });
  }, "adminCatalog.prices.saved");
}

export async function removeChoicePrice(staff: Actor, input: Omit<ChoicePriceInput, "price" | "setupFee">, context: Context): Promise<ActionResult> {
  return catalogWrite(async (tx) => {
    const choice = await lockChoice(tx, input.choiceId);
    const [removed] = await tx.delete(productConfigChoicePrices).where(choicePriceKey(input)).returning();
    if (!removed) refuse("adminCatalog.errors.priceNotFound");
    await auditCatalog(tx, staff, context, "staff.catalog_price_changed", {
      kind: "choice",
      optionId: choice.optionId,
      choiceId: choice.id,
      currency: input.currency,
      billingCycle: input.billingCycle,
      before: { price: removed!.price, setupFee: removed!.setupFee },
      after: null,
    });
  }, "adminCatalog.prices.removed");
}
