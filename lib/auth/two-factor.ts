import { and, count, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Database, type Executor, type Transaction } from "@/db/client";
import { contacts, totpBackupCodes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendEmail } from "@/lib/email/send-email";
import type { TwoFactorChange } from "@/emails/two-factor-changed";
import { verifyPassword } from "./password";
import { clearAttempts, isRateLimited, recordAttempt, type RateLimitRule } from "./rate-limit";
import { generateBackupCodes, hashBackupCode, looksLikeBackupCode, normalizeBackupCode } from "./two-factor-backup-codes";
import { readSetupToken, signSetupToken } from "./two-factor-setup-token";
import { generateTotpSecret, looksLikeTotp, matchTotp, totpUri } from "./two-factor-totp";
import { openSecret, sealSecret } from "./secret-box";

/**
 * Wrong codes (at sign-in, when disabling, when confirming the set-up) per account. Three codes are valid
 * at any moment (±1 step), so 5 guesses per 15 minutes leave about 1 chance in 700 a day of hitting one.
 */
export const TWO_FACTOR_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };

export function twoFactorRateLimitKey(contactId: number): string {
  return `two-factor:account:${contactId}`;
}

/** The signed-in person acting on their own two-factor settings (a SessionUser fits). */
export type TwoFactorUser = { contactId: number; clientId: number };

export type CodeError = "twoFactor.errors.codeInvalid" | "twoFactor.errors.codeAlreadyUsed";
/** error and fieldErrors hold catalog keys, as the action wrapper expects. */
export type TwoFactorRefusal = { ok: false; error: string; fieldErrors?: Record<string, string> };
export type TwoFactorResult<T = object> = ({ ok: true } & T) | TwoFactorRefusal;

export type TwoFactorStatus = { enabledAt: Date | null; backupCodesLeft: number };

export async function getTwoFactorStatus(user: TwoFactorUser): Promise<TwoFactorStatus> {
  const db = await getDb();
  const [contact] = await db
    .select({ enabledAt: contacts.totpEnabledAt })
    .from(contacts)
    .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId)))
    .limit(1);
  if (!contact?.enabledAt) return { enabledAt: null, backupCodesLeft: 0 };
  const [left] = await db
    .select({ value: count() })
    .from(totpBackupCodes)
    .where(and(eq(totpBackupCodes.contactId, user.contactId), isNull(totpBackupCodes.usedAt)));
  return { enabledAt: contact.enabledAt, backupCodesLeft: Number(left?.value ?? 0) };
}

export type TwoFactorSetup = { secret: string; uri: string; setupToken: string };

/** A fresh secret for the set-up page; nothing is stored until confirmTwoFactorSetup sees a right code. */
export function prepareTwoFactorSetup(user: { contactId: number; email: string }, issuer: string): TwoFactorSetup {
  const secret = generateTotpSecret();
  return {
    secret,
    uri: totpUri({ secret, issuer, accountName: user.email }),
    setupToken: signSetupToken({ secret, contactId: user.contactId }),
  };
}

/** The code proves the app holds the secret; then the secret is kept and ten backup codes are issued (returned once, stored hashed). */
export async function confirmTwoFactorSetup(
  user: TwoFactorUser,
  input: { setupToken: string; code: string },
  ip: string,
  nowMs: number = Date.now(),
): Promise<TwoFactorResult<{ backupCodes: string[] }>> {
  const secret = readSetupToken(input.setupToken, user.contactId, nowMs);
  if (!secret) return { ok: false, error: "twoFactor.errors.setupExpired" };
  const db = await getDb();
  const key = twoFactorRateLimitKey(user.contactId);
  if (await isRateLimited(key, TWO_FACTOR_PER_ACCOUNT, db)) return { ok: false, error: "errors.rateLimited" };

  const step = await matchTotp(secret, input.code.replace(/\s/g, ""), nowMs);
  if (step === null) {
    await recordAttempt(key, db);
    return codeRefused("twoFactor.errors.codeInvalid");
  }

  const backupCodes = generateBackupCodes();
  const enabled = await db.transaction(async (tx) => {
    // The confirming step counts as used, so the code just typed cannot also open a session.
    const updated = await tx
      .update(contacts)
      .set({ totpSecret: sealSecret(secret), totpEnabledAt: sql`now()`, totpLastStep: step })
      .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId), isNull(contacts.totpEnabledAt)))
      .returning({ id: contacts.id });
    if (updated.length !== 1) return { ok: false as const, error: "twoFactor.errors.alreadyEnabled" };
    await tx.delete(totpBackupCodes).where(eq(totpBackupCodes.contactId, user.contactId));
    await tx.insert(totpBackupCodes).values(
      backupCodes.map((code) => ({ contactId: user.contactId, codeHash: hashBackupCode(user.contactId, normalizeBackupCode(code)) })),
    );
    await clearAttempts(key, tx);
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "two_factor.enabled", details: { backupCodes: backupCodes.length }, ip });
    const [contact] = await tx.select({ email: contacts.email, firstName: contacts.firstName }).from(contacts).where(eq(contacts.id, user.contactId));
    return { ok: true as const, backupCodes, contact: contact! };
  });
  if (!enabled.ok) return enabled;
  await sendTwoFactorNotice(enabled.contact, user, "enabled", ip);
  return { ok: true, backupCodes: enabled.backupCodes };
}

