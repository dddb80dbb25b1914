import { integer, pgTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { invoices } from "./billing";
import { bytea } from "./columns";

/**
 * Rendered PDFs of documents whose content can no longer change (issued tax invoices, see
 * lib/pdf/invoice-pdf-file.ts), one per invoice and language, served as they are on later downloads.
 * `sha256` is the hash of `bytes`, checked on every read; `fingerprint` is the hash of what they were
 * rendered from (the invoice as printed, its language, its labels and `template_version`), so a
 * refund that adds a payment line, or a new layout, renders it again instead of serving the old one.
 */
export const storedPdfs = pgTable(
  "stored_pdfs",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    invoiceId: integer().notNull().references(() => invoices.id),
    locale: varchar({ length: 8 }).notNull(),
    templateVersion: integer().notNull(),
    fingerprint: varchar({ length: 64 }).notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    sizeBytes: integer().notNull(),
    bytes: bytea().notNull(),
    renderedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.invoiceId, t.locale)],
);
