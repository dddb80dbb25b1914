import { createTestStaff, customerSessionOf, signInAsStaff, staffRequest, type TestStaff } from "@/tests/helpers/staff-request";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, cannedReplies, sentEmails, ticketAttachments, ticketDepartments, ticketNotes, ticketReplies, tickets } from "@/db/schema";
import { DEMO_PNG } from "@/db/seed/demo-tickets";
import type { SessionUser } from "@/lib/auth/session";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestTicket, sessionUserFor, uniqueSuffix } from "@/tests/helpers/factories";
import { Forbidden, NotFound } from "@/tests/helpers/next-navigation";
import { form } from "@/tests/helpers/form-data";

const outbox = captureEmails();

const deskActions = await import("@/app/admin/(desk)/tickets/[ticketId]/actions");
const cannedActions = await import("@/app/admin/(desk)/respuestas/actions");
const { default: QueuePage } = await import("@/app/admin/(desk)/tickets/page");
const { default: TicketPage } = await import("@/app/admin/(desk)/tickets/[ticketId]/page");
const { default: CannedPage } = await import("@/app/admin/(desk)/respuestas/page");
const { default: DeskLayout } = await import("@/app/admin/(desk)/layout");
const { default: StaffHome } = await import("@/app/admin/(desk)/page");
const { GET: staffAttachment } = await import("@/app/admin/adjuntos/[attachmentId]/route");
const { getTicket } = await import("@/lib/support/tickets");
const { replyToTicket } = await import("@/lib/support/ticket-replies");
const { listActivity } = await import("@/lib/account/activity");
const { listDeskTickets, getDeskTicket } = await import("@/lib/staff/ticket-desk");

let db: Database;
let admin: TestStaff;
let support: TestStaff;
let billing: TestStaff;
let customer: SessionUser;
let otherCustomer: SessionUser;
let departmentId: number;
let otherDepartmentId: number;
let departmentEmail: string;

async function newTicket(clientId = customer.clientId, contactId: number | null = customer.contactId) {
  return (await createTestTicket(db, clientId, { departmentId, contactId, message: "Mi web no carga desde esta mañana." })).ticket;
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  admin = await createTestStaff(db, "admin");
  support = await createTestStaff(db, "support");
  billing = await createTestStaff(db, "billing");
  customer = sessionUserFor((await createTestClient(db)).owner);
  otherCustomer = sessionUserFor((await createTestClient(db)).owner);
  const suffix = uniqueSuffix();
  departmentEmail = `soporte-${suffix}@example.com`;
  [{ id: departmentId }] = await db.insert(ticketDepartments).values({ name: `Soporte ${suffix}`, email: departmentEmail }).returning({ id: ticketDepartments.id });
  [{ id: otherDepartmentId }] = await db.insert(ticketDepartments).values({ name: `Ventas ${suffix}` }).returning({ id: ticketDepartments.id });
});
afterAll(teardownTestDatabase);

/** Every staff action with input it would accept from a member of staff. */
async function everyAction() {
  const ticket = await newTicket();
  const target = await newTicket();
  const [canned] = await db.insert(cannedReplies).values({ title: "Hola", body: "Texto" }).returning({ id: cannedReplies.id });
  return [
    { name: "reply", run: () => deskActions.staffReplyAction(null, form({ ticketId: String(ticket.id), message: "Respuesta" })) },
    { name: "note", run: () => deskActions.ticketNoteAction(null, form({ ticketId: String(ticket.id), note: "Nota" })) },
    {
      name: "properties",
      run: () => deskActions.ticketPropertiesAction(null, form({ ticketId: String(ticket.id), status: "in_progress", priority: "high", departmentId: String(departmentId), assignedStaffUserId: "" })),
    },
    { name: "merge", run: () => deskActions.mergeTicketAction(null, form({ ticketId: String(ticket.id), targetReference: target.reference })) },
    { name: "canned save", run: () => cannedActions.saveCannedReplyAction(null, form({ title: "Nueva", body: "Texto" })) },
    { name: "canned delete", run: () => cannedActions.deleteCannedReplyAction(null, form({ id: String(canned!.id) })) },
  ];
}

