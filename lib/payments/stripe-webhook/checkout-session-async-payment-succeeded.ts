import type Stripe from "stripe";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { parseCheckoutSession } from "./checkout-session";
import { ignored, type WebhookOutcome } from "./outcome";

/** A delayed payment method (e.g. SEPA debit) has settled: the money is ours now. */
export async function handleCheckoutSessionAsyncPaymentSucceeded(event: Stripe.Event): Promise<WebhookOutcome> {
  const session = parseCheckoutSession(event.data.object);
  if (!session) return ignored(event.type, event.id, "not a portal checkout session");
  return fulfilPaymentAttempt({
    provider: "stripe",
    eventId: event.id,
    eventType: event.type,
    attemptId: session.attemptId,
    amount: session.amount,
    currency: session.currency,
    gatewayReference: session.paymentIntentId,
  });
}
