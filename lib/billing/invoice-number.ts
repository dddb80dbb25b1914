import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoiceSeriesCounters } from "@/db/schema";

/**
 * The next number of a series, in one statement: the upsert locks the counter row until the paying
 * transaction ends, so concurrent payers queue on it, and a rollback gives the number back (no gaps).
 * Take it last in the transaction (after the client and invoice locks) to keep the wait short and
 * the lock order the same everywhere.
 */
export async function takeNextInvoiceNumber(tx: Transaction, series: string): Promise<number> {
  const [row] = await tx
    .insert(invoiceSeriesCounters)
    .values({ series, lastNumber: 1 })
    .onConflictDoUpdate({ target: invoiceSeriesCounters.series, set: { lastNumber: sql`${invoiceSeriesCounters.lastNumber} + 1` } })
    .returning({ lastNumber: invoiceSeriesCounters.lastNumber });
  if (!row) throw new Error(`Could not take a number in series ${series}`);
  return row.lastNumber;
}

/** "F2026-000123". */
export function formatInvoiceNumber(series: string, number: number): string {
  return `${series}-${String(number).padStart(6, "0")}`;
}

/** The tax number of an issued invoice ("F2026-000123"); null for a proforma, which has none yet. */
export function invoiceNumberOf(invoice: { series: string | null; number: number | null }): string | null {
  return invoice.series && invoice.number !== null ? formatInvoiceNumber(invoice.series, invoice.number) : null;
}

/** One series per calendar year of the payment, counted in Madrid: a payment at 00:30 on 1 January is next year's. */
export function invoiceSeriesFor(date: Date): string {
  const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid", year: "numeric" }).format(date);
  return `F${year}`;
}
