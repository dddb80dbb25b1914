import { request, mockActionRequest } from "@/tests/helpers/action-request";
import { and, count, eq, inArray } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { kbArticles, kbCategories, sentEmails, ticketAttachments, ticketDepartments, ticketReplies, tickets, type Permission } from "@/db/schema";
import { DEMO_PNG } from "@/db/seed/demo-tickets";
import { buildTinyPdf } from "@/db/seed/tiny-pdf";
import type { SessionUser } from "@/lib/auth/session";
import type { OutgoingEmail } from "@/lib/email/provider";
import { setProviderForTests } from "@/lib/providers";
import { checkAttachments } from "@/lib/support/ticket-attachments";
import { SUPPORT_SETTINGS } from "@/lib/settings/settings-values";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import {
  createSubAccount,
  createTestClient,
  createTestDomain,
  createTestService,
  createTestTicket,
  sessionUserFor,
  uniqueSuffix,
} from "@/tests/helpers/factories";

// The references drawn: a test can make the first draws collide with an existing ticket.
const drawn = vi.hoisted(() => ({ queue: [] as string[] }));
vi.mock("@/lib/support/ticket-reference", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/support/ticket-reference")>();
  return { ...actual, newTicketReference: () => drawn.queue.shift() ?? actual.newTicketReference() };
});
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));

mockActionRequest({ forwardedFor: "203.0.113.40" });

const { openTicket, listRelatedOptions, listTicketDepartments } = await import("@/lib/support/open-ticket");
const { closeTicket, replyToTicket } = await import("@/lib/support/ticket-replies");
const { getTicket, listTickets } = await import("@/lib/support/tickets");
const { GET: downloadAttachment } = await import("@/app/api/soporte/adjuntos/[attachmentId]/route");
const { GET: suggestions } = await import("@/app/api/soporte/sugerencias/route");
const { openTicketAction } = await import("@/app/(portal)/soporte/tickets/nuevo/actions");
const { replyTicketAction, closeTicketAction } = await import("@/app/(portal)/soporte/tickets/[ticketId]/actions");
const { TicketMessage } = await import("@/app/(portal)/soporte/_components/ticket-message");

let db: Database;
let owner: SessionUser;
let other: SessionUser;
let ticketsOnly: SessionUser;
let noTickets: SessionUser;
let support: { id: number; email: string };
let billing: number;
let hidden: number;
let ownService: number;
let ownDomain: number;
let otherService: number;
let otherDomain: number;

const outbox: { message: OutgoingEmail; ticketsWithReference: number }[] = [];

function file(name: string, bytes: Buffer | string): File {
  return new File([typeof bytes === "string" ? Buffer.from(bytes) : new Uint8Array(bytes)], name);
}

const HTML_AS_PNG = () => file("captura.png", "<!doctype html><html><body><script>alert(1)</script></body></html>");
// The start of a Windows executable: "MZ", the DOS stub, and the "PE" header file-type recognises.
const EXE_AS_PNG = () => {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  return file("captura.png", bytes);
};

function sessionOf(user: SessionUser) {
  return { contactId: user.contactId, clientId: user.clientId, isOwner: user.isOwner, permissions: user.permissions, user: { name: user.name, email: user.email }, sessionId: 0 };
}

async function subAccount(clientId: number, permissions: Permission[]): Promise<SessionUser> {
  const { contact } = await createSubAccount(db, clientId, permissions);
  return sessionUserFor(contact);
}

async function writtenFor(clientId: number) {
  const [ticketRows] = await db.select({ n: count() }).from(tickets).where(eq(tickets.clientId, clientId));
  const [attachmentRows] = await db.select({ n: count() }).from(ticketAttachments).where(eq(ticketAttachments.clientId, clientId));
  const [replyRows] = await db.select({ n: count() }).from(ticketReplies).innerJoin(tickets, eq(tickets.id, ticketReplies.ticketId)).where(eq(tickets.clientId, clientId));
  return { tickets: ticketRows.n, replies: replyRows.n, attachments: attachmentRows.n };
}

