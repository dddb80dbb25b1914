import type Stripe from "stripe";
import { failPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { parseCheckoutSession } from "./checkout-session";
import { ignored, type WebhookOutcome } from "./outcome";

/** The customer left Checkout without paying; the invoices stay unpaid and can be paid again. */
export async function handleCheckoutSessionExpired(event: Stripe.Event): Promise<WebhookOutcome> {
  const session = parseCheckoutSession(event.data.object);
  if (!session) return ignored(event.type, event.id, "not a portal checkout session");
  return failPaymentAttempt({
    provider: "stripe",
    eventId: event.id,
    eventType: event.type,
    attemptId: session.attemptId,
    reason: "session_expired",
    status: "expired",
  });
}
