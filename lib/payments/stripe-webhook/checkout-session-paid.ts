import type Stripe from "stripe";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { parseCheckoutSession } from "./checkout-session";
import { ignored, type WebhookOutcome } from "./outcome";

/** Settles the session's attempt with the amount Stripe took; `paidOnly` first ignores a session not yet paid. */
function settleAttempt({ paidOnly }: { paidOnly: boolean }) {
  return async (event: Stripe.Event): Promise<WebhookOutcome> => {
    const session = parseCheckoutSession(event.data.object);
    if (!session) return ignored(event.type, event.id, "not a portal checkout session");
    if (paidOnly && session.paymentStatus !== "paid") return ignored(event.type, event.id, `payment_status ${session.paymentStatus}`);
    return fulfilPaymentAttempt({
      provider: "stripe",
      eventId: event.id,
      eventType: event.type,
      attemptId: session.attemptId,
      amount: session.amount,
      currency: session.currency,
      gatewayReference: session.paymentIntentId,
    });
  };
}

/** A card payment is paid when the session completes; delayed methods complete "unpaid" and settle later. */
export const handleCheckoutSessionCompleted = settleAttempt({ paidOnly: true });

/** A delayed payment method (e.g. SEPA debit) has settled: the money is ours now. */
export const handleCheckoutSessionAsyncPaymentSucceeded = settleAttempt({ paidOnly: false });