const input = (overrides: Partial<Parameters<typeof openTicket>[1]> = {}) => ({
  departmentId: support.id,
  subject: "No puedo enviar correo",
  priority: "high" as const,
  message: "Outlook da el error 0x800CCC0F al enviar.",
  ...overrides,
});

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  const a = await createTestClient(db);
  const b = await createTestClient(db);
  owner = sessionUserFor(a.owner);
  other = sessionUserFor(b.owner);
  ticketsOnly = await subAccount(a.client.id, ["tickets"]);
  noTickets = await subAccount(a.client.id, ["invoices"]);
  const suffix = uniqueSuffix();
  const [supportRow] = await db
    .insert(ticketDepartments)
    .values({ name: `Soporte ${suffix}`, description: "Incidencias", email: `soporte-${suffix}@example.com` })
    .returning({ id: ticketDepartments.id });
  support = { id: supportRow.id, email: `soporte-${suffix}@example.com` };
  [{ id: billing }] = await db.insert(ticketDepartments).values({ name: `Facturación ${suffix}`, permission: "invoices" }).returning({ id: ticketDepartments.id });
  [{ id: hidden }] = await db.insert(ticketDepartments).values({ name: `Interno ${suffix}`, hidden: true }).returning({ id: ticketDepartments.id });
  ownService = (await createTestService(db, a.client.id)).id;
  ownDomain = (await createTestDomain(db, a.client.id)).id;
  otherService = (await createTestService(db, b.client.id)).id;
  otherDomain = (await createTestDomain(db, b.client.id)).id;
});

afterAll(teardownTestDatabase);

beforeEach(() => {
  outbox.length = 0;
  setProviderForTests("email", {
    name: "outbox",
    async send(message) {
      // Sent only after the commit: the ticket named in the subject is already visible to anyone.
      const reference = /#?(\d{6})/.exec(message.subject)?.[1] ?? "";
      const [row] = await db.select({ n: count() }).from(tickets).where(eq(tickets.reference, reference));
      outbox.push({ message, ticketsWithReference: row.n });
      return { messageId: `test-${outbox.length}` };
    },
  });
  request.auth.mockResolvedValue(sessionOf(owner));
});

