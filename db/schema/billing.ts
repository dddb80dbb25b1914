import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt, currency, money } from "./columns";

export const INVOICE_STATUSES = ["unpaid", "paid", "cancelled", "refunded", "collections", "payment_pending"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What the invoice says about the client at the moment it was made; later profile edits do not rewrite it. */
export type InvoiceClientSnapshot = {
  name: string;
  companyName: string | null;
  taxId: string | null;
  address: string;
  city: string;
  province: string;
  postcode: string;
  country: string;
};

/**
 * An unpaid invoice is a proforma with its own reference; when fully paid it gets the next number of
 * its series (Spanish invoicing law: sequential, no gaps), assigned in the transaction recording the payment.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    proformaReference: varchar({ length: 32 }).notNull(),
    series: varchar({ length: 16 }),
    number: integer(),
    status: varchar({ length: 20 }).$type<InvoiceStatus>().notNull().default("unpaid"),
    /** "standard", "add_funds", "renewal", "order", "quote". */
    kind: varchar({ length: 16 }).notNull().default("standard"),
    issueDate: date({ mode: "string" }).notNull(),
    dueDate: date({ mode: "string" }).notNull(),
    paidAt: timestamp({ withTimezone: true }),
    currency: currency(),
    subtotal: money(),
    taxTotal: money(),
    total: money(),
    /** Sum of payments and credit applied; amount due = total - amountPaid. */
    amountPaid: money(),
    clientSnapshot: jsonb().$type<InvoiceClientSnapshot>().notNull(),
    taxMention: text(),
    notes: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.clientId, t.issueDate),
    index().on(t.clientId, t.status, t.dueDate),
    // Keyset pages of "Mis facturas" sorted by due date or amount read one page, not the client's whole history.
    index().on(t.clientId, t.dueDate, t.id),
    index().on(t.clientId, t.total, t.id),
    uniqueIndex().on(t.series, t.number),
    uniqueIndex().on(t.proformaReference),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    invoiceId: integer().notNull().references(() => invoices.id),
    description: text().notNull(),
    quantity: integer().notNull().default(1),
    unitAmount: money(),
    /** Basis points: 2100 = 21 %. */
    taxRateBp: integer().notNull().default(0),
    taxAmount: money(),
    lineSubtotal: money(),
    serviceId: integer(),
    domainId: integer(),
    periodStart: date({ mode: "string" }),
    periodEnd: date({ mode: "string" }),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [index().on(t.invoiceId, t.sortOrder)],
);

/** Last number issued per series ("F2026"); the row is locked while a number is taken. */
export const invoiceSeriesCounters = pgTable("invoice_series_counters", {
  series: varchar({ length: 16 }).primaryKey(),
  lastNumber: integer().notNull().default(0),
});

export const payments = pgTable(
  "payments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    invoiceId: integer().notNull().references(() => invoices.id),
    gateway: varchar({ length: 16 }).notNull(),
    gatewayReference: varchar({ length: 200 }),
    paymentAttemptId: integer(),
    /** Negative for refunds. */
    amount: money(),
    currency: currency(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.createdAt), index().on(t.invoiceId)],
);

/** One checkout for one or more invoices (mass payment); the id travels in the gateway's metadata. */
export const paymentAttempts = pgTable(
  "payment_attempts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    invoiceIds: integer().array().notNull(),
    amount: money(),
    currency: currency(),
    gateway: varchar({ length: 16 }).notNull(),
    status: varchar({ length: 16 }).notNull().default("open"),
    gatewaySessionId: varchar({ length: 200 }),
    createdByContactId: integer(),
    /** The gateway's id of the money movement (Stripe payment intent), known once paid. */
    gatewayPaymentId: varchar({ length: 200 }),
    failureReason: text(),
    createdAt: createdAt(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.clientId, t.createdAt), index().on(t.gatewaySessionId)],
);

/**
 * What a credit ledger entry is; money rules match on this and on the entry's references, never on
 * its wording. deposit: funds added (an add-funds invoice paid, or a transfer staff recorded);
 * overpayment: the part of a gateway payment no invoice could take; application: credit spent on an
 * invoice; refund_reversal: a gateway refund taken back from the credit its payment left;
 * adjustment: anything else staff writes by hand.
 */
export const CREDIT_ENTRY_KINDS = ["deposit", "overpayment", "application", "refund_reversal", "adjustment"] as const;
export type CreditEntryKind = (typeof CREDIT_ENTRY_KINDS)[number];

/** Parameters of a catalog description, stored with the entry so it can be rendered in any language. */
export type CreditEntryDescriptionParams = Record<string, string | number>;

