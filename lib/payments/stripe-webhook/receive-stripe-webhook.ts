import { env } from "@/lib/env";
import { handleStripeEvent } from "./handle-stripe-event";
import type { WebhookOutcome } from "./outcome";
import { verifyStripeEvent } from "./verify-stripe-event";

export type StripeWebhookReceipt =
  | { kind: "not_configured" }
  | { kind: "refused"; error: "missing_signature" | "invalid_signature" }
  | { kind: "handled"; status: WebhookOutcome["status"] }
  /** Worth a retry by Stripe: nothing was committed. */
  | { kind: "failed" };

/**
 * One delivery to the webhook: payments are fulfilled only from events whose signature checks out.
 * Without STRIPE_WEBHOOK_SECRET the endpoint does not exist (nothing could be verified).
 */
export async function receiveStripeWebhook(rawBody: string, signature: string | null): Promise<StripeWebhookReceipt> {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) return { kind: "not_configured" };
  const verified = verifyStripeEvent(rawBody, signature, secret);
  if (!verified.ok) return { kind: "refused", error: verified.error };
  const { event } = verified;
  try {
    const outcome = await handleStripeEvent(event);
    return { kind: "handled", status: outcome.status };
  } catch (error) {
    console.error(`[payments] Stripe ${event.type} ${event.id} failed; Stripe will retry`, error);
    return { kind: "failed" };
  }
}
