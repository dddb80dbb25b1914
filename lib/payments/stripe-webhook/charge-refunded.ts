import type Stripe from "stripe";
import { z } from "zod";
import { recordRefund } from "@/lib/billing/fulfil-payment";
import { ignored, type WebhookOutcome } from "./outcome";

const chargeSchema = z.object({
  id: z.string(),
  // Cumulative: a second partial refund arrives with the total refunded so far.
  amount_refunded: z.number().int().nonnegative(),
  currency: z.string().length(3).transform((value) => value.toUpperCase()),
  payment_intent: z.union([z.string(), z.object({ id: z.string() }).transform((value) => value.id)]).nullable(),
});

/** Refunds are made in Stripe's dashboard; we record them against the attempt that took the money. */
export async function handleChargeRefunded(event: Stripe.Event): Promise<WebhookOutcome> {
  const parsed = chargeSchema.safeParse(event.data.object);
  if (!parsed.success) return ignored(event.type, event.id, "unexpected charge shape");
  const charge = parsed.data;
  if (!charge.payment_intent) return ignored(event.type, event.id, `charge ${charge.id} has no payment intent`);
  return recordRefund({
    provider: "stripe",
    eventId: event.id,
    eventType: event.type,
    gatewayPaymentId: charge.payment_intent,
    amountRefunded: charge.amount_refunded,
    currency: charge.currency,
  });
}