describe("Abrir ticket", () => {
  it("writes the ticket, its first message and a PNG checked by content, under a six-digit reference, then emails the customer and the department", async () => {
    const result = await openTicket(owner, input({ related: `service:${ownService}` }), [file("error-outlook.png", DEMO_PNG)]);
    expect(result.ok).toBe(true);
    const { ticketId, reference } = (result as { data: { ticketId: number; reference: string } }).data;
    expect(reference).toMatch(/^[1-9]\d{5}$/);

    const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(ticket).toMatchObject({ clientId: owner.clientId, contactId: owner.contactId, serviceId: ownService, domainId: null, status: "open", priority: "high", reference });
    const [attachment] = await db.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, ticketId));
    expect(attachment).toMatchObject({ clientId: owner.clientId, originalName: "error-outlook.png", mimeType: "image/png", sizeBytes: DEMO_PNG.byteLength });
    expect(attachment.storedName).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(Buffer.from(attachment.data).equals(DEMO_PNG)).toBe(true);

    const detail = await getTicket(owner.scope, ticketId);
    expect(detail?.replies).toHaveLength(1);
    expect(detail?.replies[0]).toMatchObject({ authorName: owner.name, fromStaff: false, message: input().message });
    expect(detail?.replies[0].attachments).toEqual([{ id: attachment.id, originalName: "error-outlook.png", sizeBytes: DEMO_PNG.byteLength }]);

    expect(outbox.map(({ message }) => message.to).sort()).toEqual([owner.email, support.email].sort());
    expect(outbox.every(({ ticketsWithReference }) => ticketsWithReference === 1)).toBe(true);
    const toCustomer = outbox.find(({ message }) => message.to === owner.email)!.message;
    expect(toCustomer.subject).toContain(`#${reference}`);
    expect(toCustomer.text).toContain(`/soporte/tickets/${ticketId}`);
    // The customer's copy is in their sent-email log; the department's notice is not.
    const logged = await db.select({ to: sentEmails.toAddress }).from(sentEmails).where(eq(sentEmails.clientId, owner.clientId));
    expect(logged.map((row) => row.to)).toContain(owner.email);
    expect(logged.map((row) => row.to)).not.toContain(support.email);
  });

  it("draws another reference when the first is taken", async () => {
    const taken = await createTestTicket(db, other.clientId, { reference: "700001" });
    drawn.queue.push(taken.ticket.reference, "700002");
    const result = await openTicket(owner, input(), []);
    expect(result).toMatchObject({ ok: true, data: { reference: "700002" } });
  });

  it.each([
    ["an HTML page renamed .png", HTML_AS_PNG, "support.errors.attachmentType"],
    ["a Windows executable renamed .png", EXE_AS_PNG, "support.errors.attachmentType"],
    ["a PDF named .png", () => file("captura.png", buildTinyPdf("Factura", ["Línea"])), "support.errors.attachmentType"],
    ["a text file with NUL bytes", () => file("notas.txt", Buffer.from([0x68, 0x6f, 0x6c, 0x61, 0x00, 0x21])), "support.errors.attachmentType"],
    ["a text file that is not UTF-8", () => file("notas.txt", Buffer.from([0x63, 0x61, 0xf1, 0x61])), "support.errors.attachmentType"],
    ["a file over the size limit", () => file("grande.png", Buffer.concat([DEMO_PNG, Buffer.alloc(SUPPORT_SETTINGS.attachmentMaxBytes)])), "support.errors.attachmentTooLarge"],
    ["an empty file", () => file("vacio.txt", Buffer.alloc(0)), "support.errors.attachmentEmpty"],
  ])("refuses %s next to the field and writes nothing, not even the good file beside it", async (_label, bad, error) => {
    const before = await writtenFor(owner.clientId);
    const result = await openTicket(owner, input(), [file("bien.png", DEMO_PNG), bad()]);
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { attachments: error } });
    expect(await writtenFor(owner.clientId)).toEqual(before);
    expect(outbox).toHaveLength(0);
  });

  it("refuses more files than the settings allow", async () => {
    const files = Array.from({ length: SUPPORT_SETTINGS.attachmentMaxCount + 1 }, (_, index) => file(`captura-${index}.png`, DEMO_PNG));
    expect(await openTicket(owner, input(), files)).toMatchObject({ ok: false, fieldErrors: { attachments: "support.errors.attachmentCount" } });
  });

  it("accepts each allowed kind by its content: JPG, GIF, PDF, ZIP and UTF-8 text", async () => {
    const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
    const gif = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
    const zip = Buffer.from("UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==", "base64");
    const checked = await checkAttachments(
      [file("foto.JPEG", jpg), file("anim.gif", gif), file("factura.pdf", buildTinyPdf("Factura", ["Línea"])), file("web.zip", zip), file("error.log", "Año 2026: ¿€?")],
      SUPPORT_SETTINGS,
    );
    expect(checked.ok && checked.attachments.map((attachment) => attachment.mimeType)).toEqual(["image/jpeg", "image/gif", "application/pdf", "application/zip", "text/plain"]);
  });

  it("hides a department that needs a permission from a sub-account without it, and refuses it on the server", async () => {
    const forTicketsOnly = (await listTicketDepartments(ticketsOnly)).map((department) => department.id);
    expect(forTicketsOnly).toContain(support.id);
    expect(forTicketsOnly).not.toContain(billing);
    expect(forTicketsOnly).not.toContain(hidden);
    expect((await listTicketDepartments(owner)).map((department) => department.id)).toContain(billing);

    const before = await writtenFor(owner.clientId);
    for (const departmentId of [billing, hidden]) {
      expect(await openTicket(ticketsOnly, input({ departmentId }), [])).toMatchObject({ ok: false, fieldErrors: { departmentId: "support.errors.department" } });
    }
    expect(await writtenFor(owner.clientId)).toEqual(before);
    expect(await openTicket(owner, input({ departmentId: billing }), [])).toMatchObject({ ok: true });
  });

  it("offers and accepts only the client's own services and domains", async () => {
    const options = (await listRelatedOptions(owner.scope)).map((option) => option.value);
    expect(options).toEqual(expect.arrayContaining([`service:${ownService}`, `domain:${ownDomain}`]));
    expect(options).not.toContain(`service:${otherService}`);
    expect(options).not.toContain(`domain:${otherDomain}`);

    const before = await writtenFor(owner.clientId);
    for (const related of [`service:${otherService}`, `domain:${otherDomain}`, "service:0", "domain:abc", "invoice:1"]) {
      expect(await openTicket(owner, input({ related }), [])).toMatchObject({ ok: false, fieldErrors: { related: "support.errors.related" } });
    }
    expect(await writtenFor(owner.clientId)).toEqual(before);
    const opened = await openTicket(owner, input({ related: `domain:${ownDomain}` }), []);
    const [row] = await db.select({ domainId: tickets.domainId, serviceId: tickets.serviceId }).from(tickets).where(eq(tickets.id, (opened as { data: { ticketId: number } }).data.ticketId));
    expect(row).toEqual({ domainId: ownDomain, serviceId: null });
  });

  it("through the action: fields checked, the files read from the form, then to the new ticket's page", async () => {
    const form = new FormData();
    form.set("departmentId", String(support.id));
    form.set("subject", "  Web caída  ");
    form.set("priority", "low");
    form.set("message", "No carga.");
    form.append("attachments", file("captura.png", DEMO_PNG));
    await expect(openTicketAction(null, form)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/soporte\/tickets\/\d+\?aviso=creado/) });
    const [row] = await db.select({ id: tickets.id, subject: tickets.subject }).from(tickets).where(and(eq(tickets.clientId, owner.clientId), eq(tickets.subject, "Web caída")));
    const [attached] = await db.select({ n: count() }).from(ticketAttachments).where(eq(ticketAttachments.ticketId, row.id));
    expect(attached.n).toBe(1);

    const empty = new FormData();
    empty.set("departmentId", String(support.id));
    empty.set("priority", "urgent");
    empty.append("attachments", new File([], ""));
    expect(await openTicketAction(null, empty)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { subject: "errors.required", priority: "errors.invalidValue", message: "errors.required" },
    });
  });

  it("refuses a sub-account without the tickets permission in every action and writes nothing", async () => {
    const { ticket } = await createTestTicket(db, owner.clientId, { departmentId: support.id });
    request.auth.mockResolvedValue(sessionOf(noTickets));
    const before = await writtenFor(owner.clientId);
    const open = new FormData();
    open.set("departmentId", String(support.id));
    open.set("subject", "Hola");
    open.set("priority", "low");
    open.set("message", "Hola");
    const reply = new FormData();
    reply.set("ticketId", String(ticket.id));
    reply.set("message", "Hola");
    const close = new FormData();
    close.set("ticketId", String(ticket.id));
    expect(await openTicketAction(null, open)).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await replyTicketAction(null, reply)).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await closeTicketAction(null, close)).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await writtenFor(owner.clientId)).toEqual(before);
    const [row] = await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row.status).toBe("open");
  });
});

