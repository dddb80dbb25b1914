import { boolean, integer, pgTable, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { createdAt, currency, money, updatedAt } from "./columns";

export const clients = pgTable("clients", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  firstName: varchar({ length: 100 }).notNull(),
  lastName: varchar({ length: 100 }).notNull(),
  companyName: varchar({ length: 200 }),
  taxId: varchar({ length: 32 }),
  address1: varchar({ length: 200 }).notNull().default(""),
  address2: varchar({ length: 200 }),
  city: varchar({ length: 100 }).notNull().default(""),
  province: varchar({ length: 100 }).notNull().default(""),
  postcode: varchar({ length: 16 }).notNull().default(""),
  country: varchar({ length: 2 }).notNull().default("ES"),
  phone: varchar({ length: 32 }),
  language: varchar({ length: 8 }).notNull().default("es"),
  currency: currency(),
  status: varchar({ length: 16 }).notNull().default("active"),
  marketingOptIn: boolean().notNull().default(false),
  /** Contact who receives invoice emails besides the owner (walkthrough §3.1.1). */
  defaultBillingContactId: integer(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const affiliates = pgTable(
  "affiliates",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    referralCode: varchar({ length: 32 }).notNull(),
    visitors: integer().notNull().default(0),
    signups: integer().notNull().default(0),
    commissionPending: money(),
    commissionAvailable: money(),
    commissionWithdrawn: money(),
    currency: currency(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.clientId), uniqueIndex().on(t.referralCode)],
);
