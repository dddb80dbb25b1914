import type Stripe from "stripe";
import { failPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { parseCheckoutSession } from "./checkout-session";
import { ignored, type WebhookOutcome } from "./outcome";

/** Closes the session's attempt without money; its invoices stay unpaid and can be paid again. */
function closeAttempt(status: "failed" | "expired", reason: string) {
  return async (event: Stripe.Event): Promise<WebhookOutcome> => {
    const session = parseCheckoutSession(event.data.object);
    if (!session) return ignored(event.type, event.id, "not a portal checkout session");
    return failPaymentAttempt({ provider: "stripe", eventId: event.id, eventType: event.type, attemptId: session.attemptId, reason, status });
  };
}

/** The customer left Checkout without paying. */
export const handleCheckoutSessionExpired = closeAttempt("expired", "session_expired");

/** A delayed payment method (e.g. SEPA debit) was refused after the session completed. */
export const handleCheckoutSessionAsyncPaymentFailed = closeAttempt("failed", "async_payment_failed");
