import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, clients, contacts, passkeys, sentEmails } from "@/db/schema";
import { groupBy, omit, type ExportRequester } from "@/lib/export/export-section";
import { profileColumns } from "./client-columns";
import { readableBy } from "./sent-emails";

/** The account itself: the client's profile and its contacts (never a secret, only whether one is set). */
export async function exportProfile(executor: Executor, { scope: { clientId } }: ExportRequester) {
  const [profileRows, contactRows, passkeyRows] = await Promise.all([
    executor
      .select({
        ...profileColumns,
        currency: clients.currency,
        createdAt: clients.createdAt,
        updatedAt: clients.updatedAt,
      })
      .from(clients)
      .where(eq(clients.id, clientId))
      .limit(1),
    // Never the password hash, the security answer's hash or the TOTP secret: only whether they are set.
    executor
      .select({
        id: contacts.id,
        isOwner: contacts.isOwner,
        hasAccess: contacts.hasAccess,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        companyName: contacts.companyName,
        email: contacts.email,
        phone: contacts.phone,
        address1: contacts.address1,
        city: contacts.city,
        province: contacts.province,
        postcode: contacts.postcode,
        country: contacts.country,
        permissions: contacts.permissions,
        emailPreferences: contacts.emailPreferences,
        securityQuestion: contacts.securityQuestion,
        totpEnabledAt: contacts.totpEnabledAt,
        lastLoginAt: contacts.lastLoginAt,
        createdAt: contacts.createdAt,
        updatedAt: contacts.updatedAt,
      })
      .from(contacts)
      .where(eq(contacts.clientId, clientId))
      .orderBy(asc(contacts.id)),
    // A passkey by its name and dates: its credential id and public key say nothing to a person.
    executor
      .select({ contactId: passkeys.contactId, deviceName: passkeys.deviceName, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.clientId, clientId))
      .orderBy(asc(passkeys.id)),
  ]);
  const [profile] = profileRows;
  const passkeysByContact = groupBy(passkeyRows, (row) => row.contactId);
  return {
    profile: profile ?? null,
    contacts: contactRows.map(({ securityQuestion, totpEnabledAt, ...contact }) => ({
      ...contact,
      securityQuestionSet: securityQuestion !== null,
      twoFactorEnabledAt: totpEnabledAt,
      passkeys: (passkeysByContact.get(contact.id) ?? []).map((passkey) => omit(passkey, "contactId")),
    })),
  };
}

/** What happened on the account: the emails the requester may read and the activity log. */
export async function exportRecords(executor: Executor, requester: ExportRequester) {
  const { clientId } = requester.scope;
  const [emailRows, activityRows] = await Promise.all([
    // The same rule as "Correos electrónicos enviados": another person's single-use links stay theirs.
    executor
      .select({ createdAt: sentEmails.createdAt, to: sentEmails.toAddress, subject: sentEmails.subject, text: sentEmails.text })
      .from(sentEmails)
      .where(readableBy(requester))
      .orderBy(asc(sentEmails.createdAt), asc(sentEmails.id)),
    executor
      .select({
        createdAt: auditLog.createdAt,
        action: auditLog.action,
        contactId: auditLog.contactId,
        staffUserId: auditLog.staffUserId,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        details: auditLog.details,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(contacts, and(eq(contacts.id, auditLog.contactId), eq(contacts.clientId, auditLog.clientId)))
      .where(eq(auditLog.clientId, clientId))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
  ]);
  return {
    sentEmails: emailRows,
    activity: activityRows.map(({ contactId, staffUserId, firstName, lastName, ...entry }) => ({
      ...entry,
      by:
        contactId !== null
          ? { kind: "contact" as const, contactId, name: firstName !== null ? `${firstName} ${lastName ?? ""}`.trim() : null }
          : staffUserId !== null
            ? { kind: "support" as const }
            : { kind: "system" as const },
    })),
  };
}
