import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountTokens, clients, contacts, ticketReplies, tickets, totpBackupCodes, userSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

export type DeleteContactResult = { ok: true } | { ok: false; error: string };

/**
 * Removes a contact of the session's client for good, in one transaction: it stops being the default
 * billing contact, its sessions and links go, and the tickets and replies it wrote stay with the
 * account (the reference to it is cleared; a reply keeps its author's name). The owner cannot be
 * deleted, nobody deletes themselves, and a contact with access is the owner's to remove.
 */
export async function deleteContact(user: SessionUser, contactId: number, ip: string): Promise<DeleteContactResult> {
  if (!hasPermission(user, "contacts")) return { ok: false, error: "errors.forbidden" };
  if (!Number.isSafeInteger(contactId) || contactId <= 0) return { ok: false, error: "contacts.errors.notFound" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<DeleteContactResult> => {
    // The client row first, as "Mis datos" does when it picks the default billing contact: a choice
    // racing with this delete then either sees the contact gone or is cleared here.
    const [client] = await tx
      .select({ defaultBillingContactId: clients.defaultBillingContactId })
      .from(clients)
      .where(eq(clients.id, user.clientId))
      .for("update");
    if (!client) return { ok: false, error: "errors.signedOut" };
    const [contact] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.clientId, user.clientId)))
      .for("update");
    if (!contact) return { ok: false, error: "contacts.errors.notFound" };
    if (contact.isOwner) return { ok: false, error: "contacts.errors.ownerNotDeletable" };
    if (contact.id === user.contactId) return { ok: false, error: "contacts.errors.cannotDeleteSelf" };
    if (contact.hasAccess && !user.isOwner) return { ok: false, error: "contacts.errors.ownerOnlyAccess" };

    const wasDefaultBilling = client.defaultBillingContactId === contact.id;
    if (wasDefaultBilling) {
      await tx.update(clients).set({ defaultBillingContactId: null, updatedAt: new Date() }).where(eq(clients.id, user.clientId));
    }
    await tx.update(tickets).set({ contactId: null }).where(and(eq(tickets.clientId, user.clientId), eq(tickets.contactId, contact.id)));
    // The contact is this client's (checked above), so every reply naming it is on this client's tickets.
    await tx.update(ticketReplies).set({ contactId: null }).where(eq(ticketReplies.contactId, contact.id));
    await tx.delete(userSessions).where(eq(userSessions.contactId, contact.id));
    await tx.delete(accountTokens).where(eq(accountTokens.contactId, contact.id));
    await tx.delete(totpBackupCodes).where(eq(totpBackupCodes.contactId, contact.id));
    await tx.delete(contacts).where(and(eq(contacts.id, contact.id), eq(contacts.clientId, user.clientId)));
    await recordAudit(tx, {
      clientId: user.clientId,
      contactId: user.contactId,
      action: "contact.deleted",
      details: { contactId: contact.id, name: `${contact.firstName} ${contact.lastName}`, email: contact.email, hadAccess: contact.hasAccess, wasDefaultBilling },
      ip,
    });
    return { ok: true };
  });
}
