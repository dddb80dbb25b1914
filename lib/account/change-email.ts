import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { accountTokens, clients, contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import { isRateLimited, recordAttempt, type RateLimitRule } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session";
import { consumeToken, createAccountToken, findValidToken } from "@/lib/auth/tokens";
import { normalizeEmail } from "@/lib/auth/verify-credentials";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { toLocale } from "@/lib/i18n/locales";

export const EMAIL_CHANGE_TTL_MINUTES = 24 * 60;
/** Wrong passwords and links sent, together: the form must neither guess passwords nor mail strangers in bulk. */
export const EMAIL_CHANGE_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };
// argon2 on megabytes costs CPU; no real password is this long.
const PASSWORD_MAX_LENGTH = 1024;

export const emailChangeRateLimitKey = (contactId: number) => `email-change:account:${contactId}`;

/** What the form action reads; the values are checked by requestEmailChange. */
export const emailChangeFormSchema = z.object({
  newEmail: z.string().optional(),
  currentPassword: z.string().optional(),
});
export type EmailChangeInput = z.infer<typeof emailChangeFormSchema>;

export type RequestEmailChangeResult =
  | { ok: true; newEmail: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type InspectEmailChangeResult = { valid: false } | { valid: true; newEmail: string };

export type ConfirmEmailChangeResult =
  | { ok: true; newEmail: string }
  | { ok: false; error: "account.errors.emailChangeLinkInvalid" | "account.errors.emailTaken" };

export function emailChangeUrlFor(token: string): string {
  // Always the configured address: a Host header is chosen by whoever sends the request.
  return `${env.APP_BASE_URL.replace(/\/+$/, "")}/verificar-correo/${token}`;
}

const newEmailSchema = z
  .string()
  .max(254, "errors.emailInvalid")
  .pipe(z.email("errors.emailInvalid"));

async function emailInUse(executor: Executor, email: string, exceptContactId: number): Promise<boolean> {
  // The same set the unique index contacts_login_email_unique covers: contacts that can sign in.
  const [row] = await executor
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.email, email), eq(contacts.hasAccess, true), ne(contacts.id, exceptContactId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Step one of changing the owner's sign-in address: with the current password, a single-use link
 * (24 h) goes to the new address and a notice to the old one. Nothing about the account changes yet.
 */
export async function requestEmailChange(user: SessionUser, input: EmailChangeInput, ip: string): Promise<RequestEmailChangeResult> {
  // The sign-in address is the owner's; a sub-account changes its own on the contacts page.
  if (!user.isOwner) return { ok: false, error: "errors.forbidden" };

  const newEmail = normalizeEmail(input.newEmail ?? "");
  const password = input.currentPassword ?? "";
  const fieldErrors: Record<string, string> = {};
  if (!newEmail) fieldErrors.newEmail = "errors.required";
  else {
    const parsed = newEmailSchema.safeParse(newEmail);
    if (!parsed.success) fieldErrors.newEmail = "errors.emailInvalid";
  }
  if (!password) fieldErrors.currentPassword = "errors.required";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: "errors.checkFields", fieldErrors };

  const db = await getDb();
  const limitKey = emailChangeRateLimitKey(user.contactId);
  if (await isRateLimited(limitKey, EMAIL_CHANGE_PER_ACCOUNT, db)) return { ok: false, error: "errors.rateLimited" };

  const [owner] = await db
    .select({
      id: contacts.id,
      clientId: contacts.clientId,
      email: contacts.email,
      firstName: contacts.firstName,
      passwordHash: contacts.passwordHash,
      language: clients.language,
    })
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId), eq(contacts.isOwner, true), eq(contacts.hasAccess, true)))
    .limit(1);
  if (!owner) return { ok: false, error: "errors.signedOut" };

  const passwordOk = password.length <= PASSWORD_MAX_LENGTH && (await verifyPassword(owner.passwordHash, password));
  if (!passwordOk) {
    await recordAttempt(limitKey, db);
    return { ok: false, error: "errors.checkFields", fieldErrors: { currentPassword: "account.errors.currentPasswordWrong" } };
  }
  if (newEmail === owner.email) return { ok: false, error: "errors.checkFields", fieldErrors: { newEmail: "account.errors.emailUnchanged" } };
  if (await emailInUse(db, newEmail, owner.id)) {
    return { ok: false, error: "errors.checkFields", fieldErrors: { newEmail: "account.errors.emailTaken" } };
  }

  const token = await db.transaction(async (tx) => {
    // Only the newest request counts, so a mistyped address asked for earlier can no longer be confirmed.
    await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.contactId, owner.id), eq(accountTokens.purpose, "email_change"), isNull(accountTokens.usedAt)));
    await recordAttempt(limitKey, tx);
    return createAccountToken(tx, { contactId: owner.id, purpose: "email_change", ttlMinutes: EMAIL_CHANGE_TTL_MINUTES, ip, payload: { newEmail } });
  });

  const locale = toLocale(owner.language);
  try {
    // No client id on this row: the account's "sent emails" page would otherwise show the live link to
    // anyone with portal access, and the link must prove control of the new mailbox.
    await sendEmail(
      "email-change-verify",
      { email: newEmail, name: owner.firstName },
      { name: owner.firstName, verifyUrl: emailChangeUrlFor(token), expiresInHours: EMAIL_CHANGE_TTL_MINUTES / 60 },
      { locale },
    );
  } catch (error) {
    console.error(`Email change link for contact ${owner.id} could not be sent:`, error);
    await db
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.contactId, owner.id), eq(accountTokens.purpose, "email_change"), isNull(accountTokens.usedAt)));
    return { ok: false, error: "errors.emailSendFailed" };
  }
  try {
    await sendEmail(
      "email-change-notice",
      { email: owner.email, name: owner.firstName, clientId: owner.clientId, contactId: owner.id },
      { name: owner.firstName, newEmail, when: new Date().toISOString(), ip },
      { locale },
    );
  } catch (error) {
    // The link is on its way; a missing notice must not make the customer ask again.
    console.error(`Email change notice for contact ${owner.id} could not be sent:`, error);
  }
  return { ok: true, newEmail };
}

