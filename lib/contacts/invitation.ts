import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Executor, type Transaction } from "@/db/client";
import { accountTokens, clients, contacts } from "@/db/schema";
import { newPasswordFieldErrors, passwordContextOf, passwordLinkContactColumns } from "@/lib/account/new-password";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { isRateLimited, recordAttempt, RESET_SUBMIT_PER_IP } from "@/lib/auth/rate-limit";
import { consumeToken, createAccountToken, findValidToken } from "@/lib/auth/tokens";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";

export const INVITATION_TTL_DAYS = 7;
const INVITATION_TTL_MINUTES = INVITATION_TTL_DAYS * 24 * 60;

// Same budget as the password-reset form: both turn a link into a password.
const submitKey = (ip: string) => `invitation-submit:ip:${ip}`;

export function invitationUrlFor(token: string): string {
  // Always the configured address: a Host header is chosen by whoever sends the request.
  return `${env.APP_BASE_URL.replace(/\/+$/, "")}/invitacion/${token}`;
}

/** A fresh single-use link; earlier unused invitations of this contact stop working, so only the newest email counts. */
export async function issueInvitation(tx: Transaction, contactId: number, ip: string | null): Promise<string> {
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.contactId, contactId), eq(accountTokens.purpose, "invitation"), isNull(accountTokens.usedAt)));
  return createAccountToken(tx, { contactId, purpose: "invitation", ttlMinutes: INVITATION_TTL_MINUTES, ip });
}

/** How the account is named to the invited person: the company, or the holder's name. */
export async function accountNameOf(executor: Executor, clientId: number): Promise<string> {
  const [client] = await executor
    .select({ companyName: clients.companyName, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(eq(clients.id, clientId))
    .limit(1);
  if (!client) return "";
  return client.companyName?.trim() || `${client.firstName} ${client.lastName}`.trim();
}

/** Sent after the transaction that created the token has committed; false when the provider refused it. */
export async function sendInvitationEmail(input: {
  token: string;
  contact: { id: number; clientId: number; email: string; firstName: string };
  inviterName: string;
  accountName: string;
}): Promise<boolean> {
  try {
    await sendEmail(
      "contact-invitation",
      { email: input.contact.email, name: input.contact.firstName, clientId: input.contact.clientId, contactId: input.contact.id },
      {
        name: input.contact.firstName,
        inviterName: input.inviterName,
        accountName: input.accountName,
        loginEmail: input.contact.email,
        invitationUrl: invitationUrlFor(input.token),
        expiresInDays: INVITATION_TTL_DAYS,
      },
    );
    return true;
  } catch (error) {
    // The access is saved either way; the owner sees that the email failed and can send it again.
    console.error(`Invitation email for contact ${input.contact.id} could not be sent:`, error);
    return false;
  }
}

async function invitedContact(executor: Executor, contactId: number) {
  const [contact] = await executor
    .select(passwordLinkContactColumns)
    .from(contacts)
    .where(eq(contacts.id, contactId))
    .limit(1);
  // Access removed since the email was sent: the link no longer opens anything.
  return contact?.hasAccess ? contact : null;
}

/** fullName lets the page's strength meter judge the password as the server will. */
export type InspectInvitationResult = { valid: false } | { valid: true; name: string; fullName: string; email: string; accountName: string };

/** What the invitation page shows before the password is chosen. */
export async function inspectInvitation(token: string): Promise<InspectInvitationResult> {
  const db = await getDb();
  const row = await findValidToken(db, token, "invitation");
  const contact = row ? await invitedContact(db, row.contactId) : null;
  if (!contact) return { valid: false };
  return {
    valid: true,
    name: contact.firstName,
    fullName: `${contact.firstName} ${contact.lastName}`.trim(),
    email: contact.email,
    accountName: await accountNameOf(db, contact.clientId),
  };
}

export type AcceptInvitationResult =
  | { ok: true; email: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * The invited person chooses a password; the link is spent in the same transaction that sets it, so
 * a second submit (another tab, a double click) changes nothing. They then sign in with their own email.
 */
export async function acceptInvitation(input: {
  token: string;
  password: string;
  passwordConfirmation: string;
  ip: string;
}): Promise<AcceptInvitationResult> {
  const db = await getDb();
  const ip = input.ip.slice(0, 64);
  const ipKey = submitKey(ip);
  if (await isRateLimited(ipKey, RESET_SUBMIT_PER_IP, db)) return { ok: false, error: "errors.rateLimited" };

  const token = await findValidToken(db, input.token, "invitation");
  const contact = token ? await invitedContact(db, token.contactId) : null;
  if (!token || !contact) {
    await recordAttempt(ipKey, db);
    return { ok: false, error: "contacts.errors.invitationInvalid" };
  }

  // The same policy as "Cambiar contraseña" and the reset link.
  const passwordErrors = await newPasswordFieldErrors(input, passwordContextOf(contact));
  if (passwordErrors) return { ok: false, error: "errors.checkFields", fieldErrors: passwordErrors };

  // Hashing is slow: done before the transaction so no lock is held while it runs.
  const passwordHash = await hashPassword(input.password);
  const accepted = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ hasAccess: contacts.hasAccess })
      .from(contacts)
      .where(and(eq(contacts.id, contact.id), eq(contacts.clientId, contact.clientId)))
      .for("update");
    if (!current?.hasAccess) return false;
    if (!(await consumeToken(tx, token.id))) return false;
    await tx
      .update(contacts)
      .set({ passwordHash, sessionVersion: sql`${contacts.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(contacts.id, contact.id), eq(contacts.clientId, contact.clientId)));
    await recordAudit(tx, { clientId: contact.clientId, contactId: contact.id, action: "invitation.accepted", details: { contactId: contact.id }, ip });
    return true;
  });
  if (!accepted) return { ok: false, error: "contacts.errors.invitationInvalid" };
  return { ok: true, email: contact.email };
}
