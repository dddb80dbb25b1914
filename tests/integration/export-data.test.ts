import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import {
  auditLog,
  contacts,
  creditLedgerEntries,
  dnsRecords,
  dnsRedirects,
  domainContacts,
  domainPrivateNameservers,
  passkeys,
  payments,
  quoteLines,
  quotes,
  sentEmails,
  ticketAttachments,
  ticketReplies,
  type Permission,
} from "@/db/schema";
import { exportAccountData } from "@/lib/account/export-data";
import { recordAudit } from "@/lib/audit/record-audit";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { setupTestDatabase } from "@/tests/helpers/database";
import {
  createSubAccount,
  createTestClient,
  createTestDomain,
  createTestInvoice,
  createTestService,
  createTestTicket,
  isoDate,
  uniqueSuffix,
} from "@/tests/helpers/factories";
import { setTestRequestLocale } from "@/tests/helpers/next-intl-server";
import type { ClientScope } from "@/lib/auth/scope";
import { scopeOf } from "@/tests/helpers/scope";
import { countingDatabase } from "@/tests/helpers/counting-database";

// The real requireUser() runs; only Auth.js's session lookup is replaced, so no cookie or JWT is needed.
const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/config", () => ({ auth }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));

const { GET: downloadExport } = await import("@/app/api/cuenta/exportar/route");
const { default: ExportPage } = await import("@/app/(portal)/cuenta/exportar/page");

type SignedIn = { clientId: number; scope: ClientScope; contactId: number; email: string; isOwner: boolean; permissions: Permission[] };

let db: Database;
let owner: SignedIn;
let subAccount: SignedIn;
let other: SignedIn;
/** Values stored for client A that must never leave in an export: hashes and secrets. */
let secrets: string[];
const a = { marker: `AAA${uniqueSuffix()}`, reference: "", invoiceId: 0, domain: "", service: "", ticketSubject: "" };
const b = { marker: `BBB${uniqueSuffix()}` };
const ATTACHMENT_BYTES = Buffer.from(`contenido-del-adjunto-${uniqueSuffix()}`);

function signInAs(user: SignedIn | null) {
  auth.mockResolvedValue(
    user && { contactId: user.contactId, clientId: user.clientId, isOwner: user.isOwner, permissions: user.permissions, user: { name: "Cliente", email: user.email } },
  );
}

function download(headers?: HeadersInit) {
  return downloadExport(new Request("http://localhost/api/cuenta/exportar", { headers: { "x-forwarded-for": "192.0.2.44", ...headers } }));
}


async function exportedAudits(clientId: number) {
  return db.select().from(auditLog).where(and(eq(auditLog.clientId, clientId), eq(auditLog.action, "data.exported")));
}

