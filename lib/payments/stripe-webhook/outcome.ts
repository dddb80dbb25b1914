/**
 * What a handler did with an event. Every outcome is final for Stripe (HTTP 200): "mismatch",
 * "not_found" and "not_open" would be the same on every retry. Only a thrown error asks for a retry.
 */
export type WebhookOutcome = { status: "applied" | "duplicate" | "mismatch" | "not_found" | "not_open" | "ignored" | (string & {}) };

export function ignored(eventType: string, eventId: string, why: string): WebhookOutcome {
  console.warn(`[payments] Stripe ${eventType} ${eventId} ignored: ${why}`);
  return { status: "ignored" };
}
