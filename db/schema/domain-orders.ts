import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, timestamp, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt, updatedAt } from "./columns";
import { domains } from "./domains";

export const DOMAIN_ORDER_ACTIONS = ["register", "transfer", "renew", "id_protection"] as const;
export type DomainOrderAction = (typeof DOMAIN_ORDER_ACTIONS)[number];

/**
 * awaiting_payment: invoiced, not paid; queued: paid (set in the payment's transaction), waiting for
 * a worker; processing: claimed by one worker, which calls the registrar after commit; done; failed:
 * the registrar refused or could not be reached (lastError), retried by the cron; cancelled.
 */
export const DOMAIN_ORDER_STATES = ["awaiting_payment", "queued", "processing", "done", "failed", "cancelled"] as const;
export type DomainOrderState = (typeof DOMAIN_ORDER_STATES)[number];

/**
 * One registrar action bought through an invoice: register, transfer, renew or a year of ID
 * protection. Fulfilled exactly once: queued in the transaction that records the invoice's payment,
 * claimed by one UPDATE … RETURNING, the registrar called after commit.
 */
export const domainOrderItems = pgTable(
  "domain_order_items",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    domainId: integer()
      .notNull()
      .references(() => domains.id),
    invoiceId: integer().notNull(),
    orderId: integer(),
    action: varchar({ length: 16 }).$type<DomainOrderAction>().notNull(),
    years: integer().notNull().default(1),
    idProtection: boolean().notNull().default(false),
    /** The transfer's authorisation code, kept only until the registrar has it (cleared when done). */
    eppCode: varchar({ length: 128 }),
    state: varchar({ length: 20 }).$type<DomainOrderState>().notNull().default("awaiting_payment"),
    attempts: integer().notNull().default(0),
    /** A RegistrarError code (catalog key domains.errors.registrar.<code>), for the customer and staff. */
    lastError: varchar({ length: 40 }),
    claimedAt: timestamp({ withTimezone: true }),
    doneAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.invoiceId),
    index().on(t.clientId, t.domainId),
    index("domain_order_items_open").on(t.state).where(sql`${t.state} in ('queued', 'processing', 'failed')`),
  ],
);

export const DOMAIN_REMINDER_STEPS = ["before30", "before15", "before7", "before1", "after3"] as const;
export type DomainReminderStep = (typeof DOMAIN_REMINDER_STEPS)[number];

/** A renewal reminder sent: one row per domain, expiry date and step, claimed before the email goes. */
export const domainReminderClaims = pgTable(
  "domain_reminder_claims",
  {
    domainId: integer()
      .notNull()
      .references(() => domains.id),
    expiryDate: date({ mode: "string" }).notNull(),
    step: varchar({ length: 16 }).$type<DomainReminderStep>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.domainId, t.expiryDate, t.step] })],
);
