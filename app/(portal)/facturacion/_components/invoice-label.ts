/** How an invoice is named everywhere: its tax number once paid, "Proforma PRO-…" before. */
export function invoiceLabel(invoice: { number: string | null; proformaReference: string }, proformaLabel: (reference: string) => string): string {
  return invoice.number ?? proformaLabel(invoice.proformaReference);
}
