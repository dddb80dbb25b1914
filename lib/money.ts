/** Money is integer minor units (cents) plus an ISO currency code; never floats. */
export type Money = { amount: number; currency: string };

const formatters = new Map<string, Intl.NumberFormat>();

/** "1.234,56 €": invoices group thousands even in four-digit amounts, which es-ES leaves ungrouped by default. */
export function formatMoney(amount: number, currency: string, locale = "es-ES"): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency, useGrouping: "always" });
    formatters.set(key, formatter);
  }
  return formatter.format(amount / 100);
}

/** Tax on a line, rounded once, half away from zero. rateBp is basis points (2100 = 21 %). */
export function taxForLine(lineSubtotal: number, rateBp: number): number {
  const raw = (lineSubtotal * rateBp) / 10000;
  return Math.sign(raw) * Math.round(Math.abs(raw));
}
