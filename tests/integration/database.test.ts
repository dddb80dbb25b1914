import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { clients, contacts, domains, invoiceLines, invoices, services, tickets } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import {
  createSubAccount,
  createTestAnnouncement,
  createTestClient,
  createTestClientFile,
  createTestDomain,
  createTestInvoice,
  createTestService,
  createTestTicket,
} from "@/tests/helpers/factories";

let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
});

afterAll(async () => {
  await teardownTestDatabase();
});

describe("test database", () => {
  it("is migrated: a client can be written and read back", async () => {
    const [inserted] = await db
      .insert(clients)
      .values({ firstName: "Íñigo", lastName: "Muñoz", companyName: "Ñandú Hosting, S.L.", taxId: "B12345678" })
      .returning();
    expect(inserted?.id).toBeGreaterThan(0);

    const [read] = await db.select().from(clients).where(eq(clients.id, inserted!.id));
    expect(read).toMatchObject({ firstName: "Íñigo", lastName: "Muñoz", companyName: "Ñandú Hosting, S.L.", country: "ES", currency: "EUR" });
    expect(read?.createdAt).toBeInstanceOf(Date);
  });

  it("is the one app code reaches through getDb()", async () => {
    expect(await getDb()).toBe(db);
  });
});

describe("factories", () => {
  it("create an owner who can sign in with the returned password", async () => {
    const { client, owner, password } = await createTestClient(db);
    expect(owner).toMatchObject({ clientId: client.id, isOwner: true, hasAccess: true });
    expect(owner.email).toMatch(/^cliente-[0-9a-f]+@test\.local$/);
    expect(await verifyPassword(owner.passwordHash, password)).toBe(true);
    expect(await verifyPassword(owner.passwordHash, `${password}x`)).toBe(false);
  });

  it("create a sub-account with only the permissions asked for", async () => {
    const { client } = await createTestClient(db);
    const { contact } = await createSubAccount(db, client.id, ["invoices", "quotes"]);
    const [read] = await db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(read).toMatchObject({ clientId: client.id, isOwner: false, hasAccess: true, permissions: ["invoices", "quotes"] });
  });

  it("create an invoice whose totals match its line", async () => {
    const { client } = await createTestClient(db);
    const { invoice, line } = await createTestInvoice(db, client.id, { line: { quantity: 3, unitAmount: 333, taxRateBp: 2100 } });
    expect(line).toMatchObject({ invoiceId: invoice.id, lineSubtotal: 999, taxAmount: 210 });
    expect(invoice).toMatchObject({ subtotal: 999, taxTotal: 210, total: 1209, amountPaid: 0, status: "unpaid" });
    expect(invoice.clientSnapshot.name).toBe(`${client.firstName} ${client.lastName}`);
  });

  it("store a client file's bytes unchanged", async () => {
    const { client } = await createTestClient(db);
    const data = Buffer.from([0, 1, 2, 250, 255]);
    const file = await createTestClientFile(db, client.id, { data, fileName: "datos.bin", mimeType: "application/octet-stream" });
    expect(file.sizeBytes).toBe(5);
    expect(Buffer.compare(file.data, data)).toBe(0);
  });

  it("give announcements unique slugs", async () => {
    const [a, b] = await Promise.all([createTestAnnouncement(db), createTestAnnouncement(db)]);
    expect(a.slug).not.toBe(b.slug);
  });
});

describe("client isolation", () => {
  it("a query scoped by client id never returns another client's rows", async () => {
    const alice = await createTestClient(db);
    const bob = await createTestClient(db);
    const rows = {
      alice: {
        invoice: (await createTestInvoice(db, alice.client.id)).invoice,
        service: await createTestService(db, alice.client.id),
        domain: await createTestDomain(db, alice.client.id),
        ticket: (await createTestTicket(db, alice.client.id)).ticket,
      },
      bob: {
        invoice: (await createTestInvoice(db, bob.client.id)).invoice,
        service: await createTestService(db, bob.client.id),
        domain: await createTestDomain(db, bob.client.id),
        ticket: (await createTestTicket(db, bob.client.id)).ticket,
      },
    };

    for (const [who, other] of [
      ["alice", "bob"],
      ["bob", "alice"],
    ] as const) {
      const clientId = (who === "alice" ? alice : bob).client.id;
      const own = rows[who];
      const foreign = rows[other];

      const invoiceIds = (await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.clientId, clientId))).map((r) => r.id);
      expect(invoiceIds).toEqual([own.invoice.id]);
      const serviceIds = (await db.select({ id: services.id }).from(services).where(eq(services.clientId, clientId))).map((r) => r.id);
      expect(serviceIds).toEqual([own.service.id]);
      const domainIds = (await db.select({ id: domains.id }).from(domains).where(eq(domains.clientId, clientId))).map((r) => r.id);
      expect(domainIds).toEqual([own.domain.id]);
      const ticketIds = (await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.clientId, clientId))).map((r) => r.id);
      expect(ticketIds).toEqual([own.ticket.id]);

      // Asking for the other client's invoice by id, scoped to this client, is "not found".
      const byId = await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.id, foreign.invoice.id), eq(invoices.clientId, clientId)));
      expect(byId).toEqual([]);

      const lines = await db
        .select({ id: invoiceLines.id })
        .from(invoiceLines)
        .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .where(eq(invoices.clientId, clientId));
      expect(lines).toHaveLength(1);
    }
  });
});
