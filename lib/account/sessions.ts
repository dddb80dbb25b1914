import { and, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { contacts, userSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";

export type SessionOwner = Pick<SessionUser, "contactId" | "clientId" | "sessionId">;

/** Browser and system as people name them ("Chrome", "Windows"); null when the user agent does not say. */
export type DeviceDescription = { browser: string | null; os: string | null };

export type ActiveSession = DeviceDescription & {
  id: number;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** The browser asking: the one "Cerrar las demás sesiones" keeps. */
  current: boolean;
};

// Same as the JWT's maxAge in lib/auth/config.ts: a browser not seen for longer holds a dead token,
// whatever its row says, and would only clutter the list.
const SESSION_MAX_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
const LIST_LIMIT = 50;

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bVivaldi\//, "Vivaldi"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/(?:\b|Headless)Chrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

/** Plain words for "Sesiones activas", e.g. { browser: "Chrome", os: "Linux" } for "Chrome en Linux". */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const agent = userAgent ?? "";
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1] ?? null;
  const os = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1] ?? null;
  return { browser, os };
}

// The contact row must belong to the session's client as well: a contact id alone never reaches
// another account's rows.
function ownContact(executor: Executor, user: SessionOwner) {
  return executor
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId)));
}

/** This user's signed-in browsers, the current one first, then the most recently seen. */
export async function listActiveSessions(user: SessionOwner): Promise<ActiveSession[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: userSessions.id,
      userAgent: userSessions.userAgent,
      ip: userSessions.ip,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(contacts, eq(contacts.id, userSessions.contactId))
    .where(
      and(
        eq(userSessions.contactId, user.contactId),
        eq(contacts.clientId, user.clientId),
        isNull(userSessions.revokedAt),
        gt(userSessions.lastSeenAt, new Date(Date.now() - SESSION_MAX_IDLE_MS)),
      ),
    )
    .orderBy(desc(sql`${userSessions.id} = ${user.sessionId}`), desc(userSessions.lastSeenAt), desc(userSessions.id))
    .limit(LIST_LIMIT);
  return rows.map(({ userAgent, ...row }) => ({ ...row, ...describeUserAgent(userAgent), current: row.id === user.sessionId }));
}

/**
 * Ends every session of this user except the current one, inside the caller's transaction (a password
 * change does it together with the new hash). Returns how many were ended.
 */
export async function revokeOtherSessionsIn(executor: Executor, user: SessionOwner): Promise<number> {
  const revoked = await executor
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        inArray(userSessions.contactId, ownContact(executor, user)),
        ne(userSessions.id, user.sessionId),
        isNull(userSessions.revokedAt),
      ),
    )
    .returning({ id: userSessions.id });
  return revoked.length;
}

/** "Cerrar las demás sesiones": the other browsers are refused on their next request (loadSessionContact). */
export async function revokeOtherSessions(user: SessionOwner, ip: string | null): Promise<{ ok: true; revoked: number }> {
  const db = await getDb();
  const revoked = await db.transaction(async (tx) => {
    const count = await revokeOtherSessionsIn(tx, user);
    if (count > 0) {
      await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "sessions.revoked", details: { count }, ip });
    }
    return count;
  });
  return { ok: true, revoked };
}
