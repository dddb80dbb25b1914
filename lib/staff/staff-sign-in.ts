import { randomBytes } from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { staffSignInTokens, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import { clearAttempts, isRateLimited, LOGIN_PER_ACCOUNT, LOGIN_PER_IP, recordAttempt } from "@/lib/auth/rate-limit";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import { hashToken } from "@/lib/auth/tokens";
import { TWO_FACTOR_PER_ACCOUNT } from "@/lib/auth/two-factor";
import { generateTotpSecret, matchTotp, totpUri } from "@/lib/auth/two-factor-totp";
import { normalizeEmail } from "@/lib/auth/verify-credentials";
import { createStaffSession } from "./staff-sessions";

// Time to open the app (or scan the QR code on first sign-in) and type six digits.
const PENDING_MINUTES = 10;
const PASSWORD_MAX_LENGTH = 1024;
const TOKEN_MAX_LENGTH = 128;
export const STAFF_TOTP_ISSUER = "Área de cliente (personal)";

export const staffRateLimitKeys = {
  account: (email: string) => `staff-login:account:${email}`,
  ip: (ip: string) => `staff-login:ip:${ip}`,
  code: (staffUserId: number) => `staff-two-factor:account:${staffUserId}`,
};

export type BeginStaffSignInResult =
  | { ok: true; pendingToken: string; enrolment: { secret: string; uri: string } | null }
  | { ok: false; error: "errors.invalidCredentials" | "errors.rateLimited" };

/**
 * Step 1: the password. It never opens a session by itself: two-factor is mandatory for staff, so it
 * yields a single-use token for step 2, and for someone without an authenticator yet a new secret
 * to enrol (kept sealed with the token until the first code confirms it).
 */
export async function beginStaffSignIn(input: { email: string; password: string; ip: string }): Promise<BeginStaffSignInResult> {
  const db = await getDb();
  const email = normalizeEmail(input.email);
  const ip = input.ip.slice(0, 64);
  const accountKey = staffRateLimitKeys.account(email);
  const ipKey = staffRateLimitKeys.ip(ip);
  if ((await isRateLimited(accountKey, LOGIN_PER_ACCOUNT, db)) || (await isRateLimited(ipKey, LOGIN_PER_IP, db))) {
    return { ok: false, error: "errors.rateLimited" };
  }
  const [staff] = email
    ? await db
        .select({ id: staffUsers.id, email: staffUsers.email, passwordHash: staffUsers.passwordHash, totpEnabledAt: staffUsers.totpEnabledAt })
        .from(staffUsers)
        .where(and(eq(staffUsers.email, email), isNull(staffUsers.disabledAt), isNotNull(staffUsers.passwordHash)))
        .limit(1)
    : [];
  const password = input.password.slice(0, PASSWORD_MAX_LENGTH);
  // verifyPassword spends the same time for an unknown address, so staff emails cannot be probed by timing.
  if (!(await verifyPassword(staff?.passwordHash, password)) || !staff) {
    await recordAttempt(accountKey, db);
    await recordAttempt(ipKey, db);
    await recordAudit(db, { clientId: null, contactId: null, staffUserId: staff?.id ?? null, action: "staff.sign_in_failure", details: { step: "password" }, ip });
    return { ok: false, error: "errors.invalidCredentials" };
  }
  await clearAttempts(accountKey, db);

  const enrolSecret = staff.totpEnabledAt ? null : generateTotpSecret();
  const pendingToken = randomBytes(32).toString("base64url");
  await db.delete(staffSignInTokens).where(and(eq(staffSignInTokens.staffUserId, staff.id), lte(staffSignInTokens.expiresAt, sql`now()`)));
  await db.insert(staffSignInTokens).values({
    staffUserId: staff.id,
    tokenHash: hashToken(pendingToken),
    enrolSecret: enrolSecret ? sealSecret(enrolSecret) : null,
    expiresAt: sql`now() + make_interval(mins => ${PENDING_MINUTES})`,
  });
  return {
    ok: true,
    pendingToken,
    enrolment: enrolSecret ? { secret: enrolSecret, uri: totpUri({ secret: enrolSecret, issuer: STAFF_TOTP_ISSUER, accountName: staff.email }) } : null,
  };
}

export type CompleteStaffSignInResult =
  | { ok: true; sessionToken: string }
  | { ok: false; error: "admin.errors.signInExpired" | "errors.rateLimited" | "twoFactor.errors.codeInvalid" | "twoFactor.errors.codeAlreadyUsed" | "twoFactor.errors.codeRequired" };

class Refused extends Error {
  constructor(readonly error: "admin.errors.signInExpired" | "twoFactor.errors.codeAlreadyUsed") {
    super(error);
  }
}

/**
 * Step 2: the pending token and the authenticator's code (against the enrolment secret the first
 * time). The token is spent, the step recorded (no replay) and the session row written in one
 * transaction; a code accepted once cannot be accepted again.
 */
export async function completeStaffSignIn(input: {
  pendingToken: string;
  code: string;
  ip: string;
  userAgent: string | null;
  nowMs?: number;
}): Promise<CompleteStaffSignInResult> {
  const db = await getDb();
  const ip = input.ip.slice(0, 64);
  if (!input.pendingToken || input.pendingToken.length > TOKEN_MAX_LENGTH) return { ok: false, error: "admin.errors.signInExpired" };
  const [pending] = await db
    .select({
      id: staffSignInTokens.id,
      enrolSecret: staffSignInTokens.enrolSecret,
      staffUserId: staffUsers.id,
      totpSecret: staffUsers.totpSecret,
      totpEnabledAt: staffUsers.totpEnabledAt,
    })
    .from(staffSignInTokens)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSignInTokens.staffUserId))
    .where(and(eq(staffSignInTokens.tokenHash, hashToken(input.pendingToken)), gt(staffSignInTokens.expiresAt, sql`now()`), isNull(staffUsers.disabledAt)))
    .limit(1);
  if (!pending) return { ok: false, error: "admin.errors.signInExpired" };
  const code = input.code.replace(/\s+/g, "");
  if (!code) return { ok: false, error: "twoFactor.errors.codeRequired" };

  const codeKey = staffRateLimitKeys.code(pending.staffUserId);
  if (await isRateLimited(codeKey, TWO_FACTOR_PER_ACCOUNT, db)) return { ok: false, error: "errors.rateLimited" };

  // Someone enrolled already (another browser finished first): their stored secret is the one that counts.
  const enrolling = !pending.totpEnabledAt;
  const sealed = enrolling ? pending.enrolSecret : pending.totpSecret;
  const secret = sealed ? openSecret(sealed) : null;
  const step = secret ? await matchTotp(secret, code, input.nowMs) : null;
  if (step === null) {
    await recordAttempt(codeKey, db);
    await recordAudit(db, { clientId: null, contactId: null, staffUserId: pending.staffUserId, action: "staff.sign_in_failure", details: { step: "code" }, ip });
    return { ok: false, error: "twoFactor.errors.codeInvalid" };
  }

  try {
    const sessionToken = await db.transaction(async (tx) => {
      const spent = await tx.delete(staffSignInTokens).where(eq(staffSignInTokens.id, pending.id)).returning({ id: staffSignInTokens.id });
      if (spent.length !== 1) throw new Refused("admin.errors.signInExpired");
      const accepted = await tx
        .update(staffUsers)
        .set(enrolling ? { totpLastStep: step, totpSecret: sealed, totpEnabledAt: sql`now()` } : { totpLastStep: step })
        .where(
          and(
            eq(staffUsers.id, pending.staffUserId),
            enrolling ? isNull(staffUsers.totpEnabledAt) : isNotNull(staffUsers.totpEnabledAt),
            or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
          ),
        )
        .returning({ id: staffUsers.id });
      if (accepted.length !== 1) throw new Refused(enrolling ? "admin.errors.signInExpired" : "twoFactor.errors.codeAlreadyUsed");
      if (enrolling) await recordAudit(tx, { clientId: null, contactId: null, staffUserId: pending.staffUserId, action: "staff.two_factor_enrolled", ip });
      await recordAudit(tx, { clientId: null, contactId: null, staffUserId: pending.staffUserId, action: "staff.sign_in", ip });
      await clearAttempts(codeKey, tx);
      return createStaffSession(tx, { staffUserId: pending.staffUserId, ip, userAgent: input.userAgent });
    });
    return { ok: true, sessionToken };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    throw error;
  }
}
