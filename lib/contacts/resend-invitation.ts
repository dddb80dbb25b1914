import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { accountNameOf, issueInvitation, sendInvitationEmail } from "./invitation";

export type ResendInvitationResult = { ok: true } | { ok: false; error: string };

/** A new link for a sub-account that has not chosen its password yet (the first expired, or never arrived). Owner only. */
export async function resendInvitation(user: SessionUser, contactId: number, ip: string): Promise<ResendInvitationResult> {
  if (!user.isOwner) return { ok: false, error: "errors.forbidden" };
  if (!Number.isSafeInteger(contactId) || contactId <= 0) return { ok: false, error: "contacts.errors.notFound" };
  const db = await getDb();
  const issued = await db.transaction(async (tx): Promise<{ error: string } | { token: string; contact: { id: number; email: string; firstName: string }; accountName: string }> => {
    const [contact] = await tx
      .select({ id: contacts.id, email: contacts.email, firstName: contacts.firstName, hasAccess: contacts.hasAccess, passwordHash: contacts.passwordHash, isOwner: contacts.isOwner })
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.clientId, user.clientId)))
      .for("update");
    if (!contact) return { error: "contacts.errors.notFound" };
    if (contact.isOwner || !contact.hasAccess || contact.passwordHash !== null) return { error: "contacts.errors.noPendingInvitation" };
    const token = await issueInvitation(tx, contact.id, ip);
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "contact.invitation_sent", details: { contactId: contact.id, email: contact.email }, ip });
    return { token, contact, accountName: await accountNameOf(tx, user.clientId) };
  });
  if ("error" in issued) return { ok: false, error: issued.error };
  const sent = await sendInvitationEmail({
    token: issued.token,
    contact: { id: issued.contact.id, clientId: user.clientId, email: issued.contact.email, firstName: issued.contact.firstName },
    inviterName: user.name,
    accountName: issued.accountName,
  });
  return sent ? { ok: true } : { ok: false, error: "errors.emailSendFailed" };
}
