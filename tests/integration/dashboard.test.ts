import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import {
  affiliates,
  announcements,
  clientFiles,
  creditLedgerEntries,
  domains,
  invoices,
  services,
  ticketDepartments,
  tickets,
  type InvoiceStatus,
  type ServiceStatus,
  type TicketStatus,
} from "@/db/schema";
import { getDashboard, type Dashboard, type DashboardOptions } from "@/lib/dashboard/get-dashboard";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestProduct } from "@/tests/helpers/factories";
import { scopeOf } from "@/tests/helpers/scope";
import { countingDatabase } from "@/tests/helpers/counting-database";

// Fixed so "overdue" does not depend on the day the suite runs.
const TODAY = "2026-03-15";
const EVERYTHING: DashboardOptions = { allowed: () => true, today: TODAY };
const INVOICES_ONLY: DashboardOptions = { allowed: (permission) => permission === "invoices", today: TODAY };

/** The four tiles on top of the page, as the page reads them from the parts; null where the part is hidden. */
function countsOf(dashboard: Dashboard) {
  return {
    activeServices: dashboard.services?.activeCount ?? null,
    domains: dashboard.domains?.count ?? null,
    openTickets: dashboard.tickets?.count ?? null,
    unpaidInvoices: dashboard.billing?.unpaid.count ?? null,
  };
}

let db: Database;
let productId: number;
let departmentId: number;
let departmentName: string;

const unique = () => randomUUID().replace(/-/g, "").slice(0, 10);

type InvoiceSpec = { status?: InvoiceStatus; dueDate?: string; total?: number; amountPaid?: number };
type ClientSpec = {
  invoices?: InvoiceSpec[];
  services?: { status: ServiceStatus; registrationDate?: string }[];
  tickets?: { status: TicketStatus; lastReplyAt?: Date }[];
  domains?: schema.DomainStatus[];
  files?: number;
  credit?: number[];
  affiliate?: boolean;
};

/** A client with an owner contact and exactly the rows the spec asks for; returns the ids created. */
async function createClient(spec: ClientSpec = {}) {
  const tag = unique();
  const { client, owner } = await createTestClient(db, {
    client: { firstName: "Cliente", lastName: tag, companyName: `Empresa ${tag} S.L.`, address1: "Calle Mayor, 1", city: "Sevilla", province: "Sevilla", postcode: "41001" },
  });
  const clientId = client.id;
  const email = owner.email;
  const invoiceRows = spec.invoices?.length
    ? await db
        .insert(invoices)
        .values(
          spec.invoices.map((invoice, index) => ({
            clientId,
            proformaReference: `P-${tag}-${index}`,
            status: invoice.status ?? "unpaid",
            issueDate: "2026-02-01",
            dueDate: invoice.dueDate ?? "2026-04-01",
            subtotal: invoice.total ?? 12100,
            total: invoice.total ?? 12100,
            amountPaid: invoice.amountPaid ?? 0,
            clientSnapshot: { name: tag, companyName: null, taxId: null, address: "", city: "", province: "", postcode: "", country: "ES" },
          })),
        )
        .returning({ id: invoices.id })
    : [];
  const serviceRows = spec.services?.length
    ? await db
        .insert(services)
        .values(
          spec.services.map((service, index) => ({
            clientId,
            productId,
            domain: `web${index}-${tag}.es`,
            status: service.status,
            billingCycle: "annually" as const,
            registrationDate: service.registrationDate ?? `2025-01-${String((index % 28) + 1).padStart(2, "0")}`,
            nextDueDate: "2026-06-01",
          })),
        )
        .returning({ id: services.id })
    : [];
  const ticketRows = spec.tickets?.length
    ? await db
        .insert(tickets)
        .values(
          spec.tickets.map((ticket, index) => ({
            clientId,
            departmentId,
            reference: `${tag.slice(0, 10)}${index}`,
            subject: `Consulta ${index} de ${tag}`,
            status: ticket.status,
            lastReplyAt: ticket.lastReplyAt ?? new Date(Date.UTC(2026, 2, 1, 10, index)),
          })),
        )
        .returning({ id: tickets.id })
    : [];
  if (spec.domains?.length) {
    await db.insert(domains).values(
      spec.domains.map((status, index) => ({ clientId, name: `dominio${index}-${tag}.es`, tld: "es", status, registrationDate: "2025-01-01", nameservers: [] })),
    );
  }
  const fileRows = spec.files
    ? await db
        .insert(clientFiles)
        .values(
          Array.from({ length: spec.files }, (_, index) => ({
            clientId,
            title: `Contrato ${index} ${tag}`,
            fileName: `contrato-${index}.pdf`,
            mimeType: "application/pdf",
            sizeBytes: 4,
            data: Buffer.from("%PDF"),
          })),
        )
        .returning({ id: clientFiles.id })
    : [];
  if (spec.credit?.length) {
    await db.insert(creditLedgerEntries).values(spec.credit.map((amount) => ({ clientId, amount, kind: amount > 0 ? ("deposit" as const) : ("adjustment" as const), description: "Prueba" })));
  }
  if (spec.affiliate) {
    await db.insert(affiliates).values({ clientId, referralCode: `AF${tag}`, visitors: 120, signups: 3, commissionPending: 1500, commissionAvailable: 4250 });
  }
  return {
    clientId,
    email,
    invoiceIds: invoiceRows.map((row) => row.id),
    serviceIds: serviceRows.map((row) => row.id),
    ticketIds: ticketRows.map((row) => row.id),
    fileIds: fileRows.map((row) => row.id),
  };
}


