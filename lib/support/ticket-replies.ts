import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { staffUsers, ticketDepartments, ticketReplies, tickets } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import type { ClientScope } from "@/lib/auth/scope";
import { isRowId } from "@/lib/row-id";
import { getSupportSettings } from "@/lib/settings/get-settings";
import { insertAttachments } from "./open-ticket";
import { checkAttachments, type Upload } from "./ticket-attachments";
import type { TicketAuthor } from "./ticket-author";
import { notifyTicketMessage } from "./ticket-emails";

const NOT_FOUND = { ok: false, error: "support.errors.ticketNotFound" } as const;

/**
 * The customer's reply: the message and its attachments in one transaction; the ticket becomes
 * "customer_reply" (a closed one is re-opened that way, as in WHMCS) and the department is told.
 */
export async function replyToTicket(user: TicketAuthor, ticketId: number, message: string, uploads: Upload[]): Promise<ActionResult> {
  const { clientId } = user.scope;
  if (!isRowId(ticketId)) return NOT_FOUND;
  const db = await getDb();
  const checked = await checkAttachments(uploads, await getSupportSettings(db));
  if (!checked.ok) return { ok: false, error: "errors.checkFields", fieldErrors: { attachments: checked.error } };

  const ticket = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(tickets)
      .set({ status: "customer_reply", lastReplyAt: sql`now()` })
      .where(and(eq(tickets.id, ticketId), eq(tickets.clientId, clientId)))
      .returning({ id: tickets.id, reference: tickets.reference, subject: tickets.subject, departmentId: tickets.departmentId, assignedStaffUserId: tickets.assignedStaffUserId });
    if (!row) return null;
    const [reply] = await tx
      .insert(ticketReplies)
      .values({ ticketId: row.id, contactId: user.contactId, authorName: user.name, message })
      .returning({ id: ticketReplies.id });
    await insertAttachments(tx, clientId, row.id, reply.id, checked.attachments);
    const [department] = await tx
      .select({ name: ticketDepartments.name, email: ticketDepartments.email })
      .from(ticketDepartments)
      .where(eq(ticketDepartments.id, row.departmentId))
      .limit(1);
    // A ticket someone at the company has taken is answered to that person, not to the whole department.
    const [assignee] = row.assignedStaffUserId
      ? await tx
          .select({ email: staffUsers.email })
          .from(staffUsers)
          .where(and(eq(staffUsers.id, row.assignedStaffUserId), isNull(staffUsers.disabledAt)))
          .limit(1)
      : [];
    return { ...row, department, assigneeEmail: assignee?.email ?? null };
  });
  if (!ticket) return NOT_FOUND;

  await notifyTicketMessage({
    kind: "replied",
    clientId,
    contactId: user.contactId,
    authorName: user.name,
    customer: null,
    departmentEmail: ticket.assigneeEmail ?? ticket.department?.email ?? null,
    departmentName: ticket.department?.name ?? "",
    ticketId: ticket.id,
    reference: ticket.reference,
    subject: ticket.subject,
    message,
  });
  return { ok: true, message: "support.reply.sent" };
}

/** "Cerrar ticket": a ticket of this client that is not closed yet; closing twice is harmless. */
export async function closeTicket(scope: ClientScope, ticketId: number): Promise<ActionResult> {
  const { clientId } = scope;
  if (!isRowId(ticketId)) return NOT_FOUND;
  const db = await getDb();
  const [row] = await db.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.id, ticketId), eq(tickets.clientId, clientId))).limit(1);
  if (!row) return NOT_FOUND;
  await db
    .update(tickets)
    .set({ status: "closed" })
    .where(and(eq(tickets.id, ticketId), eq(tickets.clientId, clientId), ne(tickets.status, "closed")));
  return { ok: true, message: "support.close.done" };
}
