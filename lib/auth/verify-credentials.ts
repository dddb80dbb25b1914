import { and, eq, isNotNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "./password";
import { clearAttempts, isRateLimited, LOGIN_PER_ACCOUNT, LOGIN_PER_IP, rateLimitKeys, recordAttempt } from "./rate-limit";

export type VerifyCredentialsResult =
  | { ok: true; contact: { id: number; clientId: number; sessionVersion: number } }
  | { ok: false; error: "errors.invalidCredentials" | "errors.rateLimited" };

// The form caps the password at 200; anything much longer is not a password, and argon2 on megabytes costs CPU.
const PASSWORD_MAX_LENGTH = 1024;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

export async function verifyCredentials(input: { email: string; password: string; ip: string }): Promise<VerifyCredentialsResult> {
  const db = await getDb();
  const email = normalizeEmail(input.email);
  const ip = input.ip.slice(0, 64);
  const accountKey = rateLimitKeys.loginAccount(email);
  const ipKey = rateLimitKeys.loginIp(ip);

  const [contact] = email
    ? await db
        .select({
          id: contacts.id,
          clientId: contacts.clientId,
          sessionVersion: contacts.sessionVersion,
          passwordHash: contacts.passwordHash,
        })
        .from(contacts)
        .where(and(eq(contacts.email, email), eq(contacts.hasAccess, true), isNotNull(contacts.passwordHash)))
        .limit(1)
    : [];

  // Checked before the password, and keyed by the typed address whether or not it exists: a
  // throttled account answers the same with the right password, and unknown addresses throttle alike.
  const [accountLimited, ipLimited] = await Promise.all([
    isRateLimited(accountKey, LOGIN_PER_ACCOUNT, db),
    isRateLimited(ipKey, LOGIN_PER_IP, db),
  ]);
  if (accountLimited || ipLimited) {
    if (contact) await audit(contact, "login.failure", ip, { reason: "rateLimited" });
    return { ok: false, error: "errors.rateLimited" };
  }

  const password = input.password.length > PASSWORD_MAX_LENGTH ? "" : input.password;
  // verifyPassword(null) still hashes, so unknown addresses take as long as wrong passwords.
  const valid = await verifyPassword(contact?.passwordHash ?? null, password);

  if (!contact || !valid) {
    await db.transaction(async (tx) => {
      await recordAttempt(accountKey, tx);
      await recordAttempt(ipKey, tx);
      if (contact) await audit(contact, "login.failure", ip, { reason: "wrongPassword" }, tx);
    });
    return { ok: false, error: "errors.invalidCredentials" };
  }

  await db.transaction(async (tx) => {
    await clearAttempts(accountKey, tx);
    await tx.update(contacts).set({ lastLoginAt: sql`now()` }).where(and(eq(contacts.id, contact.id), eq(contacts.clientId, contact.clientId)));
    await audit(contact, "login.success", ip, null, tx);
  });
  return { ok: true, contact: { id: contact.id, clientId: contact.clientId, sessionVersion: contact.sessionVersion } };
}

async function audit(
  contact: { id: number; clientId: number },
  action: "login.success" | "login.failure",
  ip: string,
  details: Record<string, unknown> | null,
  executor?: Executor,
): Promise<void> {
  const db = executor ?? (await getDb());
  await recordAudit(db, { clientId: contact.clientId, contactId: contact.id, action, ip, details: details ?? undefined });
}
