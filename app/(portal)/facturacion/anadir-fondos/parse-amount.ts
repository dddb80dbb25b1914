/**
 * Euros as a customer types them ("25", "25,50", "25.50", "25,5 €") into integer cents, or null.
 * A thousands separator is refused rather than guessed: "1.000" could be one euro or a thousand.
 */
export function parseEuroAmount(input: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(input.replace(/\s+/g, "").replace(/€$/, "").replace(/^€/, ""));
  if (!match) return null;
  const [, euros, decimals = ""] = match;
  return Number(euros) * 100 + Number(decimals.padEnd(2, "0"));
}
