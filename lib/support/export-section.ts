import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ticketAttachments, ticketDepartments, ticketReplies, tickets } from "@/db/schema";
import { groupBy, type ExportRequester } from "@/lib/export/export-section";

/** Every ticket with its conversation and the names (not the bytes) of its attachments. */
export async function exportTickets(executor: Executor, { scope: { clientId } }: ExportRequester) {
  const [ticketRows, replyRows, attachmentRows] = await Promise.all([
    executor
      .select({
        id: tickets.id,
        reference: tickets.reference,
        subject: tickets.subject,
        department: ticketDepartments.name,
        status: tickets.status,
        priority: tickets.priority,
        serviceId: tickets.serviceId,
        createdAt: tickets.createdAt,
        lastReplyAt: tickets.lastReplyAt,
      })
      .from(tickets)
      .leftJoin(ticketDepartments, eq(ticketDepartments.id, tickets.departmentId))
      .where(eq(tickets.clientId, clientId))
      .orderBy(asc(tickets.createdAt), asc(tickets.id)),
    executor
      .select({
        id: ticketReplies.id,
        ticketId: ticketReplies.ticketId,
        staffUserId: ticketReplies.staffUserId,
        authorName: ticketReplies.authorName,
        message: ticketReplies.message,
        createdAt: ticketReplies.createdAt,
      })
      .from(ticketReplies)
      .innerJoin(tickets, eq(tickets.id, ticketReplies.ticketId))
      .where(eq(tickets.clientId, clientId))
      .orderBy(asc(ticketReplies.ticketId), asc(ticketReplies.createdAt), asc(ticketReplies.id)),
    // The bytes stay out: names and sizes say what was sent without making the file huge.
    executor
      .select({
        ticketId: ticketAttachments.ticketId,
        replyId: ticketAttachments.replyId,
        fileName: ticketAttachments.originalName,
        mimeType: ticketAttachments.mimeType,
        sizeBytes: ticketAttachments.sizeBytes,
        createdAt: ticketAttachments.createdAt,
      })
      .from(ticketAttachments)
      .where(eq(ticketAttachments.clientId, clientId))
      .orderBy(asc(ticketAttachments.id)),
  ]);
  const repliesByTicket = groupBy(replyRows, (row) => row.ticketId);
  const attachmentsByTicket = groupBy(attachmentRows, (row) => row.ticketId);
  return {
    tickets: ticketRows.map((ticket) => {
      const attachments = attachmentsByTicket.get(ticket.id) ?? [];
      const attachmentsOf = (replyId: number | null) =>
        attachments.filter((attachment) => attachment.replyId === replyId).map(({ fileName, mimeType, sizeBytes, createdAt }) => ({ fileName, mimeType, sizeBytes, createdAt }));
      return {
        ...ticket,
        replies: (repliesByTicket.get(ticket.id) ?? []).map(({ id, staffUserId, authorName, message, createdAt }) => ({
          from: staffUserId !== null ? ("support" as const) : ("customer" as const),
          authorName,
          message,
          createdAt,
          attachments: attachmentsOf(id),
        })),
        attachments: attachmentsOf(null),
      };
    }),
  };
}