async function writesOf(ticketId: number) {
  const [replies] = await db.select({ n: count() }).from(ticketReplies).where(eq(ticketReplies.ticketId, ticketId));
  const [notes] = await db.select({ n: count() }).from(ticketNotes).where(eq(ticketNotes.ticketId, ticketId));
  const [row] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  return { replies: replies!.n, notes: notes!.n, status: row!.status, priority: row!.priority };
}

describe("the staff area to customers and signed-out visitors", () => {
  it("answers 404 to every staff action, signed out or with a customer's session, and writes nothing", async () => {
    for (const session of [null, customerSessionOf(customer)]) {
      const actions = await everyAction();
      for (const action of actions) {
        staffRequest.customerSession = session;
        await expect(action.run(), `${action.name} (${session ? "customer" : "signed out"})`).rejects.toBeInstanceOf(NotFound);
      }
    }
    const ticket = await newTicket();
    staffRequest.customerSession = customerSessionOf(customer);
    await expect(deskActions.staffReplyAction(null, form({ ticketId: String(ticket.id), message: "Respuesta" }))).rejects.toBeInstanceOf(NotFound);
    expect(await writesOf(ticket.id)).toEqual({ replies: 1, notes: 0, status: "open", priority: "medium" });
  });

  it("answers 404 on every staff page and on staff attachment downloads", async () => {
    const ticket = await newTicket();
    const [attachment] = await db
      .insert(ticketAttachments)
      .values({ clientId: customer.clientId, ticketId: ticket.id, storedName: "x.png", originalName: "captura.png", mimeType: "image/png", sizeBytes: DEMO_PNG.byteLength, data: DEMO_PNG })
      .returning({ id: ticketAttachments.id });
    for (const session of [null, customerSessionOf(customer)]) {
      staffRequest.customerSession = session;
      await expect(QueuePage({ searchParams: Promise.resolve({}) } as never)).rejects.toBeInstanceOf(NotFound);
      await expect(TicketPage({ params: Promise.resolve({ ticketId: String(ticket.id) }) })).rejects.toBeInstanceOf(NotFound);
      await expect(CannedPage()).rejects.toBeInstanceOf(NotFound);
      await expect(DeskLayout({ children: null })).rejects.toBeInstanceOf(NotFound);
      await expect(StaffHome()).rejects.toBeInstanceOf(NotFound);
      const response = await staffAttachment(new Request("http://localhost/"), { params: Promise.resolve({ attachmentId: String(attachment!.id) }) });
      expect(response.status).toBe(404);
    }
    await signInAsStaff(db, support);
    const response = await staffAttachment(new Request("http://localhost/"), { params: Promise.resolve({ attachmentId: String(attachment!.id) }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment/);
  });
});

describe("roles", () => {
  it("gives a support-only user 403 on the admin-only canned replies (page and actions), and billing 403 on merge", async () => {
    await signInAsStaff(db, support);
    const [canned] = await db.insert(cannedReplies).values({ title: "Solo admin", body: "Texto" }).returning({ id: cannedReplies.id });
    await expect(CannedPage()).rejects.toBeInstanceOf(Forbidden);
    await expect(cannedActions.saveCannedReplyAction(null, form({ title: "Nueva", body: "Texto" }))).rejects.toBeInstanceOf(Forbidden);
    await expect(cannedActions.deleteCannedReplyAction(null, form({ id: String(canned!.id) }))).rejects.toBeInstanceOf(Forbidden);
    expect(await db.select().from(cannedReplies).where(eq(cannedReplies.id, canned!.id))).toHaveLength(1);

    staffRequest.cookies.clear();
    await signInAsStaff(db, billing);
    const [a, b] = [await newTicket(), await newTicket()];
    await expect(deskActions.mergeTicketAction(null, form({ ticketId: String(a.id), targetReference: b.reference }))).rejects.toBeInstanceOf(Forbidden);

    staffRequest.cookies.clear();
    await signInAsStaff(db, admin);
    expect(await cannedActions.saveCannedReplyAction(null, form({ title: "Nueva", body: "Texto" }))).toEqual({ ok: true, message: "admin.canned.saved" });
    expect(await cannedActions.deleteCannedReplyAction(null, form({ id: String(canned!.id) }))).toEqual({ ok: true, message: "admin.canned.deleted" });
  });
});

describe("the ticket desk", () => {
  it("replies to the customer: the reply, its attachment, the status, the email and the audit row", async () => {
    await signInAsStaff(db, support);
    const ticket = await newTicket();
    const png = new File([new Uint8Array(DEMO_PNG)], "captura.png");
    const result = await deskActions.staffReplyAction(null, form({ ticketId: String(ticket.id), message: "Ya está resuelto.\nUn saludo.", statusAfter: "answered", attachments: png }));
    expect(result).toEqual({ ok: true, message: "admin.ticket.reply.sent" });

    const seen = await getTicket(customer.scope, ticket.id);
    const reply = seen!.replies.at(-1)!;
    expect(reply).toMatchObject({ fromStaff: true, authorName: support.name, message: "Ya está resuelto.\nUn saludo." });
    expect(reply.attachments.map((attachment) => attachment.originalName)).toEqual(["captura.png"]);
    expect(seen!.status).toBe("answered");

    expect(outbox.map((message) => message.to)).toEqual([customer.email]);
    expect(outbox[0]!.subject).toContain(`#${ticket.reference}`);
    expect(outbox[0]!.text).toContain("Ya está resuelto.");
    expect(outbox[0]!.text).toContain(`/soporte/tickets/${ticket.id}`);
    const logged = await db.select().from(sentEmails).where(and(eq(sentEmails.clientId, customer.clientId), eq(sentEmails.template, "ticket-staff-reply")));
    expect(logged.length).toBeGreaterThan(0);

    const activity = await listActivity(customer.scope);
    const row = activity.rows.find((entry) => entry.action === "staff.ticket_replied" && entry.details?.ticketId === ticket.id);
    expect(row?.actor).toEqual({ kind: "staff" });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "staff.ticket_replied"), eq(auditLog.staffUserId, support.id)));
    expect(audit).toMatchObject({ clientId: customer.clientId, contactId: null });
  });

  it("refuses a disguised attachment and an empty reply, writing nothing", async () => {
    await signInAsStaff(db, support);
    const ticket = await newTicket();
    const html = new File([Buffer.from("<!doctype html><script>alert(1)</script>")], "captura.png");
    expect(await deskActions.staffReplyAction(null, form({ ticketId: String(ticket.id), message: "Adjunto", attachments: html }))).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { attachments: "support.errors.attachmentType" },
    });
    expect(await deskActions.staffReplyAction(null, form({ ticketId: String(ticket.id), message: "   " }))).toMatchObject({ ok: false, fieldErrors: { message: "admin.errors.messageRequired" } });
    expect(await deskActions.staffReplyAction(null, form({ ticketId: "999999999", message: "Hola" }))).toEqual({ ok: false, error: "admin.errors.ticketNotFound" });
    expect(await writesOf(ticket.id)).toEqual({ replies: 1, notes: 0, status: "open", priority: "medium" });
    expect(outbox).toEqual([]);
  });

  it("keeps internal notes from the customer: not on their ticket, in no email, not on their Actividad page", async () => {
    await signInAsStaff(db, support);
    const ticket = await newTicket();
    const secret = `Nota interna ${uniqueSuffix()}: cliente moroso, no ampliar plazo`;
    expect(await deskActions.ticketNoteAction(null, form({ ticketId: String(ticket.id), note: secret }))).toEqual({ ok: true, message: "admin.ticket.note.saved" });
    await deskActions.staffReplyAction(null, form({ ticketId: String(ticket.id), message: "Le respondemos en breve." }));
    await replyToTicket({ ...customer, permissions: customer.permissions }, ticket.id, "Gracias", []);

    const staffView = await getDeskTicket(staffScope(), ticket.id);
    expect(staffView!.entries.filter((entry) => entry.kind === "note").map((entry) => entry.message)).toEqual([secret]);
    const customerView = await getTicket(customer.scope, ticket.id);
    expect(JSON.stringify(customerView)).not.toContain(secret);
    expect(outbox.length).toBeGreaterThan(1);
    for (const message of outbox) {
      expect(message.html).not.toContain(secret);
      expect(message.text).not.toContain(secret);
    }
    const activity = await listActivity(customer.scope);
    expect(activity.rows.some((row) => row.action === "staff.ticket_note_added")).toBe(false);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "staff.ticket_note_added"), eq(auditLog.staffUserId, support.id)));
    expect(audit).toMatchObject({ clientId: null, details: { clientId: customer.clientId, ticketId: expect.any(Number) } });
  });

  it("changes status, priority, department and assignee; a customer reply then goes to the assignee", async () => {
    await signInAsStaff(db, support);
    const ticket = await newTicket();
    const bad = await deskActions.ticketPropertiesAction(null, form({ ticketId: String(ticket.id), status: "closed", priority: "high", departmentId: "999999999", assignedStaffUserId: "" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { departmentId: "admin.errors.departmentNotFound" } });
    const invalid = await deskActions.ticketPropertiesAction(null, form({ ticketId: String(ticket.id), status: "deleted", priority: "urgent", departmentId: String(departmentId) }));
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { status: "admin.errors.statusInvalid", priority: "admin.errors.priorityInvalid" } });
    expect(await writesOf(ticket.id)).toMatchObject({ status: "open", priority: "medium" });

    const done = await deskActions.ticketPropertiesAction(
      null,
      form({ ticketId: String(ticket.id), status: "in_progress", priority: "high", departmentId: String(otherDepartmentId), assignedStaffUserId: String(admin.id) }),
    );
    expect(done).toEqual({ ok: true, message: "admin.ticket.properties.saved" });
    const [row] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ status: "in_progress", priority: "high", departmentId: otherDepartmentId, assignedStaffUserId: admin.id });
    const activity = await listActivity(customer.scope);
    const updated = activity.rows.find((entry) => entry.action === "staff.ticket_updated" && entry.details?.ticketId === ticket.id);
    expect(updated?.details).toMatchObject({ status: "in_progress", priority: "high" });
    expect(updated?.actor).toEqual({ kind: "staff" });

    const mine = await listDeskTickets(staffScope(), { status: "in_progress", assignedTo: admin.id, departmentId: otherDepartmentId });
    expect(mine.rows.map((entry) => entry.id)).toContain(ticket.id);

    outbox.length = 0;
    await replyToTicket(customer, ticket.id, "¿Alguna novedad?", []);
    expect(outbox.map((message) => message.to)).toEqual([admin.email]);
    expect(outbox[0]!.text).toContain(`/admin/tickets/${ticket.id}`);
  });

  it("merges a ticket into another of the same client, never of another client", async () => {
    await signInAsStaff(db, support);
    const source = await newTicket();
    const target = await newTicket();
    const foreign = await newTicket(otherCustomer.clientId, otherCustomer.contactId);
    expect(await deskActions.mergeTicketAction(null, form({ ticketId: String(source.id), targetReference: foreign.reference }))).toMatchObject({
      ok: false,
      fieldErrors: { targetReference: "admin.errors.mergeOtherClient" },
    });
    expect(await deskActions.mergeTicketAction(null, form({ ticketId: String(source.id), targetReference: source.reference }))).toMatchObject({
      fieldErrors: { targetReference: "admin.errors.mergeSame" },
    });
    await deskActions.ticketNoteAction(null, form({ ticketId: String(source.id), note: "Nota del origen" }));
    expect(await deskActions.mergeTicketAction(null, form({ ticketId: String(source.id), targetReference: target.reference }))).toEqual({ ok: true, message: "admin.ticket.merge.done" });
    expect(await writesOf(target.id)).toMatchObject({ replies: 2, notes: 1 });
    expect(await writesOf(source.id)).toMatchObject({ replies: 0, notes: 0, status: "closed" });
    const [merged] = await db.select().from(tickets).where(eq(tickets.id, source.id));
    expect(merged!.mergedIntoTicketId).toBe(target.id);
    // A merged ticket cannot be merged again.
    expect(await deskActions.mergeTicketAction(null, form({ ticketId: String(source.id), targetReference: target.reference }))).toEqual({ ok: false, error: "admin.errors.ticketNotFound" });
  });
});

function staffScope() {
  return { staffUserId: support.id, role: "support" } as never;
}
