/**
 * Protección de identidad (§5.2.4): paid per year. The price per year in minor units, by currency;
 * a currency not listed cannot buy it (the offer is not shown).
 */
export const ID_PROTECTION_PRICE_PER_YEAR: Readonly<Record<string, number>> = { EUR: 500 };

export function idProtectionPrice(currency: string, years: number): number | null {
  const perYear = ID_PROTECTION_PRICE_PER_YEAR[currency];
  return perYear === undefined ? null : perYear * years;
}

/** Domain statuses in which a renewal can be bought and sent to the registrar. */
export const RENEWABLE_DOMAIN_STATUSES = ["active", "grace", "redemption"] as const;

export const MAX_DOMAIN_YEARS = 10;
