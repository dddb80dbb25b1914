import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor, type Transaction } from "@/db/client";
import { domains, products, services, ticketAttachments, ticketDepartments, ticketReplies, tickets } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { hasPermission } from "@/lib/auth/permissions";
import type { ClientScope } from "@/lib/auth/scope";
import { isRowId } from "@/lib/row-id";
import { getSupportSettings } from "@/lib/settings/get-settings";
import { checkAttachments, type CheckedAttachment, type Upload } from "./ticket-attachments";
import type { TicketAuthor } from "./ticket-author";
import { notifyTicketMessage } from "./ticket-emails";
import { newTicketReference } from "./ticket-reference";
import type { TicketPriority } from "./ticket-priorities";

export type TicketDepartment = { id: number; name: string; description: string | null };

type DepartmentRow = TicketDepartment & { email: string | null; permission: string | null };

async function visibleDepartments(db: Executor, user: Pick<TicketAuthor, "isOwner" | "permissions">): Promise<DepartmentRow[]> {
  const rows = await db
    .select({
      id: ticketDepartments.id,
      name: ticketDepartments.name,
      description: ticketDepartments.description,
      email: ticketDepartments.email,
      permission: ticketDepartments.permission,
    })
    .from(ticketDepartments)
    .where(eq(ticketDepartments.hidden, false))
    .orderBy(asc(ticketDepartments.sortOrder), asc(ticketDepartments.id));
  return rows.filter((row) => !row.permission || hasPermission(user, row.permission));
}

/** "Abrir ticket", first step: the departments this person may write to (a sub-account sees only those its permissions allow). */
export async function listTicketDepartments(user: Pick<TicketAuthor, "isOwner" | "permissions">): Promise<TicketDepartment[]> {
  const rows = await visibleDepartments(await getDb(), user);
  return rows.map(({ id, name, description }) => ({ id, name, description }));
}

export type RelatedOption = { value: string; label: string; kind: "service" | "domain" };

/** The client's own services and domains, for "Servicio relacionado"; values are "service:<id>" or "domain:<id>". */
export async function listRelatedOptions(scope: ClientScope): Promise<RelatedOption[]> {
  const { clientId } = scope;
  const db = await getDb();
  const [serviceRows, domainRows] = await Promise.all([
    db
      .select({ id: services.id, domain: services.domain, productName: products.name })
      .from(services)
      .innerJoin(products, eq(products.id, services.productId))
      .where(eq(services.clientId, clientId))
      .orderBy(asc(services.domain), asc(services.id)),
    db.select({ id: domains.id, name: domains.name }).from(domains).where(eq(domains.clientId, clientId)).orderBy(asc(domains.name), asc(domains.id)),
  ]);
  return [
    ...serviceRows.map((row) => ({ value: `service:${row.id}`, label: `${row.productName} · ${row.domain}`, kind: "service" as const })),
    ...domainRows.map((row) => ({ value: `domain:${row.id}`, label: row.name, kind: "domain" as const })),
  ];
}

export type OpenTicketInput = { departmentId: number; subject: string; related?: string; priority: TicketPriority; message: string };

type Related = { serviceId: number | null; domainId: number | null };

/** Only a service or domain of this client; another client's id is refused exactly like a made-up one. */
async function ownRelated(db: Executor, clientId: number, value: string | undefined): Promise<Related | null> {
  if (!value) return { serviceId: null, domainId: null };
  const match = /^(service|domain):(\d{1,10})$/.exec(value);
  const id = match ? Number(match[2]) : NaN;
  if (!match || !isRowId(id)) return null;
  if (match[1] === "service") {
    const [row] = await db.select({ id: services.id }).from(services).where(and(eq(services.id, id), eq(services.clientId, clientId))).limit(1);
    return row ? { serviceId: row.id, domainId: null } : null;
  }
  const [row] = await db.select({ id: domains.id }).from(domains).where(and(eq(domains.id, id), eq(domains.clientId, clientId))).limit(1);
  return row ? { serviceId: null, domainId: row.id } : null;
}

/** The attachments of one message, written in the transaction that writes the message. */
export async function insertAttachments(tx: Transaction, clientId: number, ticketId: number, replyId: number, attachments: CheckedAttachment[]): Promise<void> {
  if (attachments.length === 0) return;
  await tx.insert(ticketAttachments).values(attachments.map((attachment) => ({ ...attachment, clientId, ticketId, replyId })));
}

const REFERENCE_ATTEMPTS = 8;

/**
 * "Abrir ticket": the ticket, its first message and its attachments in one transaction, under a
 * fresh six-digit reference (another is drawn if it is taken); the customer and the department are
 * emailed once it has committed. Any refused field writes nothing.
 */
export async function openTicket(
  user: TicketAuthor,
  input: OpenTicketInput,
  uploads: Upload[],
): Promise<ActionResult<{ ticketId: number; reference: string }>> {
  const { clientId } = user.scope;
  const db = await getDb();
  const department = (await visibleDepartments(db, user)).find((row) => row.id === input.departmentId);
  if (!department) return { ok: false, error: "errors.checkFields", fieldErrors: { departmentId: "support.errors.department" } };
  const related = await ownRelated(db, clientId, input.related);
  if (!related) return { ok: false, error: "errors.checkFields", fieldErrors: { related: "support.errors.related" } };
  const checked = await checkAttachments(uploads, await getSupportSettings(db));
  if (!checked.ok) return { ok: false, error: "errors.checkFields", fieldErrors: { attachments: checked.error } };

  const created = await db.transaction(async (tx) => {
    let ticket: { id: number; reference: string } | undefined;
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS && !ticket; attempt += 1) {
      // ON CONFLICT keeps the transaction usable when the drawn reference is taken, so another can be tried.
      [ticket] = await tx
        .insert(tickets)
        .values({
          clientId,
          contactId: user.contactId,
          departmentId: department.id,
          ...related,
          reference: newTicketReference(),
          subject: input.subject,
          priority: input.priority,
          status: "open",
        })
        .onConflictDoNothing({ target: tickets.reference })
        .returning({ id: tickets.id, reference: tickets.reference });
    }
    if (!ticket) throw new Error(`No free ticket reference after ${REFERENCE_ATTEMPTS} attempts`);
    const [reply] = await tx
      .insert(ticketReplies)
      .values({ ticketId: ticket.id, contactId: user.contactId, authorName: user.name, message: input.message })
      .returning({ id: ticketReplies.id });
    await insertAttachments(tx, clientId, ticket.id, reply.id, checked.attachments);
    return ticket;
  });

  await notifyTicketMessage({
    kind: "opened",
    clientId,
    contactId: user.contactId,
    authorName: user.name,
    customer: { name: user.name, email: user.email },
    departmentEmail: department.email,
    departmentName: department.name,
    ticketId: created.id,
    reference: created.reference,
    subject: input.subject,
    message: input.message,
  });
  return { ok: true, data: { ticketId: created.id, reference: created.reference } };
}
