import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt, updatedAt } from "./columns";
import { addons, products, type BillingCycle } from "./products";
import { services } from "./services";

/** The signed-in customer's cart, kept in the database so it survives a reload and a second tab. */
export const carts = pgTable("carts", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  clientId: integer()
    .notNull()
    .unique()
    .references(() => clients.id),
  promoCode: varchar({ length: 50 }),
  updatedAt: updatedAt(),
  createdAt: createdAt(),
});

export const CART_ITEM_KINDS = ["product", "addon", "domain_register", "domain_transfer", "domain_renew"] as const;
export type CartItemKind = (typeof CART_ITEM_KINDS)[number];

export const DOMAIN_CHOICES = ["register", "transfer", "existing"] as const;
export type DomainChoice = (typeof DOMAIN_CHOICES)[number];

/**
 * What the customer chose; prices are not stored here: checkout computes them on the server from
 * the catalogue, so nothing the browser sent can set an amount.
 */
export const cartItems = pgTable(
  "cart_items",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    cartId: integer()
      .notNull()
      .references(() => carts.id),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    kind: varchar({ length: 20 }).$type<CartItemKind>().notNull(),
    productId: integer().references(() => products.id),
    addonId: integer().references(() => addons.id),
    /** The customer's service an addon is for. */
    serviceId: integer().references(() => services.id),
    billingCycle: varchar({ length: 16 }).$type<BillingCycle>(),
    domain: varchar({ length: 253 }),
    domainChoice: varchar({ length: 16 }).$type<DomainChoice>(),
    domainYears: integer(),
    /** A domain item (register, transfer, renew): the client's domain to renew. */
    domainId: integer(),
    idProtection: boolean().notNull().default(false),
    dnsManagement: boolean().notNull().default(false),
    emailForwarding: boolean().notNull().default(false),
    /** A transfer's authorisation code, until checkout hands it to the order item. */
    eppCode: varchar({ length: 128 }),
    /** { optionId: choiceId } for the product's configurable options. */
    configChoices: jsonb().$type<Record<string, number>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.cartId), index().on(t.clientId)],
);

export const PROMO_TYPES = ["percent", "fixed"] as const;
export type PromoType = (typeof PROMO_TYPES)[number];

export const promoCodes = pgTable(
  "promo_codes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: varchar({ length: 50 }).notNull(),
    type: varchar({ length: 16 }).$type<PromoType>().notNull(),
    /** Basis points for "percent" (1500 = 15 %), minor units for "fixed". */
    value: integer().notNull(),
    /** Also discounts the renewals, not only the first payment. */
    recurring: boolean().notNull().default(false),
    /** Products it applies to; empty for every product. */
    productIds: integer().array().notNull().default([]),
    expiresAt: timestamp({ withTimezone: true }),
    maxUses: integer(),
    /** Raised in the checkout transaction, guarded by maxUses in the same UPDATE. */
    uses: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("promo_codes_code_upper").on(sql`upper(${t.code})`)],
);

export const ORDER_STATUSES = ["pending", "active", "cancelled", "fraud"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** One checkout: its invoice and the services, addons and domains it created, in one transaction. */
export const orders = pgTable(
  "orders",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    reference: varchar({ length: 32 }).notNull().unique(),
    invoiceId: integer(),
    status: varchar({ length: 16 }).$type<OrderStatus>().notNull().default("pending"),
    promoCodeId: integer().references(() => promoCodes.id),
    createdByContactId: integer(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.createdAt), index().on(t.invoiceId)],
);

/** One use of a promo code by one order: the same order can never count a code twice. */
export const promoRedemptions = pgTable(
  "promo_redemptions",
  {
    promoCodeId: integer()
      .notNull()
      .references(() => promoCodes.id),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.promoCodeId, t.orderId] })],
);

/**
 * The sandbox hosting panel's own accounts (the embedded default has no cPanel server): what a
 * WHM would hold, so the journeys can be seen end to end. Never read by the real adapter.
 */
export const sandboxPanelAccounts = pgTable("sandbox_panel_accounts", {
  username: varchar({ length: 16 }).primaryKey(),
  domain: varchar({ length: 253 }).notNull(),
  plan: varchar({ length: 100 }).notNull(),
  /** "active", "suspended" or "terminated". */
  status: varchar({ length: 16 }).notNull().default("active"),
  passwordHash: text(),
  diskUsedMb: integer().notNull().default(0),
  diskLimitMb: integer(),
  bandwidthUsedMb: integer().notNull().default(0),
  bandwidthLimitMb: integer(),
  mailboxes: jsonb().$type<{ email: string; quotaMb: number }[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One-time sessions of the sandbox panel page, like WHM's create_user_session: hashed, single-use, short-lived. */
export const sandboxPanelSessions = pgTable(
  "sandbox_panel_sessions",
  {
    tokenHash: varchar({ length: 64 }).primaryKey(),
    username: varchar({ length: 16 }).notNull(),
    /** "cpaneld" or "webmaild". */
    service: varchar({ length: 16 }).notNull(),
    app: varchar({ length: 64 }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.username)],
);
