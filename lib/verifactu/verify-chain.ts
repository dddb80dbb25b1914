import { and, asc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invoices, verifactuRecords } from "@/db/schema";
import { formatInvoiceNumber } from "@/lib/billing/invoice-number";
import { huellaAlta } from "./huella";

export type ChainBreak = {
  recordId: number | null;
  invoiceId: number;
  invoiceNumber: string;
  /**
   * hash: the record's fields no longer give its hash (a hashed field was altered);
   * chain: its previous hash is not the hash of the issuer's record before it (one removed or inserted);
   * invoice: the invoice no longer says what its record says (its total, tax or number was altered);
   * missing: an issued invoice has no record at all.
   */
  reason: "hash" | "chain" | "invoice" | "missing";
};

export type ChainReport = { records: number; issuers: number; firstBreak: ChainBreak | null };

const BATCH = 1000;

/**
 * Recomputes every record's hash in each issuer's chain, in the order they were written, and checks
 * each against the previous record and against its invoice; reports the first break. Reads in
 * batches of BATCH records, so memory stays flat however long the chain is.
 */
export async function verifyVerifactuChains(db: Database): Promise<ChainReport> {
  const lastHashByIssuer = new Map<string, string>();
  let records = 0;
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select({
        id: verifactuRecords.id,
        invoiceId: verifactuRecords.invoiceId,
        issuerTaxId: verifactuRecords.issuerTaxId,
        invoiceNumber: verifactuRecords.invoiceNumber,
        issueDate: verifactuRecords.issueDate,
        invoiceType: verifactuRecords.invoiceType,
        taxTotal: verifactuRecords.taxTotal,
        total: verifactuRecords.total,
        previousHash: verifactuRecords.previousHash,
        hash: verifactuRecords.hash,
        generatedAt: verifactuRecords.generatedAt,
        invoiceSeries: invoices.series,
        invoiceNumberInSeries: invoices.number,
        invoiceTaxTotal: invoices.taxTotal,
        invoiceTotal: invoices.total,
      })
      .from(verifactuRecords)
      .innerJoin(invoices, eq(invoices.id, verifactuRecords.invoiceId))
      .where(gt(verifactuRecords.id, afterId))
      .orderBy(asc(verifactuRecords.id))
      .limit(BATCH);
    for (const record of batch) {
      records += 1;
      const found = (reason: ChainBreak["reason"]): ChainReport => ({
        records,
        issuers: lastHashByIssuer.size,
        firstBreak: { recordId: record.id, invoiceId: record.invoiceId, invoiceNumber: record.invoiceNumber, reason },
      });
      if (huellaAlta(record) !== record.hash) return found("hash");
      if ((record.previousHash ?? null) !== (lastHashByIssuer.get(record.issuerTaxId) ?? null)) return found("chain");
      const numberOnInvoice = record.invoiceSeries && record.invoiceNumberInSeries !== null ? formatInvoiceNumber(record.invoiceSeries, record.invoiceNumberInSeries) : null;
      if (numberOnInvoice !== record.invoiceNumber || record.invoiceTotal !== record.total || record.invoiceTaxTotal !== record.taxTotal) return found("invoice");
      lastHashByIssuer.set(record.issuerTaxId, record.hash);
    }
    if (batch.length < BATCH) break;
    afterId = batch[batch.length - 1]!.id;
  }

  const [unrecorded] = await db
    .select({ id: invoices.id, series: invoices.series, number: invoices.number })
    .from(invoices)
    .leftJoin(verifactuRecords, eq(verifactuRecords.invoiceId, invoices.id))
    .where(and(isNotNull(invoices.number), isNull(verifactuRecords.id)))
    .orderBy(asc(invoices.id))
    .limit(1);
  const firstBreak: ChainBreak | null = unrecorded
    ? { recordId: null, invoiceId: unrecorded.id, invoiceNumber: formatInvoiceNumber(unrecorded.series!, unrecorded.number!), reason: "missing" }
    : null;
  return { records, issuers: lastHashByIssuer.size, firstBreak };
}
