/** Tax base and tax per rate, as Spanish invoices must show them; highest rate first. */
export type TaxBreakdownRow = { rateBp: number; base: number; tax: number };

export function taxBreakdownOf(lines: ReadonlyArray<{ taxRateBp: number; lineSubtotal: number; taxAmount: number }>): TaxBreakdownRow[] {
  const byRate = new Map<number, TaxBreakdownRow>();
  for (const line of lines) {
    const row = byRate.get(line.taxRateBp) ?? { rateBp: line.taxRateBp, base: 0, tax: 0 };
    // The per-line tax was rounded once when the invoice was made; summing it keeps the breakdown equal to taxTotal.
    row.base += line.lineSubtotal;
    row.tax += line.taxAmount;
    byRate.set(line.taxRateBp, row);
  }
  return [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);
}