/** A client with one of everything the export covers, each text carrying the client's marker. */
async function populate(clientId: number, ownerId: number, marker: string, invoices = 1) {
  const service = await createTestService(db, clientId, { domain: `web-${marker.toLowerCase()}.es` });
  const domain = await createTestDomain(db, clientId, { name: `dominio-${marker.toLowerCase()}.es` });
  await db.insert(dnsRecords).values({ clientId, domainId: domain.id, host: "www", type: "A", content: `192.0.2.${invoices}`, ttl: 3600 });
  await db.insert(dnsRedirects).values({ clientId, domainId: domain.id, host: "tienda", hostname: `tienda.${domain.name}`, kind: "redirect", target: `https://tienda-${marker.toLowerCase()}.example/` });
  const whois = { name: `Titular ${marker}`, email: `whois-${marker.toLowerCase()}@test.local`, phone: "+34.600000000", address1: "Calle Mayor 1", city: "Madrid", state: "Madrid", postcode: "28001", country: "ES" };
  await db.insert(domainContacts).values({ clientId, domainId: domain.id, contacts: { registrant: whois, admin: whois, tech: whois } });
  await db.insert(domainPrivateNameservers).values({ clientId, domainId: domain.id, host: `ns1.${domain.name}`, ipv4: ["192.0.2.53"], ipv6: [] });
  await db.insert(passkeys).values({ clientId, contactId: ownerId, credentialId: `CREDENCIAL${marker}`, publicKey: Buffer.from(`CLAVEPUBLICA${marker}`), deviceName: `Portátil ${marker}` });
  const created = [];
  for (let index = 0; index < invoices; index += 1) {
    const { invoice } = await createTestInvoice(db, clientId, { invoice: { notes: `Nota ${marker} ${index}` }, line: { description: `Línea ${marker} ${index}` } });
    await db.insert(payments).values({ clientId, invoiceId: invoice.id, gateway: "sandbox", gatewayReference: `pago-${marker}-${index}`, amount: 500 });
    created.push(invoice);
  }
  const [quote] = await db
    .insert(quotes)
    .values({ clientId, reference: `OF-${marker}`, subject: `Oferta ${marker}`, stage: "delivered", issueDate: isoDate(-1), validUntil: isoDate(20), subtotal: 1000, taxTotal: 210, total: 1210 })
    .returning();
  await db.insert(quoteLines).values({ quoteId: quote!.id, description: `Línea de oferta ${marker}`, quantity: 1, unitAmount: 1000, taxRateBp: 2100, taxAmount: 210, lineSubtotal: 1000 });
  await db
    .insert(quotes)
    .values({ clientId, reference: `BORRADOR-${marker}`, subject: `Borrador ${marker}`, stage: "draft", issueDate: isoDate(-1), validUntil: isoDate(20) });
  await db.insert(creditLedgerEntries).values({ clientId, amount: 2500, kind: "deposit", description: `Depósito ${marker}` });
  const { ticket, reply } = await createTestTicket(db, clientId, { subject: `Ticket ${marker}`, message: `Mensaje ${marker}`, contactId: ownerId });
  await db.insert(ticketReplies).values({ ticketId: ticket.id, staffUserId: null, authorName: "Soporte", message: `Respuesta ${marker}` });
  await db.insert(ticketAttachments).values({
    clientId,
    ticketId: ticket.id,
    replyId: reply.id,
    storedName: `f-${uniqueSuffix()}`,
    originalName: `captura-${marker}.png`,
    mimeType: "image/png",
    sizeBytes: ATTACHMENT_BYTES.length,
    data: ATTACHMENT_BYTES,
  });
  await db.insert(sentEmails).values({
    clientId,
    contactId: ownerId,
    toAddress: `correo-${marker.toLowerCase()}@test.local`,
    subject: `Asunto ${marker}`,
    template: "invoice-created",
    html: `<p>HTML-${marker}</p>`,
    text: `Texto ${marker}`,
    provider: "outbox",
  });
  await recordAudit(db, { clientId, contactId: ownerId, action: "profile.updated", details: { fields: ["city"] }, ip: "203.0.113.80" });
  return { service, domain, invoices: created, ticket };
}

beforeAll(async () => {
  db = await setupTestDatabase();
  const clientA = await createTestClient(db, {
    client: { companyName: `Empresa ${a.marker}` },
    owner: { securityQuestion: "firstPet", securityAnswerHash: `$argon2id$v=19$m=19456,t=2,p=1$respuesta${uniqueSuffix()}`, totpSecret: `TOTPSECRET${uniqueSuffix().toUpperCase()}`, totpEnabledAt: new Date() },
  });
  owner = { clientId: clientA.client.id, scope: scopeOf(clientA.client.id), contactId: clientA.owner.id, email: clientA.owner.email, isOwner: true, permissions: [] };
  const sub = await createSubAccount(db, clientA.client.id, ["profile", "contacts", "invoices", "emails"]);
  subAccount = { clientId: clientA.client.id, scope: scopeOf(clientA.client.id), contactId: sub.contact.id, email: sub.contact.email, isOwner: false, permissions: ["profile", "contacts", "invoices", "emails"] };
  const populated = await populate(clientA.client.id, clientA.owner.id, a.marker);
  a.invoiceId = populated.invoices[0]!.id;
  a.reference = populated.invoices[0]!.proformaReference;
  a.domain = populated.domain.name;
  a.service = populated.service.domain;
  a.ticketSubject = populated.ticket.subject;
  // A reset link for the sub-account: personal, so not in the owner's copy.
  await db.insert(sentEmails).values({
    clientId: clientA.client.id,
    contactId: sub.contact.id,
    toAddress: sub.contact.email,
    subject: `Restablecer ${a.marker}`,
    template: "password-reset",
    html: "<p>enlace</p>",
    text: `https://portal.test/recuperar/TOKENSUBCUENTA${a.marker}`,
    provider: "outbox",
  });

  const rows = await db.select().from(contacts).where(eq(contacts.clientId, clientA.client.id));
  secrets = rows.flatMap((row) => [row.passwordHash, row.securityAnswerHash, row.totpSecret]).filter((value): value is string => Boolean(value));
  expect(secrets.length).toBe(4);

  const clientB = await createTestClient(db, { client: { companyName: `Empresa ${b.marker}` } });
  other = { clientId: clientB.client.id, scope: scopeOf(clientB.client.id), contactId: clientB.owner.id, email: clientB.owner.email, isOwner: true, permissions: [] };
  await populate(clientB.client.id, clientB.owner.id, b.marker, 3);
});