describe("replying and closing", () => {
  it("a reply with a PDF sets customer_reply and tells the department; closing closes; replying re-opens", async () => {
    const opened = await openTicket(owner, input(), []);
    const { ticketId } = (opened as { data: { ticketId: number } }).data;
    outbox.length = 0;

    expect(await replyToTicket(ticketsOnly, ticketId, "Adjunto la factura.", [file("factura.pdf", buildTinyPdf("Factura", ["Línea"]))])).toEqual({ ok: true, message: "support.reply.sent" });
    let detail = await getTicket(owner.scope, ticketId);
    expect(detail?.status).toBe("customer_reply");
    expect(detail?.replies.map((reply) => reply.authorName)).toEqual([owner.name, ticketsOnly.name]);
    expect(detail?.replies[1].attachments.map((attachment) => attachment.originalName)).toEqual(["factura.pdf"]);
    expect(outbox.map(({ message }) => message.to)).toEqual([support.email]);

    expect(await closeTicket(owner.scope, ticketId)).toEqual({ ok: true, message: "support.close.done" });
    expect((await getTicket(owner.scope, ticketId))?.status).toBe("closed");
    const closedList = await listTickets(owner.scope, { status: "closed", limit: 50 });
    expect(closedList.rows.map((row) => row.id)).toContain(ticketId);

    expect(await replyToTicket(owner, ticketId, "Vuelve a fallar.", [])).toMatchObject({ ok: true });
    detail = await getTicket(owner.scope, ticketId);
    expect(detail?.status).toBe("customer_reply");
    expect(detail?.replies).toHaveLength(3);
  });

  it("another client's ticket is not found for replies and closing, and nothing is written", async () => {
    const { ticket } = await createTestTicket(db, other.clientId, { departmentId: support.id });
    const before = await writtenFor(other.clientId);
    expect(await replyToTicket(owner, ticket.id, "Intruso", [file("a.png", DEMO_PNG)])).toEqual({ ok: false, error: "support.errors.ticketNotFound" });
    expect(await closeTicket(owner.scope, ticket.id)).toEqual({ ok: false, error: "support.errors.ticketNotFound" });
    expect(await writtenFor(other.clientId)).toEqual(before);
    const [row] = await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row.status).toBe("open");
  });

  it("a refused attachment on a reply writes nothing and leaves the status alone", async () => {
    const { ticket } = await createTestTicket(db, owner.clientId, { departmentId: support.id, status: "closed" });
    expect(await replyToTicket(owner, ticket.id, "Mire esto", [EXE_AS_PNG()])).toMatchObject({ ok: false, fieldErrors: { attachments: "support.errors.attachmentType" } });
    const [row] = await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row.status).toBe("closed");
    const [replies] = await db.select({ n: count() }).from(ticketReplies).where(eq(ticketReplies.ticketId, ticket.id));
    expect(replies.n).toBe(1);
  });
});