/** Switching it off needs both the password and a code (TOTP or backup), so a session left open is not enough. */
export async function disableTwoFactor(
  user: TwoFactorUser,
  input: { password: string; code: string },
  ip: string,
  nowMs: number = Date.now(),
): Promise<TwoFactorResult> {
  const outcome = await withBothProofs(user, input, ip, nowMs, "disable", async (tx, factor) => {
    await tx
      .update(contacts)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId)));
    await tx.delete(totpBackupCodes).where(eq(totpBackupCodes.contactId, user.contactId));
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "two_factor.disabled", details: { method: factor.method }, ip });
    return {};
  });
  if (outcome.ok) await sendTwoFactorNotice(outcome.contact, user, "disabled", ip);
  return outcome.ok ? { ok: true } : outcome;
}

/**
 * "Regenerar códigos de respaldo": ten new codes replace every old one, used or not. It asks for the
 * same two proofs as switching two-step verification off, since the codes are a way in.
 */
export async function regenerateBackupCodes(
  user: TwoFactorUser,
  input: { password: string; code: string },
  ip: string,
  nowMs: number = Date.now(),
): Promise<TwoFactorResult<{ backupCodes: string[] }>> {
  const backupCodes = generateBackupCodes();
  const outcome = await withBothProofs(user, input, ip, nowMs, "regenerate", async (tx, factor) => {
    await tx.delete(totpBackupCodes).where(eq(totpBackupCodes.contactId, user.contactId));
    await tx.insert(totpBackupCodes).values(
      backupCodes.map((code) => ({ contactId: user.contactId, codeHash: hashBackupCode(user.contactId, normalizeBackupCode(code)) })),
    );
    await recordAudit(tx, {
      clientId: user.clientId,
      contactId: user.contactId,
      action: "two_factor.backup_codes_regenerated",
      details: { method: factor.method, backupCodes: backupCodes.length },
      ip,
    });
    return {};
  });
  if (!outcome.ok) return outcome;
  await sendTwoFactorNotice(outcome.contact, user, "backupCodesRegenerated", ip);
  return { ok: true, backupCodes };
}

type NoticeContact = { email: string; firstName: string };

/**
 * The password, then a code (TOTP or backup) spent in the same transaction as `change`: a wrong
 * password never spends a code, and a refused code counts toward the account's limit.
 */
async function withBothProofs(
  user: TwoFactorUser,
  input: { password: string; code: string },
  ip: string,
  nowMs: number,
  context: "disable" | "regenerate",
  change: (tx: Transaction, factor: { method: "totp" | "backup" }) => Promise<object>,
): Promise<{ ok: true; contact: NoticeContact } | TwoFactorRefusal> {
  const db = await getDb();
  const [contact] = await db
    .select({
      id: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      passwordHash: contacts.passwordHash,
      totpSecret: contacts.totpSecret,
      totpEnabledAt: contacts.totpEnabledAt,
      totpLastStep: contacts.totpLastStep,
    })
    .from(contacts)
    .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId)))
    .limit(1);
  if (!contact?.totpEnabledAt) return { ok: false, error: "twoFactor.errors.notEnabled" };

  const key = twoFactorRateLimitKey(user.contactId);
  if (await isRateLimited(key, TWO_FACTOR_PER_ACCOUNT, db)) return { ok: false, error: "errors.rateLimited" };

  if (!(await verifyPassword(contact.passwordHash, input.password.slice(0, 1024)))) {
    await recordFailure(db, user, key, ip, { context, reason: "wrongPassword" });
    return { ok: false, error: "errors.checkFields", fieldErrors: { password: "twoFactor.errors.passwordWrong" } };
  }

  const outcome = await db.transaction(async (tx) => {
    const factor = await redeemSecondFactor(tx, contact, input.code, nowMs);
    if (!factor.ok) return factor;
    await change(tx, factor);
    await clearAttempts(key, tx);
    return factor;
  });
  if (!outcome.ok) {
    await recordFailure(db, user, key, ip, { context, reason: outcome.error });
    return codeRefused(outcome.error);
  }
  return { ok: true, contact };
}