beforeAll(async () => {
  db = await setupTestDatabase();
  const tag = unique();
  productId = (await createTestProduct(db, { name: `Plan Básico ${tag}` })).id;
  departmentName = `Soporte técnico ${tag}`;
  const [department] = await db.insert(ticketDepartments).values({ name: departmentName }).returning({ id: ticketDepartments.id });
  departmentId = department!.id;
});

describe("getDashboard", () => {
  it("adds up unpaid invoices, counts overdue ones against today, and lists them by due date", async () => {
    const a = await createClient({
      invoices: [
        { dueDate: "2026-04-01", total: 12100 },
        { dueDate: "2026-03-01", total: 6050, amountPaid: 1000 },
        { dueDate: TODAY, total: 2420 },
        { status: "payment_pending", dueDate: "2026-02-20", total: 3630 },
        { status: "paid", dueDate: "2026-01-01", total: 99900, amountPaid: 99900 },
        { status: "cancelled", dueDate: "2026-01-01", total: 5000 },
      ],
    });
    const dashboard = await getDashboard(scopeOf(a.clientId), EVERYTHING);
    expect(dashboard.billing!.unpaid).toMatchObject({ count: 4, totalDue: 12100 + 5050 + 2420 + 3630, overdueCount: 2, currency: "EUR" });
    expect(countsOf(dashboard).unpaidInvoices).toBe(4);
    const items = dashboard.billing!.unpaid.items;
    expect(items.map((item) => item.dueDate)).toEqual(["2026-02-20", "2026-03-01", TODAY, "2026-04-01"]);
    expect(items.map((item) => item.overdue)).toEqual([true, true, false, false]);
    expect(items[1]).toMatchObject({ amountDue: 5050, total: 6050, status: "unpaid", reference: expect.stringMatching(/^P-/) });
    expect(items[0]!.status).toBe("payment_pending");
  });

  it("shows the client's details, owner email, credit balance and affiliate summary", async () => {
    const a = await createClient({ credit: [5000, -1250, 300], affiliate: true });
    const dashboard = await getDashboard(scopeOf(a.clientId), EVERYTHING);
    expect(dashboard.client).toMatchObject({ firstName: "Cliente", address1: "Calle Mayor, 1", city: "Sevilla", postcode: "41001", country: "ES", email: a.email });
    expect(dashboard.client!.companyName).toMatch(/S\.L\.$/);
    expect(dashboard.billing!.creditBalance).toBe(4050);
    expect(dashboard.billing!.affiliate).toMatchObject({ visitors: 120, signups: 3, commissionAvailable: 4250, commissionPending: 1500, currency: "EUR" });
  });

  it("counts active services, current domains and open tickets, and lists only open tickets, latest reply first", async () => {
    const a = await createClient({
      services: [{ status: "active" }, { status: "active" }, { status: "suspended" }, { status: "pending" }, { status: "terminated" }, { status: "cancelled" }],
      domains: ["active", "active", "pending_transfer", "expired", "cancelled"],
      tickets: [
        { status: "open", lastReplyAt: new Date("2026-03-10T09:00:00Z") },
        { status: "answered", lastReplyAt: new Date("2026-03-12T09:00:00Z") },
        { status: "closed", lastReplyAt: new Date("2026-03-14T09:00:00Z") },
        { status: "customer_reply", lastReplyAt: new Date("2026-03-11T09:00:00Z") },
      ],
    });
    const dashboard = await getDashboard(scopeOf(a.clientId), EVERYTHING);
    expect(countsOf(dashboard)).toEqual({ activeServices: 2, domains: 3, openTickets: 3, unpaidInvoices: 0 });
    expect(dashboard.services!.items.map((service) => service.status).sort()).toEqual(["active", "active", "pending", "suspended"]);
    expect(dashboard.services!.items[0]!.productName).toMatch(/^Plan Básico/);
    expect(dashboard.tickets!.items.map((ticket) => ticket.status)).toEqual(["answered", "customer_reply", "open"]);
    expect(dashboard.tickets!.items[0]!.departmentName).toBe(departmentName);
  });

  it("caps the lists but keeps counting every row", async () => {
    const a = await createClient({
      invoices: Array.from({ length: 20 }, (_, index) => ({ dueDate: `2026-05-${String(index + 1).padStart(2, "0")}`, total: 1000 })),
      tickets: Array.from({ length: 20 }, () => ({ status: "open" as const })),
      services: Array.from({ length: 20 }, () => ({ status: "active" as const })),
    });
    const dashboard = await getDashboard(scopeOf(a.clientId), EVERYTHING);
    expect(dashboard.billing!.unpaid).toMatchObject({ count: 20, totalDue: 20000, overdueCount: 0 });
    expect(dashboard.billing!.unpaid.items).toHaveLength(10);
    expect(dashboard.billing!.unpaid.items[0]!.dueDate).toBe("2026-05-01");
    expect(dashboard.tickets!.count).toBe(20);
    expect(dashboard.tickets!.items).toHaveLength(5);
    // Tickets were created with lastReplyAt growing by a minute each: the newest come first.
    expect(dashboard.tickets!.items.map((ticket) => ticket.id)).toEqual(a.ticketIds.slice(-5).reverse());
    expect(dashboard.services!.items).toHaveLength(10);
    expect(countsOf(dashboard).activeServices).toBe(20);
  });

  it("never shows anything of another client", async () => {
    const spec: ClientSpec = {
      invoices: [{ dueDate: "2026-03-01" }, {}],
      services: [{ status: "active" }],
      tickets: [{ status: "open" }],
      domains: ["active"],
      files: 2,
      credit: [700],
      affiliate: true,
    };
    const a = await createClient(spec);
    const b = await createClient({ ...spec, invoices: [{ total: 50000 }, { total: 50000 }, { total: 50000 }], credit: [99999] });

    const dashboard = await getDashboard(scopeOf(a.clientId), EVERYTHING);
    const ids = {
      invoices: dashboard.billing!.unpaid.items.map((item) => item.id),
      services: dashboard.services!.items.map((item) => item.id),
      tickets: dashboard.tickets!.items.map((item) => item.id),
      files: dashboard.files.map((item) => item.id),
    };
    expect(ids).toEqual({
      invoices: a.invoiceIds,
      services: a.serviceIds,
      tickets: a.ticketIds,
      files: [...a.fileIds].reverse(),
    });
    for (const id of b.invoiceIds) expect(ids.invoices).not.toContain(id);
    for (const id of b.serviceIds) expect(ids.services).not.toContain(id);
    for (const id of b.ticketIds) expect(ids.tickets).not.toContain(id);
    for (const id of b.fileIds) expect(ids.files).not.toContain(id);
    expect(dashboard.billing!.unpaid).toMatchObject({ count: 2, totalDue: 24200 });
    expect(countsOf(dashboard)).toEqual({ activeServices: 1, domains: 1, openTickets: 1, unpaidInvoices: 2 });
    expect(dashboard.billing!.creditBalance).toBe(700);
    expect(dashboard.client!.email).toBe(a.email);
    expect(dashboard.billing!.affiliate!.referralCode).not.toBe((await getDashboard(scopeOf(b.clientId), EVERYTHING)).billing!.affiliate!.referralCode);
  });

  it("gives a sub-account with only the invoices permission no tickets, services or domains, and does not query them", async () => {
    const a = await createClient({ invoices: [{}], services: [{ status: "active" }], tickets: [{ status: "open" }], domains: ["active"], files: 1 });
    const counting = countingDatabase(db);
    const dashboard = await getDashboard(scopeOf(a.clientId), { ...INVOICES_ONLY, db: counting.db });
    expect(dashboard.services).toBeNull();
    expect(dashboard.tickets).toBeNull();
    expect(countsOf(dashboard)).toEqual({ activeServices: null, domains: null, openTickets: null, unpaidInvoices: 1 });
    expect(dashboard.billing!.unpaid.count).toBe(1);
    expect(dashboard.files).toHaveLength(1);
    const sent = counting.statements.join("\n");
    expect(sent).not.toMatch(/"tickets"|"services"|"domains"/);
    // The client, the unpaid invoices, the credit and affiliate row, the files and the announcements.
    expect(counting.statements).toHaveLength(5);
  });

  it("hides money from a user without the invoices permission", async () => {
    const a = await createClient({ invoices: [{}], credit: [1000], affiliate: true, services: [{ status: "active" }] });
    const dashboard = await getDashboard(scopeOf(a.clientId), { ...EVERYTHING, allowed: (permission) => permission !== "invoices" });
    expect(dashboard.billing).toBeNull();
    expect(countsOf(dashboard).unpaidInvoices).toBeNull();
    expect(dashboard.services!.items).toHaveLength(1);
  });

  it("gives an empty client empty lists and zeros", async () => {
    const empty = await createClient();
    const dashboard = await getDashboard(scopeOf(empty.clientId), EVERYTHING);
    expect(dashboard).toMatchObject({
      billing: { unpaid: { count: 0, totalDue: 0, overdueCount: 0, items: [] }, creditBalance: 0, affiliate: null },
      services: { activeCount: 0, items: [] },
      domains: { count: 0 },
      tickets: { count: 0, items: [] },
      files: [],
    });
    expect(dashboard.client!.email).toBe(empty.email);
  });

  it("sends the same number of statements for 1 row or 20", async () => {
    const small = await createClient({ invoices: [{}], tickets: [{ status: "open" }], services: [{ status: "active" }], files: 1, domains: ["active"] });
    const large = await createClient({
      invoices: Array.from({ length: 20 }, () => ({})),
      tickets: Array.from({ length: 20 }, () => ({ status: "open" as const })),
      services: Array.from({ length: 20 }, () => ({ status: "active" as const })),
      files: 20,
      domains: Array.from({ length: 20 }, () => "active" as const),
    });
    const first = countingDatabase(db);
    await getDashboard(scopeOf(small.clientId), { ...EVERYTHING, db: first.db });
    const second = countingDatabase(db);
    const dashboard = await getDashboard(scopeOf(large.clientId), { ...EVERYTHING, db: second.db });
    expect(dashboard.files).toHaveLength(20);
    // One per part, two for billing (its invoices and its credit and affiliate row).
    expect(first.statements).toHaveLength(9);
    expect(second.statements).toHaveLength(first.statements.length);
  });

  it("puts the client id in the WHERE of every customer statement", async () => {
    const a = await createClient();
    const counting = countingDatabase(db);
    await getDashboard(scopeOf(a.clientId), { ...EVERYTHING, db: counting.db });
    const customerStatements = counting.statements.filter((statement) => !/from "announcements"/.test(statement));
    expect(customerStatements).toHaveLength(8);
    // Subqueries and FILTER clauses come earlier in the text: the statement's own WHERE is the last one.
    for (const statement of customerStatements) {
      expect(statement.slice(statement.lastIndexOf("where "))).toMatch(/^where \(?("[a-z_]+"\."client_id"|"clients"\."id") = \$\d+/);
    }
  });

  it("lists up to three published announcements, newest first, none from the future", async () => {
    const tag = unique();
    // Announcements are global and other files publish some too: ours are the newest by a margin
    // of seconds, which no other file's rows (published at least a minute ago) can reach.
    const now = Date.now();
    await db.insert(announcements).values([
      { title: `Viejo ${tag}`, slug: `viejo-${tag}`, body: "x", publishedAt: new Date(now - 3_000) },
      { title: `Medio ${tag}`, slug: `medio-${tag}`, body: "x", publishedAt: new Date(now - 2_000) },
      { title: `Nuevo ${tag}`, slug: `nuevo-${tag}`, body: "x", summary: "Resumen", publishedAt: new Date(now - 1_000) },
      { title: `Borrador ${tag}`, slug: `borrador-${tag}`, body: "x", published: false, publishedAt: new Date(now - 500) },
      { title: `Futuro ${tag}`, slug: `futuro-${tag}`, body: "x", publishedAt: new Date(now + 86_400_000) },
    ]);
    const a = await createClient();
    const { announcements: news } = await getDashboard(scopeOf(a.clientId), EVERYTHING);
    expect(news.length).toBeLessThanOrEqual(3);
    expect(news[0]).toMatchObject({ slug: `nuevo-${tag}`, summary: "Resumen" });
    expect(news.map((item) => item.slug)).not.toContain(`borrador-${tag}`);
    expect(news.map((item) => item.slug)).not.toContain(`futuro-${tag}`);
    const times = news.map((item) => item.publishedAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it("answers for a client id that does not exist without failing", async () => {
    const dashboard = await getDashboard(scopeOf(2_000_000_000), EVERYTHING);
    expect(dashboard.client).toBeNull();
    expect(dashboard.files).toEqual([]);
    expect(dashboard.billing!.unpaid.count).toBe(0);
  });
});

describe("madridToday", () => {
  it("uses the Madrid calendar day, not UTC", () => {
    // 23:30 UTC on 31 March is already 1 April in Madrid (summer time, UTC+2).
    expect(madridToday(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    expect(madridToday(new Date("2026-01-15T22:59:00Z"))).toBe("2026-01-15");
  });
});
