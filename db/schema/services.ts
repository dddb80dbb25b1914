import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt, currency, money } from "./columns";
import { addons, products, type BillingCycle } from "./products";

export const SERVICE_STATUSES = ["pending", "active", "suspended", "terminated", "cancelled", "fraud"] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const servers = pgTable("servers", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: varchar({ length: 100 }).notNull(),
  hostname: varchar({ length: 253 }).notNull(),
  ipAddress: varchar({ length: 45 }).notNull(),
  panelType: varchar({ length: 32 }).notNull().default("cpanel"),
  nameservers: text().array().notNull(),
  location: varchar({ length: 100 }),
  /** WHM listens on 2087; the API token is never stored here: `tokenEnv` names the variable holding it. */
  port: integer().notNull().default(2087),
  username: varchar({ length: 32 }).notNull().default("root"),
  tokenEnv: varchar({ length: 64 }),
  /** Products name a group; accounts go to the least full active server of it. */
  serverGroup: varchar({ length: 50 }).notNull().default("default"),
  maxAccounts: integer().notNull().default(200),
  active: boolean().notNull().default(true),
});

export const PROVISION_STATES = ["queued", "in_progress", "done", "failed"] as const;
export type ProvisionState = (typeof PROVISION_STATES)[number];

/** A hosting account (or other product) a client has contracted. */
export const services = pgTable(
  "services",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    productId: integer().notNull().references(() => products.id),
    serverId: integer().references(() => servers.id),
    domain: varchar({ length: 253 }).notNull(),
    username: varchar({ length: 32 }),
    status: varchar({ length: 16 }).$type<ServiceStatus>().notNull().default("pending"),
    billingCycle: varchar({ length: 16 }).$type<BillingCycle>().notNull(),
    firstPaymentAmount: integer().notNull().default(0),
    recurringAmount: integer().notNull().default(0),
    currency: currency(),
    registrationDate: date({ mode: "string" }).notNull(),
    nextDueDate: date({ mode: "string" }),
    diskUsageMb: integer().notNull().default(0),
    diskLimitMb: integer(),
    bandwidthUsageMb: integer().notNull().default(0),
    bandwidthLimitMb: integer(),
    usageUpdatedAt: timestamp({ withTimezone: true }),
    dedicatedIp: varchar({ length: 45 }),
    orderId: integer(),
    /**
     * Where creating the panel account stands: null for a service nobody has asked to provision
     * yet (unpaid order), "queued" once paid, then claimed ("in_progress") by exactly one worker.
     * A failure keeps the service "pending" with the reason for staff; the cron retries.
     */
    provisionState: varchar({ length: 16 }).$type<ProvisionState>(),
    provisionError: text(),
    provisionAttempts: integer().notNull().default(0),
    provisionedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.status), index().on(t.clientId, t.nextDueDate), index().on(t.status, t.nextDueDate)],
);

/** Values of a product's configurable options chosen for one service. */
export const serviceConfigOptions = pgTable(
  "service_config_options",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    serviceId: integer().notNull().references(() => services.id),
    name: varchar({ length: 100 }).notNull(),
    value: varchar({ length: 200 }).notNull(),
  },
  (t) => [index().on(t.serviceId)],
);

export const serviceAddons = pgTable(
  "service_addons",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    serviceId: integer().notNull().references(() => services.id),
    addonId: integer().notNull().references(() => addons.id),
    status: varchar({ length: 16 }).$type<ServiceStatus>().notNull().default("pending"),
    billingCycle: varchar({ length: 16 }).$type<BillingCycle>().notNull(),
    recurringAmount: money(),
    currency: currency(),
    registrationDate: date({ mode: "string" }).notNull(),
    nextDueDate: date({ mode: "string" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.serviceId)],
);

export const cancellationRequests = pgTable(
  "cancellation_requests",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    serviceId: integer().notNull().references(() => services.id),
    reason: text().notNull(),
    /** "immediate" or "end_of_period" (walkthrough §4.1.4). */
    type: varchar({ length: 16 }).notNull(),
    keepDomainRenewal: integer().notNull().default(1),
    /** "open", "withdrawn" (by the customer) or "done" (carried out by the cron). */
    status: varchar({ length: 16 }).notNull().default("open"),
    requestedByContactId: integer(),
    /** The date an end-of-period request is carried out on (the service's due date when asked). */
    effectiveDate: date({ mode: "string" }),
    processedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.clientId, t.createdAt),
    // One open request per service: asking twice is refused by the database, not only by the page.
    uniqueIndex("cancellation_requests_one_open_per_service").on(t.serviceId).where(sql`${t.status} = 'open'`),
  ],
);
