import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, userSessions } from "@/db/schema";

/** One row per signed-in browser; the JWT carries its id so signing out (or "sign out everywhere") ends it on the server. */
export async function startDeviceSession(input: { contactId: number; ip: string; userAgent: string | null }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .insert(userSessions)
    .values({ contactId: input.contactId, ip: input.ip, userAgent: input.userAgent?.slice(0, 500) ?? null })
    .returning({ id: userSessions.id });
  return row!.id;
}

export async function revokeDeviceSession(contactId: number, sessionId: number): Promise<void> {
  const db = await getDb();
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.contactId, contactId), isNull(userSessions.revokedAt)));
}

export type SessionContact = {
  id: number;
  clientId: number;
  isOwner: boolean;
  permissions: string[];
  firstName: string;
  lastName: string;
  email: string;
};

const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

/**
 * The contact behind a JWT, or null when the token no longer counts: contact gone or without access,
 * password changed since (session version), or this browser's session revoked.
 */
export async function loadSessionContact(token: { contactId: number; sessionVersion: unknown; sessionId: unknown }): Promise<SessionContact | null> {
  if (typeof token.sessionId !== "number") return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: contacts.id,
      clientId: contacts.clientId,
      hasAccess: contacts.hasAccess,
      isOwner: contacts.isOwner,
      permissions: contacts.permissions,
      sessionVersion: contacts.sessionVersion,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      email: contacts.email,
      revokedAt: userSessions.revokedAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(contacts)
    .innerJoin(userSessions, and(eq(userSessions.id, token.sessionId), eq(userSessions.contactId, contacts.id)))
    .where(eq(contacts.id, token.contactId))
    .limit(1);
  if (!row || !row.hasAccess || row.revokedAt || row.sessionVersion !== token.sessionVersion) return null;
  if (Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    // Only every few minutes, so a page view does not always write.
    await db
      .update(userSessions)
      .set({ lastSeenAt: new Date() })
      .where(and(eq(userSessions.id, token.sessionId), lt(userSessions.lastSeenAt, new Date(Date.now() - LAST_SEEN_EVERY_MS))));
  }
  return row;
}
