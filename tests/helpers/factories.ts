import { randomBytes, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  announcements,
  clientFiles,
  clients,
  contacts,
  domains,
  invoiceLines,
  invoices,
  productGroups,
  products,
  services,
  ticketDepartments,
  PERMISSIONS,
  ticketReplies,
  tickets,
  type Permission,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { unsafeClientScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";

// Rows for tests. Every value that has to be unique is random, so files sharing one PostgreSQL
// database (DATABASE_URL mode) never collide and never depend on what else is in a table.

export const TEST_PASSWORD = "Prueba-Segura-2026!";

type NewClient = typeof clients.$inferInsert;
type NewContact = typeof contacts.$inferInsert;
type NewService = typeof services.$inferInsert;
type NewDomain = typeof domains.$inferInsert;
type NewInvoice = typeof invoices.$inferInsert;
type NewInvoiceLine = typeof invoiceLines.$inferInsert;
type NewTicket = typeof tickets.$inferInsert;
type NewClientFile = typeof clientFiles.$inferInsert;
type NewAnnouncement = typeof announcements.$inferInsert;
type NewProduct = typeof products.$inferInsert;

export type TestClient = typeof clients.$inferSelect;
export type TestContact = typeof contacts.$inferSelect;

// argon2id takes a noticeable fraction of a second: hash each password once per worker process.
const passwordHashes = new Map<string, Promise<string>>();
export function testPasswordHash(password: string = TEST_PASSWORD): Promise<string> {
  let cached = passwordHashes.get(password);
  if (!cached) {
    cached = hashPassword(password);
    passwordHashes.set(password, cached);
  }
  return cached;
}

export function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

export function uniqueEmail(prefix = "cliente"): string {
  return `${prefix}-${uniqueSuffix()}@test.local`;
}

/** YYYY-MM-DD, `days` from today (negative for the past). */
export function isoDate(days = 0): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function first<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error("Insert returned no row");
  return row;
}

export async function createTestClient(
  db: Executor,
  overrides: { client?: Partial<NewClient>; owner?: Partial<NewContact>; password?: string } = {},
): Promise<{ client: TestClient; owner: TestContact; password: string }> {
  const password = overrides.password ?? TEST_PASSWORD;
  const suffix = uniqueSuffix();
  const client = first(
    await db
      .insert(clients)
      .values({
        firstName: "Lucía",
        lastName: `Prueba ${suffix}`,
        address1: "Calle Mayor 1",
        city: "Madrid",
        province: "Madrid",
        postcode: "28013",
        country: "ES",
        ...overrides.client,
      })
      .returning(),
  );
  const owner = first(
    await db
      .insert(contacts)
      .values({
        clientId: client.id,
        isOwner: true,
        hasAccess: true,
        firstName: client.firstName,
        lastName: client.lastName,
        email: `cliente-${suffix}@test.local`,
        passwordHash: await testPasswordHash(password),
        ...overrides.owner,
      })
      .returning(),
  );
  return { client, owner, password };
}

/** A new client's owner, as the session carries them once signed in. */
export async function createSignedInOwner(db: Executor, client: Partial<NewClient> = {}): Promise<SessionUser> {
  const { client: row, owner } = await createTestClient(db, { client });
  return {
    contactId: owner.id,
    clientId: row.id,
    scope: unsafeClientScope(row.id),
    isOwner: true,
    permissions: [],
    name: `${owner.firstName} ${owner.lastName}`,
    email: owner.email,
    sessionId: 0,
  };
}

/** What the session carries for `contact` once signed in; owners hold every permission. */
export function sessionUserFor(contact: TestContact, sessionId = 0): SessionUser {
  return {
    contactId: contact.id,
    clientId: contact.clientId,
    scope: unsafeClientScope(contact.clientId),
    isOwner: contact.isOwner,
    permissions: contact.isOwner ? [...PERMISSIONS] : contact.permissions,
    name: `${contact.firstName} ${contact.lastName}`,
    email: contact.email,
    sessionId,
  };
}

export async function createSubAccount(
  db: Executor,
  clientId: number,
  permissions: Permission[],
  overrides: Partial<NewContact> & { password?: string } = {},
): Promise<{ contact: TestContact; password: string }> {
  const { password = TEST_PASSWORD, ...values } = overrides;
  const contact = first(
    await db
      .insert(contacts)
      .values({
        clientId,
        isOwner: false,
        hasAccess: true,
        firstName: "Pablo",
        lastName: `Subcuenta ${uniqueSuffix()}`,
        email: uniqueEmail("subcuenta"),
        permissions,
        passwordHash: await testPasswordHash(password),
        ...values,
      })
      .returning(),
  );
  return { contact, password };
}

export async function createTestProduct(db: Executor, overrides: Partial<NewProduct> = {}) {
  const suffix = uniqueSuffix();
  const groupId =
    overrides.groupId ??
    first(await db.insert(productGroups).values({ name: `Alojamiento ${suffix}`, slug: `alojamiento-${suffix}` }).returning()).id;
  return first(
    await db
      .insert(products)
      .values({ groupId, type: "hosting", name: `Hosting Prueba ${suffix}`, diskLimitMb: 10_240, bandwidthLimitMb: 102_400, ...overrides })
      .returning(),
  );
}

export async function createTestService(db: Executor, clientId: number, overrides: Partial<NewService> = {}) {
  const productId = overrides.productId ?? (await createTestProduct(db)).id;
  return first(
    await db
      .insert(services)
      .values({
        clientId,
        productId,
        domain: `web-${uniqueSuffix()}.es`,
        username: `u${uniqueSuffix()}`,
        status: "active",
        billingCycle: "annually",
        firstPaymentAmount: 5990,
        recurringAmount: 5990,
        registrationDate: isoDate(-200),
        nextDueDate: isoDate(165),
        diskLimitMb: 10_240,
        bandwidthLimitMb: 102_400,
        ...overrides,
      })
      .returning(),
  );
}

export async function createTestDomain(db: Executor, clientId: number, overrides: Partial<NewDomain> = {}) {
  return first(
    await db
      .insert(domains)
      .values({
        clientId,
        name: `dominio-${uniqueSuffix()}.es`,
        tld: "es",
        status: "active",
        registrationDate: isoDate(-300),
        expiryDate: isoDate(65),
        nextDueDate: isoDate(65),
        recurringAmount: 1299,
        nameservers: [],
        ...overrides,
      })
      .returning(),
  );
}

/** An invoice with one line; totals are computed from the line (tax rounded once, in cents). */
export async function createTestInvoice(
  db: Executor,
  clientId: number,
  overrides: { invoice?: Partial<NewInvoice>; line?: Partial<NewInvoiceLine> } = {},
) {
  const quantity = overrides.line?.quantity ?? 1;
  const unitAmount = overrides.line?.unitAmount ?? 1000;
  const taxRateBp = overrides.line?.taxRateBp ?? 2100;
  const lineSubtotal = quantity * unitAmount;
  const taxAmount = Math.round((lineSubtotal * taxRateBp) / 10_000);

  const [owner] = await db.select().from(clients).where(eq(clients.id, clientId));
  if (!owner) throw new Error(`No client ${clientId}`);

  const invoice = first(
    await db
      .insert(invoices)
      .values({
        clientId,
        proformaReference: `PRO-${uniqueSuffix()}`,
        status: "unpaid",
        issueDate: isoDate(-5),
        dueDate: isoDate(10),
        subtotal: lineSubtotal,
        taxTotal: taxAmount,
        total: lineSubtotal + taxAmount,
        amountPaid: 0,
        clientSnapshot: {
          name: `${owner.firstName} ${owner.lastName}`,
          companyName: owner.companyName,
          taxId: owner.taxId,
          address: owner.address1,
          city: owner.city,
          province: owner.province,
          postcode: owner.postcode,
          country: owner.country,
        },
        ...overrides.invoice,
      })
      .returning(),
  );
  const line = first(
    await db
      .insert(invoiceLines)
      .values({
        invoiceId: invoice.id,
        description: "Hosting Prueba (01/01/2026 - 31/12/2026)",
        quantity,
        unitAmount,
        taxRateBp,
        taxAmount,
        lineSubtotal,
        ...overrides.line,
      })
      .returning(),
  );
  return { invoice, line };
}

/** A ticket with its first message; a department is created unless one is given. */
export async function createTestTicket(
  db: Executor,
  clientId: number,
  overrides: Partial<NewTicket> & { message?: string } = {},
) {
  const { message = "Mi web no carga desde esta mañana.", ...values } = overrides;
  const departmentId =
    values.departmentId ?? first(await db.insert(ticketDepartments).values({ name: `Soporte ${uniqueSuffix()}` }).returning()).id;
  const ticket = first(
    await db
      .insert(tickets)
      .values({
        clientId,
        departmentId,
        reference: String(randomInt(100_000_000, 999_999_999)),
        subject: `Consulta ${uniqueSuffix()}`,
        status: "open",
        ...values,
      })
      .returning(),
  );
  const reply = first(
    await db
      .insert(ticketReplies)
      .values({ ticketId: ticket.id, contactId: ticket.contactId, authorName: "Lucía Prueba", message })
      .returning(),
  );
  return { ticket, reply };
}

export async function createTestClientFile(db: Executor, clientId: number, overrides: Partial<NewClientFile> = {}) {
  const data = overrides.data ?? Buffer.from("%PDF-1.4\n% contrato de prueba\n%%EOF\n");
  return first(
    await db
      .insert(clientFiles)
      .values({
        clientId,
        title: `Contrato ${uniqueSuffix()}`,
        fileName: "contrato.pdf",
        mimeType: "application/pdf",
        sizeBytes: data.length,
        data,
        ...overrides,
      })
      .returning(),
  );
}

/** Published a day ago by default, so it never outranks a test's own "newest" announcement in a shared database. */
export async function createTestAnnouncement(db: Executor, overrides: Partial<NewAnnouncement> = {}) {
  const suffix = uniqueSuffix();
  return first(
    await db
      .insert(announcements)
      .values({
        title: `Mantenimiento programado ${suffix}`,
        slug: `mantenimiento-${suffix}`,
        summary: "Trabajos de mantenimiento en los servidores.",
        body: "Durante la noche del sábado actualizaremos los servidores.",
        published: true,
        publishedAt: new Date(Date.now() - 86_400_000),
        ...overrides,
      })
      .returning(),
  );
}
