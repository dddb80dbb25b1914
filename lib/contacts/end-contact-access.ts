import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accountTokens, contacts, userSessions } from "@/db/schema";

/**
 * Everything that lets a contact in stops working at once: its browsers' sessions (and any JWT, by the
 * session version), its password, and the links it has not used yet. Giving access again starts over
 * with a new invitation, so an old password is never silently revived.
 */
export async function endContactAccess(tx: Transaction, contact: { id: number; clientId: number }): Promise<void> {
  await tx
    .update(contacts)
    .set({ hasAccess: false, permissions: [], passwordHash: null, sessionVersion: sql`${contacts.sessionVersion} + 1`, updatedAt: sql`now()` })
    .where(and(eq(contacts.id, contact.id), eq(contacts.clientId, contact.clientId)));
  await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.contactId, contact.id), isNull(userSessions.revokedAt)));
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.contactId, contact.id), isNull(accountTokens.usedAt)));
}
