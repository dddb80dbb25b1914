import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import {
  cannedReplies,
  contacts,
  staffUsers,
  ticketAttachments,
  ticketDepartments,
  ticketNotes,
  ticketReplies,
  tickets,
  type TicketStatus,
} from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendEmail } from "@/lib/email/send-email";
import { isRowId } from "@/lib/row-id";
import { getSupportSettings } from "@/lib/settings/get-settings";
import { insertAttachments } from "@/lib/support/open-ticket";
import { checkAttachments, type Upload } from "@/lib/support/ticket-attachments";
import { ticketUrl } from "@/lib/support/ticket-emails";
import type { TicketPriority } from "@/lib/support/ticket-priorities";
import type { StaffUser } from "./staff-session";

// Staff writes on tickets. Each one records who did it in the audit log in the same transaction:
// with the client's id when the customer may see it on Actividad ("personal de soporte"), without
// it (the client in details) for what stays inside the company: internal notes, assignment.

const NOT_FOUND = { ok: false, error: "admin.errors.ticketNotFound" } as const;
const MESSAGE_IN_EMAIL = 4000;

type Actor = Pick<StaffUser, "staffUserId" | "name">;
type Context = { ip: string | null };

async function lockTicket(tx: Transaction, ticketId: number) {
  const [row] = await tx
    .select({
      id: tickets.id,
      clientId: tickets.clientId,
      contactId: tickets.contactId,
      reference: tickets.reference,
      subject: tickets.subject,
      status: tickets.status,
      priority: tickets.priority,
      departmentId: tickets.departmentId,
      assignedStaffUserId: tickets.assignedStaffUserId,
      mergedIntoTicketId: tickets.mergedIntoTicketId,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .for("update")
    .limit(1);
  return row ?? null;
}

/**
 * The customer receives the staff reply by email: the contact who opened the ticket, or the account
 * owner. Sent after the commit; a failed send is logged and never undoes the reply the customer
 * already sees in the portal.
 */
async function emailCustomer(ticket: { id: number; clientId: number; contactId: number | null; reference: string; subject: string }, staffName: string, message: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, email: contacts.email, isOwner: contacts.isOwner })
    .from(contacts)
    .where(and(eq(contacts.clientId, ticket.clientId), ticket.contactId ? sql`(${contacts.id} = ${ticket.contactId} or ${contacts.isOwner})` : eq(contacts.isOwner, true)));
  const recipient = rows.find((row) => row.id === ticket.contactId) ?? rows.find((row) => row.isOwner);
  if (!recipient) return;
  const name = `${recipient.firstName} ${recipient.lastName}`.trim();
  try {
    await sendEmail(
      "ticket-staff-reply",
      { email: recipient.email, name, clientId: ticket.clientId, contactId: recipient.id },
      {
        name,
        staffName,
        reference: ticket.reference,
        subject: ticket.subject,
        message: message.length > MESSAGE_IN_EMAIL ? `${message.slice(0, MESSAGE_IN_EMAIL)}…` : message,
        ticketUrl: ticketUrl(ticket.id),
      },
    );
  } catch (error) {
    console.error(`[ticket-email] staff reply on ticket ${ticket.id} failed:`, error);
  }
}

