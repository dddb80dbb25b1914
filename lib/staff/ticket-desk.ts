import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  cannedReplies,
  clients,
  contacts,
  staffUsers,
  ticketAttachments,
  ticketDepartments,
  ticketNotes,
  ticketReplies,
  tickets,
  TICKET_STATUSES,
  type TicketStatus,
} from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";
import { isRowId } from "@/lib/row-id";

// The staff desk reads across clients: every function takes a StaffScope (only a staff session
// makes one), never a ClientScope, and nothing here is reachable from the customer's pages.

export const DESK_STATUS_FILTERS = ["active", "all", ...TICKET_STATUSES] as const;
export type DeskStatusFilter = (typeof DESK_STATUS_FILTERS)[number];

export function toDeskStatusFilter(value: string | undefined): DeskStatusFilter {
  return (DESK_STATUS_FILTERS as readonly string[]).includes(value ?? "") ? (value as DeskStatusFilter) : "active";
}

export type DeskTicketRow = {
  id: number;
  reference: string;
  subject: string;
  status: TicketStatus;
  priority: string;
  departmentName: string;
  clientId: number;
  clientName: string;
  assignedName: string | null;
  lastReplyAt: Date;
};

const LATEST_FIRST: KeysetOrder = { key: tickets.lastReplyAt, id: tickets.id, type: "timestamp", order: "desc" };
const assignee = alias(staffUsers, "assignee");

export function clientDisplayName(client: { firstName: string; lastName: string; companyName: string | null }): string {
  const person = `${client.firstName} ${client.lastName}`.trim();
  return client.companyName ? `${client.companyName} (${person})` : person;
}

/** The queue: one statement per page, filtered by department, status and assignee, latest activity first. */
export async function listDeskTickets(
  _scope: StaffScope,
  options: { departmentId?: number | null; status: DeskStatusFilter; assignedTo?: number | null; cursor?: string | null; limit?: number },
): Promise<Page<DeskTicketRow>> {
  const db = await getDb();
  const keyset = keysetPage(LATEST_FIRST, options.cursor, pageSize(options.limit, 25));
  const statusCondition = options.status === "all" ? undefined : options.status === "active" ? ne(tickets.status, "closed") : eq(tickets.status, options.status);
  const fetched = await db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      subject: tickets.subject,
      status: tickets.status,
      priority: tickets.priority,
      departmentName: ticketDepartments.name,
      clientId: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      companyName: clients.companyName,
      assignedName: assignee.name,
      lastReplyAt: tickets.lastReplyAt,
      cursorKey: cursorKey(LATEST_FIRST),
    })
    .from(tickets)
    .innerJoin(ticketDepartments, eq(ticketDepartments.id, tickets.departmentId))
    .innerJoin(clients, eq(clients.id, tickets.clientId))
    .leftJoin(assignee, eq(assignee.id, tickets.assignedStaffUserId))
    .where(
      and(
        statusCondition,
        options.departmentId ? eq(tickets.departmentId, options.departmentId) : undefined,
        options.assignedTo ? eq(tickets.assignedStaffUserId, options.assignedTo) : undefined,
        keyset.where,
      ),
    )
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, ({ firstName, lastName, companyName, ...row }) => ({ ...row, clientName: clientDisplayName({ firstName, lastName, companyName }) }));
}

export type DeskAttachment = { id: number; originalName: string; sizeBytes: number };

/** One entry of the conversation: a message the customer also sees, or an internal note only staff see. */
export type DeskEntry =
  | { kind: "reply"; id: number; authorName: string; fromStaff: boolean; message: string; createdAt: Date; attachments: DeskAttachment[] }
  | { kind: "note"; id: number; authorName: string; message: string; createdAt: Date };

export type DeskTicket = {
  id: number;
  reference: string;
  subject: string;
  status: TicketStatus;
  priority: string;
  departmentId: number;
  departmentName: string;
  assignedStaffUserId: number | null;
  mergedIntoReference: string | null;
  clientId: number;
  clientName: string;
  contactName: string | null;
  contactEmail: string | null;
  createdAt: Date;
  lastReplyAt: Date;
  entries: DeskEntry[];
};

const mergedInto = alias(tickets, "merged_into");

