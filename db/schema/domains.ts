import { boolean, date, index, integer, pgTable, primaryKey, text, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt, currency, money } from "./columns";

export const DOMAIN_STATUSES = [
  "pending",
  "pending_transfer",
  "active",
  "grace",
  "redemption",
  "expired",
  "transferred_away",
  "cancelled",
] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

/**
 * A domain row in one of these is history: the name is no longer the client's, and anyone (another
 * client too) may register it again. Nothing done from such a row may reach the registrar, the DNS
 * server or the redirect server, which know domains by name only.
 */
export const FINISHED_DOMAIN_STATUSES = ["expired", "transferred_away", "cancelled"] as const satisfies readonly DomainStatus[];
export function isFinishedDomainStatus(status: DomainStatus): boolean {
  return (FINISHED_DOMAIN_STATUSES as readonly DomainStatus[]).includes(status);
}

export const domains = pgTable(
  "domains",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    name: varchar({ length: 253 }).notNull(),
    tld: varchar({ length: 63 }).notNull(),
    status: varchar({ length: 20 }).$type<DomainStatus>().notNull().default("pending"),
    registrar: varchar({ length: 32 }).notNull().default("sandbox"),
    registrationDate: date({ mode: "string" }).notNull(),
    expiryDate: date({ mode: "string" }),
    nextDueDate: date({ mode: "string" }),
    registrationPeriodYears: integer().notNull().default(1),
    recurringAmount: money(),
    currency: currency(),
    /** Empty with useDefaultNameservers; up to five host names otherwise (walkthrough §5.1.1). */
    nameservers: text().array().notNull(),
    useDefaultNameservers: boolean().notNull().default(true),
    registrarLock: boolean().notNull().default(true),
    autoRenew: boolean().notNull().default(true),
    idProtection: boolean().notNull().default(false),
    dnsManagement: boolean().notNull().default(false),
    emailForwarding: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.expiryDate), index().on(t.clientId, t.status), index().on(t.name), index().on(t.status, t.nextDueDate)],
);

/** Prices per TLD, action and number of years (walkthrough §5.1.7 shows them). */
export const tldPrices = pgTable(
  "tld_prices",
  {
    tld: varchar({ length: 63 }).notNull(),
    currency: currency(),
    years: integer().notNull(),
    register: money(),
    transfer: money(),
    renew: money(),
  },
  (t) => [primaryKey({ columns: [t.tld, t.currency, t.years] })],
);

// The DNS records, URL redirects and email forwards of a domain live in ./dns.ts.
