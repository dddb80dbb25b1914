import type Stripe from "stripe";
import { failPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { parseCheckoutSession } from "./checkout-session";
import { ignored, type WebhookOutcome } from "./outcome";

export async function handleCheckoutSessionAsyncPaymentFailed(event: Stripe.Event): Promise<WebhookOutcome> {
  const session = parseCheckoutSession(event.data.object);
  if (!session) return ignored(event.type, event.id, "not a portal checkout session");
  return failPaymentAttempt({
    provider: "stripe",
    eventId: event.id,
    eventType: event.type,
    attemptId: session.attemptId,
    reason: "async_payment_failed",
    status: "failed",
  });
}
