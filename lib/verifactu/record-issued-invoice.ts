import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoiceLines, verifactuChainHeads, verifactuRecords, type VerifactuInvoiceType } from "@/db/schema";
import { taxBreakdownOf } from "@/lib/billing/queries/tax-breakdown";
import { huellaAlta, madridTimestamp } from "./huella";

export type IssuedInvoice = {
  id: number;
  invoiceNumber: string;
  issueDate: string;
  taxTotal: number;
  total: number;
  currency: string;
  /** The customer's NIF/VAT id on the invoice: without one it is a simplified invoice (F2). */
  clientTaxId: string | null;
};

/**
 * Writes the billing record of an invoice just issued by `issuer` (the company settings' legal name
 * and NIF), inside the transaction that numbered it, so
 * an invoice never exists without its record nor a record without its invoice. The issuer's chain
 * head is locked last (after the client, the invoice and the series counter), so two invoices
 * issued at once queue here and each chains to the other, never to the same predecessor.
 */
export async function recordIssuedInvoice(
  tx: Transaction,
  invoice: IssuedInvoice,
  issuer: { taxId: string; legalName: string },
  at: Date = new Date(),
): Promise<{ hash: string }> {
  const issuerTaxId = issuer.taxId.trim().toUpperCase();
  const lines = await tx
    .select({ taxRateBp: invoiceLines.taxRateBp, lineSubtotal: invoiceLines.lineSubtotal, taxAmount: invoiceLines.taxAmount })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id));
  await tx.insert(verifactuChainHeads).values({ issuerTaxId }).onConflictDoNothing();
  const [head] = await tx.select().from(verifactuChainHeads).where(eq(verifactuChainHeads.issuerTaxId, issuerTaxId)).for("update");

  const invoiceType: VerifactuInvoiceType = invoice.clientTaxId ? "F1" : "F2";
  const generatedAt = madridTimestamp(at);
  const previousHash = head?.lastHash ?? null;
  const hash = huellaAlta({
    issuerTaxId,
    invoiceNumber: invoice.invoiceNumber,
    issueDate: invoice.issueDate,
    invoiceType,
    taxTotal: invoice.taxTotal,
    total: invoice.total,
    previousHash,
    generatedAt,
  });
  const [record] = await tx
    .insert(verifactuRecords)
    .values({
      invoiceId: invoice.id,
      issuerTaxId,
      issuerName: issuer.legalName,
      invoiceNumber: invoice.invoiceNumber,
      issueDate: invoice.issueDate,
      invoiceType,
      taxBreakdown: taxBreakdownOf(lines),
      taxTotal: invoice.taxTotal,
      total: invoice.total,
      currency: invoice.currency,
      previousHash,
      hash,
      generatedAt,
    })
    .returning({ id: verifactuRecords.id });
  await tx.update(verifactuChainHeads).set({ lastRecordId: record!.id, lastHash: hash }).where(eq(verifactuChainHeads.issuerTaxId, issuerTaxId));
  return { hash };
}
