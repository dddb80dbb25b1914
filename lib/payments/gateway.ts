/** What the core asks a gateway for: the amount is computed on the server, never taken from the browser. */
export type CheckoutRequest = {
  attemptId: number;
  clientId: number;
  /** Integer minor units of `currency`. */
  amount: number;
  /** Upper-case ISO code as stored in our tables ("EUR"). */
  currency: string;
  description: string;
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
  /** The same key for the same attempt, so a retried request never opens a second checkout. */
  idempotencyKey: string;
};

export type CheckoutSession = { sessionId: string; url: string };

export interface PaymentGateway {
  name: "stripe" | "sandbox";
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
}

export type PaymentGatewayErrorKey = "payments.errors.gatewayUnavailable" | "payments.errors.gatewayRejected";

/**
 * A gateway failure with the message key the customer sees; the vendor's own text stays in `cause`
 * and in the server log, never on the page.
 */
export class PaymentGatewayError extends Error {
  constructor(
    readonly messageKey: PaymentGatewayErrorKey,
    options?: { cause?: unknown },
  ) {
    super(messageKey, options);
    this.name = "PaymentGatewayError";
  }
}
