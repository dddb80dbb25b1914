import { taxForLine } from "@/lib/money";

/**
 * Prices the lines of an invoice or quote: each line's subtotal and its tax, rounded once per line
 * as the billing rules ask, numbered in order; the document's totals are the sums of its lines.
 * `taxRateOf` gives a line's rate in basis points (2100 = 21 %).
 */
export function priceLines<Line extends { unitAmount: number; quantity?: number }>(lines: readonly Line[], taxRateOf: (line: Line) => number) {
  const priced = lines.map((line, index) => {
    const quantity = line.quantity ?? 1;
    const lineSubtotal = line.unitAmount * quantity;
    const taxRateBp = taxRateOf(line);
    return { ...line, quantity, lineSubtotal, taxRateBp, taxAmount: taxForLine(lineSubtotal, taxRateBp), sortOrder: index + 1 };
  });
  const subtotal = priced.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const taxTotal = priced.reduce((sum, line) => sum + line.taxAmount, 0);
  return { priced, subtotal, taxTotal, total: subtotal + taxTotal };
}

/** A priced line of an invoice or quote as documents show it; amounts in cents. */
export type DocumentLine = {
  description: string;
  quantity: number;
  unitAmount: number;
  taxRateBp: number;
  taxAmount: number;
  lineSubtotal: number;
};

type PricedInvoiceLine = DocumentLine & {
  sortOrder: number;
  serviceId?: number;
  domainId?: number;
  periodStart?: string;
  periodEnd?: string;
};

/** The invoice_lines rows of an invoice's priced lines. */
export function invoiceLineRows(invoiceId: number, priced: readonly PricedInvoiceLine[]) {
  return priced.map((line) => ({
    invoiceId,
    description: line.description,
    quantity: line.quantity,
    unitAmount: line.unitAmount,
    taxRateBp: line.taxRateBp,
    taxAmount: line.taxAmount,
    lineSubtotal: line.lineSubtotal,
    serviceId: line.serviceId ?? null,
    domainId: line.domainId ?? null,
    periodStart: line.periodStart ?? null,
    periodEnd: line.periodEnd ?? null,
    sortOrder: line.sortOrder,
  }));
}
