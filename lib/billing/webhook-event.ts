import type { Transaction } from "@/db/client";
import { webhookEvents } from "@/db/schema";

/**
 * Records an event id in the transaction that carries out its effect. False when it was already
 * recorded: the effect happened (or is being committed by a concurrent delivery, which this insert
 * waits for on PostgreSQL) and must not happen again.
 */
export async function claimWebhookEvent(tx: Transaction, event: { provider: string; eventId: string; eventType: string }): Promise<boolean> {
  const inserted = await tx
    .insert(webhookEvents)
    .values({ provider: event.provider, eventId: event.eventId, type: event.eventType })
    .onConflictDoNothing()
    .returning({ eventId: webhookEvents.eventId });
  return inserted.length > 0;
}