/** A ticket with its messages and notes in time order, in four statements whatever its length. */
export async function getDeskTicket(_scope: StaffScope, ticketId: number): Promise<DeskTicket | null> {
  if (!isRowId(ticketId)) return null;
  const db = await getDb();
  const [ticketRows, replyRows, noteRows, attachmentRows] = await Promise.all([
    db
      .select({
        id: tickets.id,
        reference: tickets.reference,
        subject: tickets.subject,
        status: tickets.status,
        priority: tickets.priority,
        departmentId: tickets.departmentId,
        departmentName: ticketDepartments.name,
        assignedStaffUserId: tickets.assignedStaffUserId,
        mergedIntoReference: mergedInto.reference,
        clientId: clients.id,
        firstName: clients.firstName,
        lastName: clients.lastName,
        companyName: clients.companyName,
        contactFirstName: contacts.firstName,
        contactLastName: contacts.lastName,
        contactEmail: contacts.email,
        createdAt: tickets.createdAt,
        lastReplyAt: tickets.lastReplyAt,
      })
      .from(tickets)
      .innerJoin(ticketDepartments, eq(ticketDepartments.id, tickets.departmentId))
      .innerJoin(clients, eq(clients.id, tickets.clientId))
      .leftJoin(contacts, and(eq(contacts.id, tickets.contactId), eq(contacts.clientId, tickets.clientId)))
      .leftJoin(mergedInto, eq(mergedInto.id, tickets.mergedIntoTicketId))
      .where(eq(tickets.id, ticketId))
      .limit(1),
    db
      .select({ id: ticketReplies.id, authorName: ticketReplies.authorName, message: ticketReplies.message, staffUserId: ticketReplies.staffUserId, createdAt: ticketReplies.createdAt })
      .from(ticketReplies)
      .where(eq(ticketReplies.ticketId, ticketId))
      .orderBy(asc(ticketReplies.createdAt), asc(ticketReplies.id)),
    db
      .select({ id: ticketNotes.id, authorName: staffUsers.name, message: ticketNotes.message, createdAt: ticketNotes.createdAt })
      .from(ticketNotes)
      .innerJoin(staffUsers, eq(staffUsers.id, ticketNotes.staffUserId))
      .where(eq(ticketNotes.ticketId, ticketId))
      .orderBy(asc(ticketNotes.createdAt), asc(ticketNotes.id)),
    db
      .select({ id: ticketAttachments.id, replyId: ticketAttachments.replyId, originalName: ticketAttachments.originalName, sizeBytes: ticketAttachments.sizeBytes })
      .from(ticketAttachments)
      .where(eq(ticketAttachments.ticketId, ticketId))
      .orderBy(asc(ticketAttachments.id)),
  ]);
  const row = ticketRows[0];
  if (!row) return null;
  const byReply = new Map<number | null, DeskAttachment[]>();
  for (const { replyId, ...attachment } of attachmentRows) byReply.set(replyId, [...(byReply.get(replyId) ?? []), attachment]);
  const entries: DeskEntry[] = [
    ...replyRows.map(({ staffUserId, ...reply }) => ({ kind: "reply" as const, ...reply, fromStaff: staffUserId !== null, attachments: byReply.get(reply.id) ?? [] })),
    ...noteRows.map((note) => ({ kind: "note" as const, ...note })),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const { firstName, lastName, companyName, contactFirstName, contactLastName, ...ticket } = row;
  return {
    ...ticket,
    clientName: clientDisplayName({ firstName, lastName, companyName }),
    contactName: contactFirstName ? `${contactFirstName} ${contactLastName ?? ""}`.trim() : null,
    entries,
  };
}

export type DeskOptions = {
  departments: { id: number; name: string }[];
  staff: { id: number; name: string }[];
  cannedReplies: { id: number; title: string; body: string }[];
};

/** What the desk's forms offer: every department (hidden ones too), active staff, canned replies. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the StaffScope is the proof that a staff session asked
export async function getDeskOptions(_scope: StaffScope): Promise<DeskOptions> {
  const db = await getDb();
  const [departments, staff, canned] = await Promise.all([
    db.select({ id: ticketDepartments.id, name: ticketDepartments.name }).from(ticketDepartments).orderBy(asc(ticketDepartments.sortOrder), asc(ticketDepartments.id)),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(isNull(staffUsers.disabledAt)).orderBy(asc(staffUsers.name)),
    db.select({ id: cannedReplies.id, title: cannedReplies.title, body: cannedReplies.body }).from(cannedReplies).orderBy(asc(cannedReplies.title), asc(cannedReplies.id)),
  ]);
  return { departments, staff, cannedReplies: canned };
}

export type DeskAttachmentDownload = { id: number; originalName: string; sizeBytes: number; bytes: Buffer };

/** Any ticket attachment, for staff only (the route checks the staff session first). */
export async function getDeskAttachment(_scope: StaffScope, attachmentId: number): Promise<DeskAttachmentDownload | null> {
  if (!isRowId(attachmentId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: ticketAttachments.id, originalName: ticketAttachments.originalName, sizeBytes: ticketAttachments.sizeBytes, bytes: ticketAttachments.data })
    .from(ticketAttachments)
    .where(eq(ticketAttachments.id, attachmentId))
    .limit(1);
  return row ?? null;
}