/** A reply the customer sees (with attachments checked exactly as the customer's), the status it leaves, and the email. */
export async function staffReplyToTicket(
  staff: Actor,
  input: { ticketId: number; message: string; statusAfter: TicketStatus },
  uploads: Upload[],
  context: Context,
): Promise<ActionResult> {
  if (!isRowId(input.ticketId)) return NOT_FOUND;
  const db = await getDb();
  const checked = await checkAttachments(uploads, await getSupportSettings(db));
  if (!checked.ok) return { ok: false, error: "errors.checkFields", fieldErrors: { attachments: checked.error } };
  const ticket = await db.transaction(async (tx) => {
    const row = await lockTicket(tx, input.ticketId);
    if (!row) return null;
    await tx.update(tickets).set({ status: input.statusAfter, lastReplyAt: sql`now()` }).where(eq(tickets.id, row.id));
    const [reply] = await tx
      .insert(ticketReplies)
      .values({ ticketId: row.id, staffUserId: staff.staffUserId, authorName: staff.name, message: input.message })
      .returning({ id: ticketReplies.id });
    await insertAttachments(tx, row.clientId, row.id, reply!.id, checked.attachments);
    await recordAudit(tx, {
      clientId: row.clientId,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.ticket_replied",
      details: { reference: row.reference, ticketId: row.id, status: input.statusAfter, attachments: checked.attachments.length },
      ip: context.ip,
    });
    return row;
  });
  if (!ticket) return NOT_FOUND;
  await emailCustomer(ticket, staff.name, input.message);
  return { ok: true, message: "admin.ticket.reply.sent" };
}

/** An internal note: its own table, never selected by a customer's query, never emailed. */
export async function addTicketNote(staff: Actor, input: { ticketId: number; message: string }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.ticketId)) return NOT_FOUND;
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    const row = await lockTicket(tx, input.ticketId);
    if (!row) return false;
    await tx.insert(ticketNotes).values({ ticketId: row.id, staffUserId: staff.staffUserId, message: input.message });
    await recordAudit(tx, {
      clientId: null,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.ticket_note_added",
      details: { clientId: row.clientId, ticketId: row.id, reference: row.reference },
      ip: context.ip,
    });
    return true;
  });
  return done ? { ok: true, message: "admin.ticket.note.saved" } : NOT_FOUND;
}

export type TicketPropertiesInput = {
  ticketId: number;
  status: TicketStatus;
  priority: TicketPriority;
  departmentId: number;
  assignedStaffUserId: number | null;
};

/** Status, priority, department and assignee in one save; only what changed is written to the audit log. */
export async function updateTicketProperties(staff: Actor, input: TicketPropertiesInput, context: Context): Promise<ActionResult> {
  if (!isRowId(input.ticketId)) return NOT_FOUND;
  const db = await getDb();
  const [department] = await db.select({ id: ticketDepartments.id, name: ticketDepartments.name }).from(ticketDepartments).where(eq(ticketDepartments.id, input.departmentId)).limit(1);
  if (!department) return { ok: false, error: "errors.checkFields", fieldErrors: { departmentId: "admin.errors.departmentNotFound" } };
  if (input.assignedStaffUserId !== null) {
    const [assignee] = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.id, input.assignedStaffUserId), isNull(staffUsers.disabledAt)))
      .limit(1);
    if (!assignee) return { ok: false, error: "errors.checkFields", fieldErrors: { assignedStaffUserId: "admin.errors.staffNotFound" } };
  }
  const done = await db.transaction(async (tx) => {
    const row = await lockTicket(tx, input.ticketId);
    if (!row) return false;
    await tx
      .update(tickets)
      .set({ status: input.status, priority: input.priority, departmentId: department.id, assignedStaffUserId: input.assignedStaffUserId })
      .where(eq(tickets.id, row.id));
    const changed: Record<string, string> = {};
    if (row.status !== input.status) changed.status = input.status;
    if (row.priority !== input.priority) changed.priority = input.priority;
    if (row.departmentId !== department.id) changed.department = department.name;
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, {
        clientId: row.clientId,
        contactId: null,
        staffUserId: staff.staffUserId,
        action: "staff.ticket_updated",
        details: { reference: row.reference, ticketId: row.id, ...changed },
        ip: context.ip,
      });
    }
    if (row.assignedStaffUserId !== input.assignedStaffUserId) {
      await recordAudit(tx, {
        clientId: null,
        contactId: null,
        staffUserId: staff.staffUserId,
        action: "staff.ticket_assigned",
        details: { clientId: row.clientId, ticketId: row.id, reference: row.reference, from: row.assignedStaffUserId, to: input.assignedStaffUserId },
        ip: context.ip,
      });
    }
    return true;
  });
  return done ? { ok: true, message: "admin.ticket.properties.saved" } : NOT_FOUND;
}

