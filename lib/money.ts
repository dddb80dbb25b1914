/** Money is integer minor units (cents) plus an ISO currency code; never floats. */
export type Money = { amount: number; currency: string };

export function formatMoney(amount: number, currency: string, locale = "es-ES"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount / 100);
}

/** Tax on a line, rounded once, half away from zero. rateBp is basis points (2100 = 21 %). */
export function taxForLine(lineSubtotal: number, rateBp: number): number {
  const raw = (lineSubtotal * rateBp) / 10000;
  return Math.sign(raw) * Math.round(Math.abs(raw));
}
