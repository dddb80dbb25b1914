/**
 * A broken precondition inside a billing transaction (a row of another client, a currency that does
 * not match, an amount that is not a positive integer). Throwing rolls the whole transaction back;
 * `code` is a message key, so a use case can hand it to the page as it is.
 */
export class BillingError extends Error {
  constructor(readonly code: `billing.errors.${string}`, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "BillingError";
  }
}

export function isBillingError(error: unknown): error is BillingError {
  return error instanceof BillingError;
}
