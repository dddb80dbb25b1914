import { date, index, integer, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
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
});

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
    status: varchar({ length: 16 }).notNull().default("open"),
    requestedByContactId: integer(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.createdAt)],
);
