import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { createdAt, currency, money } from "./columns";
import { invoices } from "./billing";

export const VERIFACTU_INVOICE_TYPES = ["F1", "F2", "R1", "R2", "R3", "R4", "R5"] as const;
export type VerifactuInvoiceType = (typeof VERIFACTU_INVOICE_TYPES)[number];

export type VerifactuTaxLine = { rateBp: number; base: number; tax: number };

/**
 * One billing record (registro de facturación de alta) per issued invoice, chained per issuer by the
 * SHA-256 of the previous record (Real Decreto 1007/2023, Orden HAC/1177/2024). The fields that
 * enter the hash are kept exactly as hashed, and a trigger refuses to change them or delete the row:
 * a correction is a new, rectifying record. Only the submission columns may change.
 */
export const verifactuRecords = pgTable(
  "verifactu_records",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    invoiceId: integer()
      .notNull()
      .references(() => invoices.id),
    issuerTaxId: varchar({ length: 20 }).notNull(),
    issuerName: varchar({ length: 200 }).notNull(),
    /** NumSerieFactura: "F2026-000123". */
    invoiceNumber: varchar({ length: 60 }).notNull(),
    issueDate: date({ mode: "string" }).notNull(),
    invoiceType: varchar({ length: 2 }).$type<VerifactuInvoiceType>().notNull(),
    taxBreakdown: jsonb().$type<VerifactuTaxLine[]>().notNull(),
    taxTotal: money(),
    total: money(),
    currency: currency(),
    /** Null for the first record of the issuer. */
    previousHash: varchar({ length: 64 }),
    hash: varchar({ length: 64 }).notNull(),
    /** FechaHoraHusoGenRegistro, as hashed: "2026-12-02T15:20:30+01:00". */
    generatedAt: varchar({ length: 32 }).notNull(),
    /** "pending" until the AEAT (or the sandbox) has taken it, then "sent"; "error" keeps the reason. */
    submissionStatus: varchar({ length: 16 }).notNull().default("pending"),
    submissionError: text(),
    submittedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.invoiceId), index().on(t.issuerTaxId, t.id), index().on(t.submissionStatus)],
);

/** The last record of each issuer's chain; locked while the next record is written, so the chain never forks. */
export const verifactuChainHeads = pgTable("verifactu_chain_heads", {
  issuerTaxId: varchar({ length: 20 }).primaryKey(),
  lastRecordId: integer(),
  lastHash: varchar({ length: 64 }),
});