/** After the change has committed: a failed notice must not make the person think it did not happen. */
async function sendTwoFactorNotice(contact: NoticeContact, user: TwoFactorUser, change: TwoFactorChange, ip: string): Promise<void> {
  try {
    await sendEmail(
      "two-factor-changed",
      { email: contact.email, name: contact.firstName, clientId: user.clientId, contactId: user.contactId },
      { name: contact.firstName, change, when: new Date().toISOString(), ip },
    );
  } catch (error) {
    console.error(`Two-factor notice (${change}) for contact ${user.contactId} could not be sent:`, error);
  }
}

export type RedeemedFactor = { ok: true; method: "totp" | "backup" } | { ok: false; error: CodeError };

/**
 * Accepts a TOTP or a backup code for `contact` and marks it spent, inside the caller's transaction.
 * Both marks are conditional updates, so of two requests racing with one code exactly one wins.
 */
export async function redeemSecondFactor(
  tx: Executor,
  contact: { id: number; totpSecret: string | null; totpLastStep: number | null },
  typed: string,
  nowMs: number = Date.now(),
): Promise<RedeemedFactor> {
  const code = typed.replace(/\s/g, "");
  if (looksLikeTotp(code)) {
    const sealed = contact.totpSecret;
    const secret = sealed ? openSecret(sealed) : null;
    if (!sealed || !secret) return { ok: false, error: "twoFactor.errors.codeInvalid" };
    const step = await matchTotp(secret, code, nowMs);
    if (step === null) return { ok: false, error: "twoFactor.errors.codeInvalid" };
    if (contact.totpLastStep !== null && step <= contact.totpLastStep) return { ok: false, error: "twoFactor.errors.codeAlreadyUsed" };
    const accepted = await tx
      .update(contacts)
      .set({ totpLastStep: step })
      .where(
        and(
          eq(contacts.id, contact.id),
          eq(contacts.totpSecret, sealed),
          isNotNull(contacts.totpEnabledAt),
          or(isNull(contacts.totpLastStep), lt(contacts.totpLastStep, step)),
        ),
      )
      .returning({ id: contacts.id });
    return accepted.length === 1 ? { ok: true, method: "totp" } : { ok: false, error: "twoFactor.errors.codeAlreadyUsed" };
  }

  const normalized = normalizeBackupCode(code);
  if (!looksLikeBackupCode(normalized)) return { ok: false, error: "twoFactor.errors.codeInvalid" };
  const codeHash = hashBackupCode(contact.id, normalized);
  const spent = await tx
    .update(totpBackupCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(totpBackupCodes.contactId, contact.id), eq(totpBackupCodes.codeHash, codeHash), isNull(totpBackupCodes.usedAt)))
    .returning({ id: totpBackupCodes.id });
  if (spent.length === 1) return { ok: true, method: "backup" };
  const [used] = await tx
    .select({ id: totpBackupCodes.id })
    .from(totpBackupCodes)
    .where(and(eq(totpBackupCodes.contactId, contact.id), eq(totpBackupCodes.codeHash, codeHash)))
    .limit(1);
  return { ok: false, error: used ? "twoFactor.errors.codeAlreadyUsed" : "twoFactor.errors.codeInvalid" };
}

/** A refused code counts toward the account's limit and leaves a trace in the activity log. */
export async function recordFailure(
  db: Database,
  user: TwoFactorUser,
  key: string,
  ip: string,
  details: Record<string, unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await recordAttempt(key, tx);
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "two_factor.failure", details, ip });
  });
}

function codeRefused(error: string): TwoFactorRefusal {
  return { ok: false, error: "errors.checkFields", fieldErrors: { code: error } };
}