beforeEach(() => {
  setTestRequestLocale("es");
  auth.mockReset();
});

describe("GET /api/cuenta/exportar", () => {
  it("gives the owner a JSON download of the account, fresh, never cached or sniffed", async () => {
    signInAs(owner);
    const response = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="datos-cuenta-${madridToday()}.json"; filename*=UTF-8''datos-cuenta-${madridToday()}.json`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const text = await response.text();
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));

    const data = JSON.parse(text);
    expect(data).toMatchObject({ format: "area-de-cliente/account-export", version: 1, amounts: "minor-units" });
    expect(data.profile.companyName).toBe(`Empresa ${a.marker}`);
    expect(data.profile).not.toHaveProperty("id");
    expect(data.contacts.map((contact: { email: string }) => contact.email).sort()).toEqual([owner.email, subAccount.email].sort());
    const ownerContact = data.contacts.find((contact: { isOwner: boolean }) => contact.isOwner);
    expect(ownerContact).toMatchObject({ securityQuestionSet: true });
    expect(ownerContact.twoFactorEnabledAt).toEqual(expect.any(String));
    expect(data.services.map((service: { domain: string }) => service.domain)).toEqual([a.service]);
    expect(data.domains).toMatchObject([
      {
        name: a.domain,
        dnsRecords: [{ host: "www", type: "A", content: "192.0.2.1" }],
        redirects: [{ host: "tienda", kind: "redirect", target: `https://tienda-${a.marker.toLowerCase()}.example/` }],
        whoisContacts: { contacts: { registrant: { name: `Titular ${a.marker}` } }, updatedAt: expect.any(String) },
        privateNameservers: [{ host: `ns1.${a.domain}`, ipv4: ["192.0.2.53"], ipv6: [] }],
      },
    ]);
    expect(ownerContact.passkeys).toEqual([{ deviceName: `Portátil ${a.marker}`, createdAt: expect.any(String), lastUsedAt: null }]);
    expect(text).not.toContain(`CREDENCIAL${a.marker}`);

    expect(data.invoices).toHaveLength(1);
    const [invoice] = data.invoices;
    expect(invoice).toMatchObject({ id: a.invoiceId, proformaReference: a.reference, notes: `Nota ${a.marker} 0`, number: null });
    expect(invoice.lines).toMatchObject([{ description: `Línea ${a.marker} 0`, quantity: 1, unitAmount: 1000, taxAmount: 210 }]);
    expect(invoice.payments).toMatchObject([{ gateway: "sandbox", gatewayReference: `pago-${a.marker}-0`, amount: 500, currency: "EUR" }]);
    expect(data.quotes).toMatchObject([{ reference: `OF-${a.marker}`, lines: [{ description: `Línea de oferta ${a.marker}` }] }]);
    expect(text).not.toContain(`BORRADOR-${a.marker}`);
    expect(data.credit).toMatchObject({ balances: [{ currency: "EUR", amount: 2500 }], entries: [{ amount: 2500, description: `Depósito ${a.marker}` }] });

    const [ticket] = data.tickets;
    expect(ticket.subject).toBe(a.ticketSubject);
    expect(ticket.replies.map((reply: { message: string }) => reply.message)).toEqual([`Mensaje ${a.marker}`, `Respuesta ${a.marker}`]);
    expect(ticket.replies[0].attachments).toEqual([
      { fileName: `captura-${a.marker}.png`, mimeType: "image/png", sizeBytes: ATTACHMENT_BYTES.length, createdAt: expect.any(String) },
    ]);

    expect(data.sentEmails).toEqual([{ createdAt: expect.any(String), to: `correo-${a.marker.toLowerCase()}@test.local`, subject: `Asunto ${a.marker}`, text: `Texto ${a.marker}` }]);
    expect(text).not.toContain(`HTML-${a.marker}`);
    expect(data.activity).toContainEqual(
      expect.objectContaining({ action: "profile.updated", details: { fields: ["city"] }, ip: "203.0.113.80", by: expect.objectContaining({ kind: "contact", contactId: owner.contactId }) }),
    );
  });

  it("holds no password, security answer or TOTP secret, nor the attachments' bytes", async () => {
    signInAs(owner);
    const text = await (await download()).text();
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/passwordHash|securityAnswerHash|totpSecret|totpLastStep|sessionVersion/);
    for (const encoding of ["utf8", "base64", "hex"] as const) expect(text).not.toContain(ATTACHMENT_BYTES.toString(encoding));
  });

  it("holds nothing of another client, nor another person's single-use link", async () => {
    signInAs(owner);
    const text = await (await download()).text();
    expect(text).toContain(a.marker);
    expect(text).not.toContain(b.marker);
    expect(text).not.toContain(b.marker.toLowerCase());
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(`TOKENSUBCUENTA${a.marker}`);

    signInAs(other);
    const theirs = await (await download()).text();
    expect(theirs).toContain(b.marker);
    expect(theirs).not.toContain(a.marker);
  });

  it("writes a data.exported row with the owner and the IP, in the same transaction as the reads", async () => {
    const before = (await exportedAudits(owner.clientId)).length;
    signInAs(owner);
    expect((await download()).status).toBe(200);
    const rows = await exportedAudits(owner.clientId);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ contactId: owner.contactId, ip: "192.0.2.44", action: "data.exported" });
  });

  it("answers 403 to a sub-account, whatever its permissions, and writes nothing", async () => {
    const before = (await exportedAudits(owner.clientId)).length;
    signInAs(subAccount);
    setTestRequestLocale("en");
    const response = await download();
    expect(response.status).toBe(403);
    expect(response.headers.get("content-disposition")).toBeNull();
    const body = await response.text();
    expect(body).toBe("Only the account holder can download the account's data.");
    expect(body).not.toContain(a.marker);
    expect(await exportedAudits(owner.clientId)).toHaveLength(before);
  });

  it("sends a signed-out visitor to /acceder", async () => {
    signInAs(null);
    const error = await download().then(
      () => null,
      (thrown: unknown) => thrown as { digest?: string },
    );
    expect(error?.digest).toMatch(/^NEXT_REDIRECT;.*;\/acceder;/);
  });
});

describe("/cuenta/exportar", () => {
  it("is forbidden to a sub-account, whatever its permissions", async () => {
    // What next.config's experimental.authInterrupts sets in the app, so forbidden() throws its 403.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    signInAs(subAccount);
    const error = await ExportPage().then(
      () => null,
      (thrown: unknown) => thrown as { digest?: string },
    );
    vi.unstubAllEnvs();
    expect(error?.digest).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });
});

describe("exportAccountData", () => {
  it("sends the same number of statements for 1 invoice or 3, each naming the client", async () => {
    const small = countingDatabase(db);
    await exportAccountData(owner, { db: small.db });
    const large = countingDatabase(db);
    await exportAccountData(other, { db: large.db });
    expect(large.statements.length).toBe(small.statements.length);
    // "set transaction", one select per table, the audit insert.
    expect(small.statements).toHaveLength(26);
    const reads = small.statements.filter((statement) => /^select/i.test(statement));
    expect(reads).toHaveLength(24);
    for (const statement of reads) expect(statement).toMatch(/"client_id" = \$\d+|"clients"\."id" = \$\d+/);
  });
});
