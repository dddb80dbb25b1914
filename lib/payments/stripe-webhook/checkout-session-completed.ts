import type Stripe from "stripe";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { parseCheckoutSession } from "./checkout-session";
import { ignored, type WebhookOutcome } from "./outcome";

/** A card payment is paid when the session completes; delayed methods complete "unpaid" and settle later. */
export async function handleCheckoutSessionCompleted(event: Stripe.Event): Promise<WebhookOutcome> {
  const session = parseCheckoutSession(event.data.object);
  if (!session) return ignored(event.type, event.id, "not a portal checkout session");
  if (session.paymentStatus !== "paid") return ignored(event.type, event.id, `payment_status ${session.paymentStatus}`);
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
