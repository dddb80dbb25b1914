import { boolean, index, integer, pgTable, primaryKey, text, varchar } from "drizzle-orm/pg-core";
import { createdAt, currency, money } from "./columns";

export const BILLING_CYCLES = ["monthly", "quarterly", "semiannually", "annually", "biennially", "triennially", "onetime"] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

export const productGroups = pgTable("product_groups", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: varchar({ length: 200 }).notNull(),
  slug: varchar({ length: 100 }).notNull().unique(),
  description: text(),
  hidden: boolean().notNull().default(false),
  sortOrder: integer().notNull().default(0),
});

export const products = pgTable(
  "products",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer().notNull().references(() => productGroups.id),
    type: varchar({ length: 16 }).notNull().default("hosting"),
    name: varchar({ length: 200 }).notNull(),
    description: text(),
    /** Hosting-panel module that provisions it (e.g. "cpanel"); null for manual products. */
    panelModule: varchar({ length: 32 }),
    panelPackage: varchar({ length: 100 }),
    /** Servers of this group provision the product; the least full active one is chosen. */
    serverGroup: varchar({ length: 50 }),
    /** Hosting needs a domain to be ordered with (register, transfer or one the customer owns). */
    requiresDomain: boolean().notNull().default(false),
    /** The plan's selling points as the company writes them (shown in the store, not UI strings). */
    features: text().array().notNull().default([]),
    diskLimitMb: integer(),
    bandwidthLimitMb: integer(),
    hidden: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.groupId, t.sortOrder)],
);

export const productPrices = pgTable(
  "product_prices",
  {
    productId: integer().notNull().references(() => products.id),
    currency: currency(),
    billingCycle: varchar({ length: 16 }).$type<BillingCycle>().notNull(),
    setupFee: money(),
    price: money(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.currency, t.billingCycle] })],
);

export const addons = pgTable("addons", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: varchar({ length: 200 }).notNull(),
  description: text(),
  billingCycle: varchar({ length: 16 }).$type<BillingCycle>().notNull(),
  price: money(),
  setupFee: money(),
  currency: currency(),
  hidden: boolean().notNull().default(false),
});

/** Which products an addon can be added to. */
export const addonProducts = pgTable(
  "addon_products",
  {
    addonId: integer().notNull().references(() => addons.id),
    productId: integer().notNull().references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.addonId, t.productId] })],
);

export const CONFIG_OPTION_TYPES = ["select", "yesno"] as const;
export type ConfigOptionType = (typeof CONFIG_OPTION_TYPES)[number];

/** A configurable option of a product ("Espacio extra", "IP dedicada") that changes the price. */
export const productConfigOptions = pgTable(
  "product_config_options",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer().notNull().references(() => products.id),
    name: varchar({ length: 100 }).notNull(),
    type: varchar({ length: 16 }).$type<ConfigOptionType>().notNull().default("select"),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [index().on(t.productId, t.sortOrder)],
);

/** One choice of a configurable option; a yes/no option has a single choice (the "yes"). */
export const productConfigChoices = pgTable(
  "product_config_choices",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    optionId: integer().notNull().references(() => productConfigOptions.id),
    label: varchar({ length: 100 }).notNull(),
    /** What the hosting panel is told (e.g. extra quota in MB, "dedicated_ip"). */
    panelValue: varchar({ length: 100 }),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [index().on(t.optionId, t.sortOrder)],
);

/** What a choice adds to the product's price, per currency and billing cycle (0 when absent). */
export const productConfigChoicePrices = pgTable(
  "product_config_choice_prices",
  {
    choiceId: integer().notNull().references(() => productConfigChoices.id),
    currency: currency(),
    billingCycle: varchar({ length: 16 }).$type<BillingCycle>().notNull(),
    setupFee: money(),
    price: money(),
  },
  (t) => [primaryKey({ columns: [t.choiceId, t.currency, t.billingCycle] })],
);
