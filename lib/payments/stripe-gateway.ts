import Stripe from "stripe";
import { z } from "zod";
import type { CheckoutRequest, CheckoutSession, PaymentGateway } from "./gateway";
import { PaymentGatewayError } from "./gateway";
import { createStripeClient, type StripeClientOptions } from "./stripe-client";

/** The metadata key that carries our payment attempt id through Checkout to the webhook. */
export const ATTEMPT_METADATA_KEY = "payment_attempt_id";

// Only the fields we use; anything else Stripe adds or changes cannot break us.
const createdSessionSchema = z.object({
  id: z.string().startsWith("cs_"),
  url: z.url(),
});

/** Hosted Stripe Checkout: card data goes to Stripe only; we keep the session id. */
export function createStripeGateway(options: StripeClientOptions): PaymentGateway {
  const stripe = createStripeClient(options);
  return {
    name: "stripe",
    async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
      const metadata = { [ATTEMPT_METADATA_KEY]: String(request.attemptId) };
      let response: unknown;
      try {
        response = await stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [
              {
                price_data: {
                  currency: request.currency.toLowerCase(),
                  unit_amount: request.amount,
                  product_data: { name: request.description },
                },
                quantity: 1,
              },
            ],
            customer_email: request.customerEmail || undefined,
            // Stripe fills the placeholder in on redirect; the result page never trusts it to mark anything paid.
            success_url: `${request.successUrl}?session_id={CHECKOUT_SESSION_ID}`,
            cancel_url: request.cancelUrl,
            client_reference_id: String(request.attemptId),
            metadata,
            payment_intent_data: { metadata },
          },
          { idempotencyKey: request.idempotencyKey },
        );
      } catch (error) {
        throw mapStripeError(error);
      }
      const parsed = createdSessionSchema.safeParse(response);
      if (!parsed.success) {
        console.error("[payments] Stripe returned an unexpected checkout session", parsed.error.issues);
        throw new PaymentGatewayError("payments.errors.gatewayUnavailable");
      }
      return { sessionId: parsed.data.id, url: parsed.data.url };
    },
  };
}

/**
 * Requests Stripe refused as invalid are "rejected" (retrying will not help); everything else —
 * network, Stripe's own errors, rate limits, a bad key — is "unavailable" to the customer and logged for us.
 */
export function mapStripeError(error: unknown): PaymentGatewayError {
  if (error instanceof PaymentGatewayError) return error;
  if (error instanceof Stripe.errors.StripeError) {
    console.error(`[payments] Stripe error ${error.type} ${error.code ?? ""} (request ${error.requestId ?? "-"}): ${error.message}`);
    const rejected =
      error instanceof Stripe.errors.StripeInvalidRequestError ||
      error instanceof Stripe.errors.StripeCardError ||
      error instanceof Stripe.errors.StripeIdempotencyError;
    return new PaymentGatewayError(rejected ? "payments.errors.gatewayRejected" : "payments.errors.gatewayUnavailable", { cause: error });
  }
  console.error("[payments] Stripe request failed", error);
  return new PaymentGatewayError("payments.errors.gatewayUnavailable", { cause: error });
}
