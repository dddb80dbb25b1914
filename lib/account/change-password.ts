import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accountTokens, contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearAttempts, isRateLimited, recordAttempt, type RateLimitRule } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session";
import { sendEmail } from "@/lib/email/send-email";
import { checkNewPassword, passwordContextOf } from "./new-password";
import { revokeOtherSessionsIn } from "./sessions";

/** Wrong current passwords per person: a session left open on a shared computer must not become a way to guess it. */
export const CHANGE_PASSWORD_PER_CONTACT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
export const changePasswordRateLimitKey = (contactId: number) => `change-password:contact:${contactId}`;

// argon2 over megabytes of "current password" would cost CPU for nothing; no password of ours is longer.
const CURRENT_PASSWORD_MAX_LENGTH = 1024;

/** What the form action reads; the values are checked by changePassword. */
export const changePasswordFormSchema = z.object({
  currentPassword: z.string().optional(),
  newPassword: z.string().optional(),
  confirmPassword: z.string().optional(),
});

export type ChangePasswordInput = z.infer<typeof changePasswordFormSchema>;

export type ChangePasswordResult =
  | { ok: true; endedSessions: number }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * "Cambiar contraseña" (walkthrough §3.2) for the signed-in person's own password.
 *
 * Every other browser of this person is signed out by revoking its user_sessions row, which
 * loadSessionContact refuses on that browser's next request. The session version is deliberately NOT
 * bumped: the jwt callback compares it with the token, so bumping it would also sign out the browser
 * that made the change, which has no way here to receive a token with the new version.
 */
export async function changePassword(user: SessionUser, input: ChangePasswordInput, ip: string | null): Promise<ChangePasswordResult> {
  const db = await getDb();
  const limitKey = changePasswordRateLimitKey(user.contactId);
  if (await isRateLimited(limitKey, CHANGE_PASSWORD_PER_CONTACT, db)) return { ok: false, error: "errors.rateLimited" };

  const [contact] = await db
    .select({ id: contacts.id, email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName, passwordHash: contacts.passwordHash })
    .from(contacts)
    .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId), eq(contacts.hasAccess, true)))
    .limit(1);
  if (!contact) return { ok: false, error: "errors.signedOut" };

  const currentPassword = input.currentPassword ?? "";
  const newPassword = input.newPassword ?? "";
  const confirmPassword = input.confirmPassword ?? "";
  const fieldErrors: Record<string, string> = {};

  // All three fields are judged on every submit, so the form shows every problem at once.
  const newPasswordErrors = await checkNewPassword(newPassword, confirmPassword, passwordContextOf(contact));
  if (newPasswordErrors.password) fieldErrors.newPassword = newPasswordErrors.password;
  if (newPasswordErrors.confirmation) fieldErrors.confirmPassword = newPasswordErrors.confirmation;

  if (!currentPassword) {
    fieldErrors.currentPassword = "errors.required";
  } else if (currentPassword.length > CURRENT_PASSWORD_MAX_LENGTH || !(await verifyPassword(contact.passwordHash, currentPassword))) {
    await recordAttempt(limitKey, db);
    fieldErrors.currentPassword = "security.errors.currentPasswordWrong";
  } else if (newPassword === currentPassword && !fieldErrors.newPassword) {
    fieldErrors.newPassword = "security.errors.passwordUnchanged";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: "errors.checkFields", fieldErrors };

  // Hashing is slow: done before the transaction so no lock is held while it runs.
  const passwordHash = await hashPassword(newPassword);
  const endedSessions = await db.transaction(async (tx) => {
    // Only over the hash that was just verified: a change made meanwhile (another tab, a reset) wins.
    const updated = await tx
      .update(contacts)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(contacts.id, contact.id), eq(contacts.clientId, user.clientId), eq(contacts.passwordHash, contact.passwordHash!)))
      .returning({ id: contacts.id });
    if (updated.length === 0) return null;
    const ended = await revokeOtherSessionsIn(tx, user);
    // A reset link requested before the change would otherwise still override the new password.
    await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.contactId, contact.id), eq(accountTokens.purpose, "password_reset"), isNull(accountTokens.usedAt)));
    await clearAttempts(limitKey, tx);
    await recordAudit(tx, { clientId: user.clientId, contactId: contact.id, action: "password.changed", details: { endedSessions: ended }, ip });
    return ended;
  });
  if (endedSessions === null) {
    return { ok: false, error: "errors.checkFields", fieldErrors: { currentPassword: "security.errors.currentPasswordWrong" } };
  }

  try {
    await sendEmail(
      "password-changed",
      { email: contact.email, name: contact.firstName, clientId: user.clientId, contactId: contact.id },
      { name: contact.firstName, when: new Date().toISOString(), ip },
    );
  } catch (error) {
    // The password is already changed; a failed notice must not make the person think otherwise.
    console.error(`Password-changed notice for contact ${contact.id} could not be sent:`, error);
  }
  return { ok: true, endedSessions };
}