/**
 * Merge: the source ticket's messages, notes and attachments move to the target (same client only),
 * and the source is closed pointing at it. Both rows are locked in id order, so two opposite merges
 * cannot deadlock or swallow each other.
 */
export async function mergeTickets(staff: Actor, input: { ticketId: number; targetReference: string }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.ticketId)) return NOT_FOUND;
  const db = await getDb();
  const [target] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, input.targetReference)).limit(1);
  const refuse = (key: string): ActionResult => ({ ok: false, error: "errors.checkFields", fieldErrors: { targetReference: key } });
  if (!target) return refuse("admin.errors.mergeNotFound");
  if (target.id === input.ticketId) return refuse("admin.errors.mergeSame");
  return db.transaction(async (tx) => {
    const locked = await tx
      .select({ id: tickets.id, clientId: tickets.clientId, reference: tickets.reference, mergedIntoTicketId: tickets.mergedIntoTicketId })
      .from(tickets)
      .where(inArray(tickets.id, [input.ticketId, target.id]))
      .orderBy(tickets.id)
      .for("update");
    const source = locked.find((row) => row.id === input.ticketId);
    const into = locked.find((row) => row.id === target.id);
    if (!source || source.mergedIntoTicketId !== null) return NOT_FOUND;
    if (!into || into.mergedIntoTicketId !== null) return refuse("admin.errors.mergeNotFound");
    if (into.clientId !== source.clientId) return refuse("admin.errors.mergeOtherClient");
    await tx.update(ticketReplies).set({ ticketId: into.id }).where(eq(ticketReplies.ticketId, source.id));
    await tx.update(ticketAttachments).set({ ticketId: into.id }).where(eq(ticketAttachments.ticketId, source.id));
    await tx.update(ticketNotes).set({ ticketId: into.id }).where(eq(ticketNotes.ticketId, source.id));
    await tx.update(tickets).set({ status: "closed", mergedIntoTicketId: into.id }).where(eq(tickets.id, source.id));
    await tx
      .update(tickets)
      .set({ lastReplyAt: sql`greatest(${tickets.lastReplyAt}, (select max(${ticketReplies.createdAt}) from ${ticketReplies} where ${ticketReplies.ticketId} = ${into.id}))` })
      .where(and(eq(tickets.id, into.id), ne(tickets.status, "closed")));
    await recordAudit(tx, {
      clientId: source.clientId,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.ticket_merged",
      details: { reference: source.reference, into: into.reference, ticketId: source.id },
      ip: context.ip,
    });
    return { ok: true, message: "admin.ticket.merge.done" } as const;
  });
}

export async function saveCannedReply(staff: Actor, input: { title: string; body: string }, context: Context): Promise<ActionResult> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(cannedReplies).values(input).returning({ id: cannedReplies.id });
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.canned_reply_saved", details: { cannedReplyId: row!.id, title: input.title }, ip: context.ip });
  });
  return { ok: true, message: "admin.canned.saved" };
}

export async function deleteCannedReply(staff: Actor, input: { id: number }, context: Context): Promise<ActionResult> {
  const db = await getDb();
  const deleted = await db.transaction(async (tx) => {
    const rows = await tx.delete(cannedReplies).where(eq(cannedReplies.id, input.id)).returning({ id: cannedReplies.id, title: cannedReplies.title });
    if (rows.length === 0) return false;
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.canned_reply_deleted", details: { cannedReplyId: rows[0]!.id, title: rows[0]!.title }, ip: context.ip });
    return true;
  });
  return deleted ? { ok: true, message: "admin.canned.deleted" } : { ok: false, error: "admin.errors.cannedNotFound" };
}