describe("attachment downloads", () => {
  let ownAttachment: number;
  let otherAttachment: number;

  beforeAll(async () => {
    const mine = await openTicket(owner, input(), [file("Captura año.png", DEMO_PNG)]);
    const theirs = await openTicket(other, input(), [file("secreto.png", DEMO_PNG)]);
    const ids = [mine, theirs].map((result) => (result as { data: { ticketId: number } }).data.ticketId);
    const rows = await db.select({ id: ticketAttachments.id, ticketId: ticketAttachments.ticketId }).from(ticketAttachments).where(inArray(ticketAttachments.ticketId, ids));
    ownAttachment = rows.find((row) => row.ticketId === ids[0])!.id;
    otherAttachment = rows.find((row) => row.ticketId === ids[1])!.id;
  });

  const download = (id: number | string) => downloadAttachment(new Request(`http://localhost/api/soporte/adjuntos/${id}`), { params: Promise.resolve({ attachmentId: String(id) }) });

  it("serves the client's own attachment as a download under its original name, never sniffed", async () => {
    const response = await download(ownAttachment);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Captura ano.png"; filename*=UTF-8''Captura%20a%C3%B1o.png`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(DEMO_PNG)).toBe(true);
  });

  it("answers 404 for another client's attachment or a made-up id, and 403 to a sub-account without tickets", async () => {
    for (const id of [otherAttachment, 2_147_483_647, "abc"]) expect((await download(id)).status).toBe(404);
    request.auth.mockResolvedValue(sessionOf(ticketsOnly));
    expect((await download(ownAttachment)).status).toBe(200);
    request.auth.mockResolvedValue(sessionOf(noTickets));
    const refused = await download(ownAttachment);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-disposition")).toBeNull();
  });
});

describe("messages and suggestions", () => {
  it("renders a message as text: a <script> or an onerror= stays visible text, never markup", () => {
    const html = renderToStaticMarkup(<TicketMessage text={'<script>alert(1)</script>\n<img src=x onerror="alert(2)">'} />);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
    expect(html).not.toMatch(/<script|<img/);
  });

  it("suggests published knowledge-base articles for what the customer types, linked to their page", async () => {
    const suffix = uniqueSuffix();
    const [category] = await db.insert(kbCategories).values({ name: "Correo", slug: `correo-${suffix}` }).returning({ id: kbCategories.id });
    await db.insert(kbArticles).values([
      { categoryId: category.id, title: "Configurar el correo en Outlook", slug: `outlook-${suffix}`, body: "Servidor SMTP y puertos." },
      { categoryId: category.id, title: "Borrador del correo", slug: `borrador-${suffix}`, body: "No publicado.", published: false },
    ]);
    const response = await suggestions(new Request(`http://localhost/api/soporte/sugerencias?q=${encodeURIComponent("correos outlook")}`));
    const { articles } = (await response.json()) as { articles: { title: string; href: string }[] };
    expect(articles.map((article) => article.title)).toContain("Configurar el correo en Outlook");
    expect(articles.map((article) => article.title)).not.toContain("Borrador del correo");
    expect(articles.find((article) => article.title === "Configurar el correo en Outlook")?.href).toBe(`/soporte/conocimiento/correo-${suffix}/outlook-${suffix}`);
    const short = await suggestions(new Request("http://localhost/api/soporte/sugerencias?q=a"));
    expect(await short.json()).toEqual({ articles: [] });
  });
});