/** The credit balance is the sum of these entries; entries are only ever added, inside a transaction locking the client row. */
export const creditLedgerEntries = pgTable(
  "credit_ledger_entries",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    /** Positive adds credit (deposit, overpayment), negative spends it (application, refund reversal). */
    amount: money(),
    currency: currency(),
    kind: varchar({ length: 16 }).$type<CreditEntryKind>().notNull(),
    invoiceId: integer().references(() => invoices.id),
    paymentAttemptId: integer().references(() => paymentAttempts.id),
    /** A message catalog key ("billing.creditLedger.overpayment"), rendered with its params in the reader's language. */
    descriptionKey: varchar({ length: 64 }),
    descriptionParams: jsonb().$type<CreditEntryDescriptionParams>(),
    /** Free text written by staff; code-written entries use descriptionKey instead. */
    description: text(),
    createdByContactId: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.clientId, t.createdAt),
    index().on(t.paymentAttemptId),
    // The excess of one gateway payment becomes credit once; an add-funds invoice adds its funds once.
    uniqueIndex("credit_ledger_entries_overpayment_once").on(t.paymentAttemptId).where(sql`${t.kind} = 'overpayment'`),
    uniqueIndex("credit_ledger_entries_deposit_once").on(t.invoiceId).where(sql`${t.kind} = 'deposit' and ${t.invoiceId} is not null`),
    check(
      "credit_ledger_entries_kind",
      sql`${t.kind} in (${sql.raw(CREDIT_ENTRY_KINDS.map((kind) => `'${kind}'`).join(", "))})`,
    ),
    check(
      "credit_ledger_entries_references",
      sql`(${t.kind} not in ('overpayment', 'refund_reversal') or ${t.paymentAttemptId} is not null) and (${t.kind} <> 'application' or ${t.invoiceId} is not null)`,
    ),
    // Credit comes in as deposit or overpayment and goes out as application or refund reversal; staff adjust either way.
    check(
      "credit_ledger_entries_sign",
      sql`(${t.kind} not in ('deposit', 'overpayment') or ${t.amount} > 0) and (${t.kind} not in ('application', 'refund_reversal') or ${t.amount} < 0)`,
    ),
    check("credit_ledger_entries_described", sql`${t.descriptionKey} is not null or ${t.description} is not null`),
  ],
);

/**
 * One row per renewal period already invoiced (a service's or a domain's), claimed in the same
 * transaction that creates the invoice: running the renewal job twice creates nothing new.
 */
export const renewalClaims = pgTable(
  "renewal_claims",
  {
    itemType: varchar({ length: 16 }).notNull(),
    itemId: integer().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    invoiceId: integer().notNull().references(() => invoices.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.itemType, t.itemId, t.periodStart] })],
);

/** Reminders and overdue notices already sent, so each goes out once per invoice. */
export const invoiceNotices = pgTable(
  "invoice_notices",
  {
    invoiceId: integer().notNull().references(() => invoices.id),
    /** "reminder", "overdue1", "overdue2", "overdue3". */
    kind: varchar({ length: 16 }).notNull(),
    sentAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.kind] })],
);

/** Every processed webhook event, written in the same transaction as its effect (idempotency). */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    provider: varchar({ length: 16 }).notNull(),
    eventId: varchar({ length: 200 }).notNull(),
    type: varchar({ length: 100 }).notNull(),
    processedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

export const QUOTE_STAGES = ["draft", "delivered", "on_hold", "accepted", "lost", "dead"] as const;
export type QuoteStage = (typeof QUOTE_STAGES)[number];

export const quotes = pgTable(
  "quotes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    reference: varchar({ length: 32 }).notNull(),
    subject: varchar({ length: 200 }).notNull(),
    stage: varchar({ length: 16 }).$type<QuoteStage>().notNull().default("delivered"),
    issueDate: date({ mode: "string" }).notNull(),
    validUntil: date({ mode: "string" }).notNull(),
    currency: currency(),
    subtotal: money(),
    taxTotal: money(),
    total: money(),
    acceptedAt: timestamp({ withTimezone: true }),
    invoiceId: integer(),
    notes: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.issueDate), uniqueIndex().on(t.reference)],
);

export const quoteLines = pgTable(
  "quote_lines",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    quoteId: integer().notNull().references(() => quotes.id),
    description: text().notNull(),
    quantity: integer().notNull().default(1),
    unitAmount: money(),
    taxRateBp: integer().notNull().default(0),
    taxAmount: money(),
    lineSubtotal: money(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [index().on(t.quoteId, t.sortOrder)],
);

/** Which tax applies to a client: by country and whether it is an EU business with a VAT id. */
export const taxRules = pgTable("tax_rules", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: varchar({ length: 100 }).notNull(),
  /** ISO country code, "EU" for any other EU member, "*" for the rest of the world. */
  country: varchar({ length: 2 }).notNull(),
  appliesToBusinessWithVatId: boolean().notNull().default(false),
  rateBp: integer().notNull(),
  mention: text(),
  priority: integer().notNull().default(0),
});

/** Company-wide settings (issuer data, billing options) as key/value. */
export const settings = pgTable("settings", {
  key: varchar({ length: 100 }).primaryKey(),
  value: jsonb().notNull(),
});
