import { and, asc, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ticketAttachments, ticketDepartments, ticketReplies, tickets, type TicketStatus } from "@/db/schema";
import { isRowId } from "@/lib/row-id";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";
import type { ClientScope } from "@/lib/auth/scope";

export const TICKET_FILTERS = ["open", "closed", "all"] as const;
export type TicketFilter = (typeof TICKET_FILTERS)[number];

export type TicketListRow = {
  id: number;
  reference: string;
  subject: string;
  status: TicketStatus;
  departmentName: string;
  lastReplyAt: Date;
};

export type TicketAttachment = { id: number; originalName: string; sizeBytes: number };

export type TicketReply = {
  id: number;
  authorName: string;
  message: string;
  fromStaff: boolean;
  createdAt: Date;
  attachments: TicketAttachment[];
};

export type TicketDetail = {
  id: number;
  reference: string;
  subject: string;
  status: TicketStatus;
  priority: string;
  departmentName: string;
  createdAt: Date;
  lastReplyAt: Date;
  replies: TicketReply[];
};

const LATEST_ACTIVITY_FIRST: KeysetOrder = { key: tickets.lastReplyAt, id: tickets.id, type: "timestamp", order: "desc" };

/** The client's tickets, newest activity first; "open" means anything not closed, as in WHMCS. */
export async function listTickets(
  scope: ClientScope,
  options: { status: TicketFilter; cursor?: string | null; limit: number },
): Promise<Page<TicketListRow>> {
  const { clientId } = scope;
  const db = await getDb();
  const keyset = keysetPage(LATEST_ACTIVITY_FIRST, options.cursor, pageSize(options.limit));
  const statusCondition =
    options.status === "open" ? ne(tickets.status, "closed") : options.status === "closed" ? eq(tickets.status, "closed") : undefined;
  const fetched = await db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      subject: tickets.subject,
      status: tickets.status,
      departmentName: ticketDepartments.name,
      lastReplyAt: tickets.lastReplyAt,
      cursorKey: cursorKey(LATEST_ACTIVITY_FIRST),
    })
    .from(tickets)
    .innerJoin(ticketDepartments, eq(ticketDepartments.id, tickets.departmentId))
    .where(and(eq(tickets.clientId, clientId), statusCondition, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched);
}

/** One ticket of this client with its conversation, oldest message first; another client's ticket is null. */
export async function getTicket(scope: ClientScope, ticketId: number): Promise<TicketDetail | null> {
  const { clientId } = scope;
  if (!isRowId(ticketId)) return null;
  const db = await getDb();
  // Every query carries the client id, so they can run side by side without trusting each other.
  const [ticketRows, replyRows, attachmentRows] = await Promise.all([
    db
      .select({
        id: tickets.id,
        reference: tickets.reference,
        subject: tickets.subject,
        status: tickets.status,
        priority: tickets.priority,
        departmentName: ticketDepartments.name,
        createdAt: tickets.createdAt,
        lastReplyAt: tickets.lastReplyAt,
      })
      .from(tickets)
      .innerJoin(ticketDepartments, eq(ticketDepartments.id, tickets.departmentId))
      .where(and(eq(tickets.id, ticketId), eq(tickets.clientId, clientId)))
      .limit(1),
    db
      .select({
        id: ticketReplies.id,
        authorName: ticketReplies.authorName,
        message: ticketReplies.message,
        staffUserId: ticketReplies.staffUserId,
        createdAt: ticketReplies.createdAt,
      })
      .from(ticketReplies)
      .innerJoin(tickets, eq(tickets.id, ticketReplies.ticketId))
      .where(and(eq(ticketReplies.ticketId, ticketId), eq(tickets.clientId, clientId)))
      .orderBy(asc(ticketReplies.createdAt), asc(ticketReplies.id)),
    db
      .select({ id: ticketAttachments.id, replyId: ticketAttachments.replyId, originalName: ticketAttachments.originalName, sizeBytes: ticketAttachments.sizeBytes })
      .from(ticketAttachments)
      .where(and(eq(ticketAttachments.ticketId, ticketId), eq(ticketAttachments.clientId, clientId)))
      .orderBy(asc(ticketAttachments.id)),
  ]);
  const ticket = ticketRows[0];
  if (!ticket) return null;
  const attachmentsByReply = new Map<number | null, TicketAttachment[]>();
  for (const { replyId, ...attachment } of attachmentRows) attachmentsByReply.set(replyId, [...(attachmentsByReply.get(replyId) ?? []), attachment]);
  return {
    ...ticket,
    replies: replyRows.map(({ staffUserId, ...reply }) => ({ ...reply, fromStaff: staffUserId !== null, attachments: attachmentsByReply.get(reply.id) ?? [] })),
  };
}
