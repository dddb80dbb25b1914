import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients, contacts, impersonations, staffSessions, staffUsers, userSessions } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashToken } from "@/lib/auth/tokens";
import { isRowId } from "@/lib/row-id";
import type { StaffUser } from "./staff-session";

// "Acceder como cliente". The staff action (requireStaff, role checked) writes an impersonation row
// with a single-use grant; the Auth.js provider "impersonation" (lib/auth/config.ts) trades the grant
// for an ordinary customer session of the client's owner contact, whose JWT carries the row's id.
// On every request the jwt callback asks loadActiveImpersonation: the row must not be ended and its
// staff session must still be valid (not expired, member of staff not disabled); otherwise the
// customer session ends there. Signing the staff member out deletes the staff session, which
// deletes the row (cascade).

const GRANT_SECONDS = 60;
const NOT_FOUND = { ok: false, error: "admin.errors.clientNotFound" } as const;

type Actor = Pick<StaffUser, "staffUserId" | "sessionId">;

/** A grant for the client's owner contact; refused for a client that does not exist, has no owner with access, or is a member of staff. */
export async function createImpersonationGrant(staff: Actor, input: { clientId: number }): Promise<ActionResult<{ grant: string }>> {
  if (!isRowId(input.clientId)) return NOT_FOUND;
  const db = await getDb();
  const [owner] = await db
    .select({ contactId: contacts.id, email: contacts.email, hasAccess: contacts.hasAccess })
    .from(clients)
    .innerJoin(contacts, and(eq(contacts.clientId, clients.id), eq(contacts.isOwner, true)))
    .where(eq(clients.id, input.clientId))
    .limit(1);
  if (!owner) return NOT_FOUND;
  if (!owner.hasAccess) return { ok: false, error: "admin.errors.impersonationNoAccess" };
  // Never another member of staff: a customer account under a staff user's email is theirs, not the company's to open.
  const [staffMatch] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = lower(${owner.email})`)
    .limit(1);
  if (staffMatch) return { ok: false, error: "admin.errors.impersonationStaff" };
  const grant = randomBytes(32).toString("base64url");
  await db.insert(impersonations).values({
    staffUserId: staff.staffUserId,
    staffSessionId: staff.sessionId,
    clientId: input.clientId,
    contactId: owner.contactId,
    grantTokenHash: hashToken(grant),
    grantExpiresAt: sql`now() + make_interval(secs => ${GRANT_SECONDS})`,
  });
  return { ok: true, data: { grant } };
}

export type ImpersonationSignIn = { id: string; sessionVersion: number; sessionId: number; impersonationId: number };

/**
 * Trades a grant for a customer session (one user_sessions row, like any sign-in), once: the grant's
 * hash is cleared by the same UPDATE that claims it. The staff session must still be valid.
 */
export async function redeemImpersonationGrant(input: { grant: unknown; ip: string; userAgent: string | null }): Promise<ImpersonationSignIn | null> {
  if (typeof input.grant !== "string" || input.grant.length === 0 || input.grant.length > 128) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(impersonations)
      .set({ grantTokenHash: null, startedAt: sql`now()` })
      .where(and(eq(impersonations.grantTokenHash, hashToken(input.grant as string)), gt(impersonations.grantExpiresAt, sql`now()`)))
      .returning({ id: impersonations.id, staffUserId: impersonations.staffUserId, staffSessionId: impersonations.staffSessionId, clientId: impersonations.clientId, contactId: impersonations.contactId });
    if (!claimed) return null;
    const [valid] = await tx
      .select({ sessionVersion: contacts.sessionVersion })
      .from(staffSessions)
      .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
      .innerJoin(contacts, and(eq(contacts.id, claimed.contactId), eq(contacts.clientId, claimed.clientId), eq(contacts.hasAccess, true)))
      .where(and(eq(staffSessions.id, claimed.staffSessionId), gt(staffSessions.expiresAt, sql`now()`), isNull(staffUsers.disabledAt)))
      .limit(1);
    if (!valid) return null;
    const [session] = await tx
      .insert(userSessions)
      .values({ contactId: claimed.contactId, ip: input.ip.slice(0, 64), userAgent: input.userAgent?.slice(0, 500) ?? null })
      .returning({ id: userSessions.id });
    await tx.update(impersonations).set({ userSessionId: session!.id }).where(eq(impersonations.id, claimed.id));
    await recordAudit(tx, { clientId: claimed.clientId, contactId: null, staffUserId: claimed.staffUserId, action: "staff.impersonation_started", ip: input.ip });
    return { id: String(claimed.contactId), sessionVersion: valid.sessionVersion, sessionId: session!.id, impersonationId: claimed.id };
  });
}

export type ActiveImpersonation = { impersonationId: number; staffUserId: number; staffName: string; clientId: number };

/** The impersonation behind a customer session, while it still counts; null ends the session. */
export async function loadActiveImpersonation(token: { impersonationId: unknown; sessionId: unknown }): Promise<ActiveImpersonation | null> {
  if (!isRowId(token.impersonationId) || !isRowId(token.sessionId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ impersonationId: impersonations.id, staffUserId: staffUsers.id, staffName: staffUsers.name, clientId: impersonations.clientId })
    .from(impersonations)
    .innerJoin(staffSessions, eq(staffSessions.id, impersonations.staffSessionId))
    .innerJoin(staffUsers, eq(staffUsers.id, impersonations.staffUserId))
    .where(
      and(
        eq(impersonations.id, token.impersonationId),
        eq(impersonations.userSessionId, token.sessionId),
        isNull(impersonations.endedAt),
        gt(staffSessions.expiresAt, sql`now()`),
        isNull(staffUsers.disabledAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** "Terminar": the impersonation and its customer session end together, with a trace on the client's Actividad. */
export async function endImpersonation(input: { impersonationId: number; sessionId: number; ip: string | null }): Promise<{ clientId: number } | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [ended] = await tx
      .update(impersonations)
      .set({ endedAt: sql`now()` })
      .where(and(eq(impersonations.id, input.impersonationId), eq(impersonations.userSessionId, input.sessionId), isNull(impersonations.endedAt)))
      .returning({ clientId: impersonations.clientId, staffUserId: impersonations.staffUserId });
    await tx.update(userSessions).set({ revokedAt: sql`now()` }).where(and(eq(userSessions.id, input.sessionId), isNull(userSessions.revokedAt)));
    if (!ended) return null;
    await recordAudit(tx, { clientId: ended.clientId, contactId: null, staffUserId: ended.staffUserId, action: "staff.impersonation_ended", ip: input.ip });
    return { clientId: ended.clientId };
  });
}
