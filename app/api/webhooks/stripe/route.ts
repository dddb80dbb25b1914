import Stripe from "stripe";
import { env } from "@/lib/env";
import { handleStripeEvent } from "@/lib/payments/stripe-webhook/handle-stripe-event";

// Stripe signs each delivery with a timestamp; anything older than this is refused as a possible replay.
const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Payments are fulfilled only here, from events whose signature over the raw body checks out.
 * 200 tells Stripe to stop (done, duplicate, or a permanent mismatch we log); 500 asks it to retry.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: "not_found" }, { status: 404 });

  const signature = request.headers.get("stripe-signature");
  if (!signature) return Response.json({ error: "missing_signature" }, { status: 400 });

  // The exact bytes Stripe signed: parsing and re-serialising the JSON would break the signature.
  const body = await request.text();
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(body, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    return Response.json({ error: "invalid_signature" }, { status: 400 });
  }

  try {
    const outcome = await handleStripeEvent(event);
    return Response.json({ received: true, status: outcome.status });
  } catch (error) {
    console.error(`[payments] Stripe ${event.type} ${event.id} failed; Stripe will retry`, error);
    return Response.json({ error: "processing_failed" }, { status: 500 });
  }
}
