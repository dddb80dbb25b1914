/** EU member states by ISO 3166-1 alpha-2 code (Greece is "GR" here, though VAT numbers prefix it "EL"). */
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]);

export function isEuCountry(country: string): boolean {
  return EU_COUNTRIES.has(country.trim().toUpperCase());
}
