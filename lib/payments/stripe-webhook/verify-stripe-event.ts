import Stripe from "stripe";

// Stripe signs each delivery with a timestamp; anything older than this is refused as a possible replay.
const SIGNATURE_TOLERANCE_SECONDS = 300;

export type StripeEventVerification = { ok: true; event: Stripe.Event } | { ok: false; error: "missing_signature" | "invalid_signature" };

/**
 * The event Stripe sent, once its signature over the raw body checks out against our webhook secret.
 * `rawBody` must be the exact bytes received: parsing and re-serialising the JSON breaks the signature.
 */
export function verifyStripeEvent(rawBody: string, signature: string | null, secret: string): StripeEventVerification {
  if (!signature) return { ok: false, error: "missing_signature" };
  try {
    return { ok: true, event: Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS) };
  } catch {
    return { ok: false, error: "invalid_signature" };
  }
}
