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
