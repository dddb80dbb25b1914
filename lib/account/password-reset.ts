import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, userSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import {
  clearAttempts,
  isRateLimited,
  rateLimitKeys,
  recordAttempt,
  RESET_ANSWER_PER_ACCOUNT,
  RESET_PER_ACCOUNT,
  RESET_PER_IP,
  RESET_SUBMIT_PER_IP,
} from "@/lib/auth/rate-limit";
import { consumeToken, createAccountToken, findValidToken } from "@/lib/auth/tokens";
import { normalizeEmail } from "@/lib/auth/verify-credentials";
import { newPasswordFieldErrors, passwordContextOf, passwordLinkContactColumns } from "./new-password";
import { verifySecurityAnswer } from "./security-answer";

export const RESET_TOKEN_TTL_MINUTES = 60;

export type RequestPasswordResetResult = { ok: true } | { ok: false; error: "errors.rateLimited" };
/** email and name let the page's strength meter judge the password as the server will. */
export type InspectResetTokenResult = { valid: false } | { valid: true; securityQuestion: string | null; email: string; name: string };
export type ResetPasswordResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export function resetUrlFor(token: string): string {
  // Always the configured address: a Host header is chosen by whoever sends the request.
  return `${env.APP_BASE_URL.replace(/\/+$/, "")}/recuperar/${token}`;
}

async function findResetContact(contactId: number) {
  const db = await getDb();
  const [contact] = await db
    .select({ ...passwordLinkContactColumns, securityQuestion: contacts.securityQuestion, securityAnswerHash: contacts.securityAnswerHash })
    .from(contacts)
    .where(eq(contacts.id, contactId))
    .limit(1);
  return contact?.hasAccess ? contact : null;
}

/**
 * Answers the same for known and unknown addresses. Only the per-IP limit is ever visible; the
 * per-account limit silently sends nothing, so it cannot be used to learn which addresses exist.
 */
export async function requestPasswordReset(input: { email: string; ip: string }): Promise<RequestPasswordResetResult> {
  const db = await getDb();
  const ipKey = rateLimitKeys.resetIp(input.ip.slice(0, 64));
  if (await isRateLimited(ipKey, RESET_PER_IP, db)) return { ok: false, error: "errors.rateLimited" };
  await recordAttempt(ipKey, db);

  const email = normalizeEmail(input.email);
  if (!email) return { ok: true };
  const accountKey = rateLimitKeys.resetAccount(email);
  if (await isRateLimited(accountKey, RESET_PER_ACCOUNT, db)) return { ok: true };
  await recordAttempt(accountKey, db);

  const [contact] = await db
    .select({ id: contacts.id, clientId: contacts.clientId, email: contacts.email, firstName: contacts.firstName })
    .from(contacts)
    .where(and(eq(contacts.email, email), eq(contacts.hasAccess, true)))
    .limit(1);
  if (!contact) return { ok: true };

  const token = await db.transaction((tx) =>
    createAccountToken(tx, { contactId: contact.id, purpose: "password_reset", ttlMinutes: RESET_TOKEN_TTL_MINUTES, ip: input.ip }),
  );
  try {
    await sendEmail(
      "password-reset",
      { email: contact.email, name: contact.firstName, clientId: contact.clientId, contactId: contact.id },
      { name: contact.firstName, resetUrl: resetUrlFor(token), expiresInMinutes: RESET_TOKEN_TTL_MINUTES },
    );
  } catch (error) {
    // An error page here would tell the visitor that the address exists; the log tells the staff.
    console.error(`Password reset email for contact ${contact.id} could not be sent:`, error);
  }
  return { ok: true };
}

export async function inspectResetToken(token: string): Promise<InspectResetTokenResult> {
  const db = await getDb();
  const row = await findValidToken(db, token, "password_reset");
  if (!row) return { valid: false };
  const contact = await findResetContact(row.contactId);
  if (!contact) return { valid: false };
  return {
    valid: true,
    securityQuestion: contact.securityAnswerHash ? contact.securityQuestion : null,
    email: contact.email,
    name: `${contact.firstName} ${contact.lastName}`.trim(),
  };
}

export async function resetPassword(input: {
  token: string;
  password: string;
  passwordConfirmation: string;
  securityAnswer?: string | null;
  ip: string;
}): Promise<ResetPasswordResult> {
  const db = await getDb();
  const ip = input.ip.slice(0, 64);
  const ipKey = rateLimitKeys.resetSubmitIp(ip);
  if (await isRateLimited(ipKey, RESET_SUBMIT_PER_IP, db)) return { ok: false, error: "errors.rateLimited" };

  const token = await findValidToken(db, input.token, "password_reset");
  const contact = token ? await findResetContact(token.contactId) : null;
  if (!token || !contact) {
    await recordAttempt(ipKey, db);
    return { ok: false, error: "errors.resetTokenInvalid" };
  }

  // The same policy as "Cambiar contraseña": a reset must not be the way around it.
  const passwordErrors = await newPasswordFieldErrors(input, passwordContextOf(contact));
  if (passwordErrors) return { ok: false, error: "errors.checkFields", fieldErrors: passwordErrors };

  if (contact.securityAnswerHash) {
    const answerKey = rateLimitKeys.resetAnswerAccount(contact.id);
    if (await isRateLimited(answerKey, RESET_ANSWER_PER_ACCOUNT, db)) return { ok: false, error: "errors.rateLimited" };
    const answer = input.securityAnswer ?? "";
    if (!answer.trim()) {
      return { ok: false, error: "errors.checkFields", fieldErrors: { securityAnswer: "errors.securityAnswerRequired" } };
    }
    if (!(await verifySecurityAnswer(contact.securityAnswerHash, answer))) {
      await recordAttempt(ipKey, db);
      await recordAttempt(answerKey, db);
      return { ok: false, error: "errors.securityAnswerWrong", fieldErrors: { securityAnswer: "errors.securityAnswerWrong" } };
    }
  }

  // Hashing is slow: done before the transaction so no lock is held while it runs.
  const passwordHash = await hashPassword(input.password);
  const changed = await db.transaction(async (tx) => {
    // A second submit of the same link (double click, another tab) loses here and changes nothing.
    if (!(await consumeToken(tx, token.id))) return false;
    await tx
      .update(contacts)
      .set({ passwordHash, sessionVersion: sql`${contacts.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(contacts.id, contact.id), eq(contacts.clientId, contact.clientId)));
    await tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(userSessions.contactId, contact.id), isNull(userSessions.revokedAt)));
    // The owner proved control of the mailbox: a lock-out left by someone guessing the old password ends too.
    await clearAttempts(rateLimitKeys.loginAccount(contact.email), tx);
    await recordAudit(tx, { clientId: contact.clientId, contactId: contact.id, action: "password.reset", ip });
    return true;
  });
  if (!changed) return { ok: false, error: "errors.resetTokenInvalid" };

  try {
    await sendEmail(
      "password-changed",
      { email: contact.email, name: contact.firstName, clientId: contact.clientId, contactId: contact.id },
      { name: contact.firstName, when: new Date().toISOString(), ip },
    );
  } catch (error) {
    // The password is already changed; a failed notice must not make the customer think otherwise.
    console.error(`Password-changed notice for contact ${contact.id} could not be sent:`, error);
  }
  return { ok: true };
}
