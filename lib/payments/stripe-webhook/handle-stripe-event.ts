import type Stripe from "stripe";
import { handleChargeRefunded } from "./charge-refunded";
import { handleCheckoutSessionAsyncPaymentSucceeded, handleCheckoutSessionCompleted } from "./checkout-session-paid";
import { handleCheckoutSessionAsyncPaymentFailed, handleCheckoutSessionExpired } from "./checkout-session-unpaid";
import type { WebhookOutcome } from "./outcome";

// The allow-list: any other event type is acknowledged and ignored.
const HANDLERS: Record<string, (event: Stripe.Event) => Promise<WebhookOutcome>> = {
  "checkout.session.completed": handleCheckoutSessionCompleted,
  "checkout.session.async_payment_succeeded": handleCheckoutSessionAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": handleCheckoutSessionAsyncPaymentFailed,
  "checkout.session.expired": handleCheckoutSessionExpired,
  "charge.refunded": handleChargeRefunded,
};

export const HANDLED_STRIPE_EVENT_TYPES: readonly string[] = Object.keys(HANDLERS);

/** Runs the handler for a verified event; throws only for failures worth a retry by Stripe. */
export async function handleStripeEvent(event: Stripe.Event): Promise<WebhookOutcome> {
  const handler = Object.hasOwn(HANDLERS, event.type) ? HANDLERS[event.type] : undefined;
  if (!handler) return { status: "ignored" };
  const outcome = await handler(event);
  // A mismatch or an unknown attempt is final for Stripe (200) but needs a person to look at it.
  if (outcome.status === "mismatch" || outcome.status === "not_found" || outcome.status === "not_open") {
    console.warn(`[payments] Stripe ${event.type} ${event.id}: ${outcome.status}`);
  }
  return outcome;
}