async function pendingChange(token: string) {
  const db = await getDb();
  const row = await findValidToken(db, token, "email_change");
  const newEmail = row?.payload?.newEmail;
  if (!row || !newEmail) return null;
  const [owner] = await db
    .select({ id: contacts.id, clientId: contacts.clientId, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.id, row.contactId), eq(contacts.isOwner, true), eq(contacts.hasAccess, true)))
    .limit(1);
  return owner ? { tokenId: row.id, newEmail, owner } : null;
}

/** For the page the link opens: which address it would confirm, if it still works. */
export async function inspectEmailChangeToken(token: string): Promise<InspectEmailChangeResult> {
  const pending = await pendingChange(token);
  return pending ? { valid: true, newEmail: pending.newEmail } : { valid: false };
}

function isUniqueViolation(error: unknown): boolean {
  // postgres.js and PGlite both report SQLSTATE 23505; Drizzle may wrap the driver's error.
  for (let current: unknown = error; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * Step two: the link was followed. Works signed in or out, since the token itself proves control of
 * the new mailbox. The address, the spent token and the audit row are written together.
 */
export async function confirmEmailChange(token: string, ip: string): Promise<ConfirmEmailChangeResult> {
  const pending = await pendingChange(token);
  if (!pending) return { ok: false, error: "account.errors.emailChangeLinkInvalid" };
  const { owner, newEmail } = pending;
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<ConfirmEmailChangeResult> => {
      // Taken since the request: the link can never work, so it is spent along with the refusal.
      if (await emailInUse(tx, newEmail, owner.id)) {
        await consumeToken(tx, pending.tokenId);
        return { ok: false, error: "account.errors.emailTaken" };
      }
      if (!(await consumeToken(tx, pending.tokenId))) return { ok: false, error: "account.errors.emailChangeLinkInvalid" };
      await tx
        .update(contacts)
        .set({ email: newEmail, updatedAt: sql`now()` })
        .where(and(eq(contacts.id, owner.id), eq(contacts.clientId, owner.clientId)));
      await tx
        .update(accountTokens)
        .set({ usedAt: sql`now()` })
        .where(and(eq(accountTokens.contactId, owner.id), eq(accountTokens.purpose, "email_change"), isNull(accountTokens.usedAt)));
      await recordAudit(tx, {
        clientId: owner.clientId,
        contactId: owner.id,
        action: "email.changed",
        details: { from: owner.email, to: newEmail },
        ip,
      });
      return { ok: true, newEmail };
    });
  } catch (error) {
    // Another account took the address between the check and the update (contacts_login_email_unique).
    if (isUniqueViolation(error)) return { ok: false, error: "account.errors.emailTaken" };
    throw error;
  }
}
