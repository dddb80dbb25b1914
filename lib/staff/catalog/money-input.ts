/** Cents as staff type them back into a form ("12,50"): what parseEuroCents reads. */
export function centsToInput(cents: number): string {
  return (cents / 100).toFixed(2).replace(".", ",");
}
