import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { staffSessions, staffUsers } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { STAFF_ROLES, type StaffRole } from "@/lib/auth/scope";
import { STAFF_SESSION_HOURS } from "./staff-cookie";

const TOKEN_MAX_LENGTH = 128;

export type StaffSessionRow = { sessionId: number; staffUserId: number; role: StaffRole; name: string; email: string };

/** A new session row; returns the raw token for the cookie (only its hash is kept). */
export async function createStaffSession(executor: Executor, input: { staffUserId: number; ip: string; userAgent: string | null }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await executor.delete(staffSessions).where(and(eq(staffSessions.staffUserId, input.staffUserId), lte(staffSessions.expiresAt, sql`now()`)));
  await executor.insert(staffSessions).values({
    staffUserId: input.staffUserId,
    tokenHash: hashToken(token),
    ip: input.ip.slice(0, 64),
    userAgent: input.userAgent ? input.userAgent.slice(0, 300) : null,
    expiresAt: sql`now() + make_interval(hours => ${STAFF_SESSION_HOURS})`,
  });
  return token;
}

/** The session and its member of staff, read fresh on every request: a disabled account or a changed role counts at once. */
export async function findStaffSession(token: string | undefined | null): Promise<StaffSessionRow | null> {
  if (!token || token.length > TOKEN_MAX_LENGTH) return null;
  const db = await getDb();
  const [row] = await db
    .select({ sessionId: staffSessions.id, staffUserId: staffUsers.id, role: staffUsers.role, name: staffUsers.name, email: staffUsers.email })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
    .where(and(eq(staffSessions.tokenHash, hashToken(token)), gt(staffSessions.expiresAt, sql`now()`), isNull(staffUsers.disabledAt)))
    .limit(1);
  if (!row || !(STAFF_ROLES as readonly string[]).includes(row.role)) return null;
  return { ...row, role: row.role as StaffRole };
}

export async function endStaffSession(token: string | undefined | null): Promise<void> {
  if (!token || token.length > TOKEN_MAX_LENGTH) return;
  const db = await getDb();
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token)));
}
