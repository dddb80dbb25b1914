import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { invoiceLines, invoices, payments, quoteLines, quotes, type InvoiceStatus, type QuoteStage } from "@/db/schema";
import { COMPANY_SETTINGS } from "@/db/seed/reference-data";
import { getInvoiceView } from "@/lib/billing/queries/invoice-view";
import { getInvoiceSummary, INVOICE_SORTS, listInvoices, type InvoiceFilter, type InvoiceSort } from "@/lib/billing/queries/list-invoices";
import { listQuotes } from "@/lib/billing/queries/list-quotes";
import { getQuoteView } from "@/lib/billing/queries/quote-view";
import { listUnpaidInvoices } from "@/lib/billing/queries/unpaid-invoices";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, uniqueSuffix } from "@/tests/helpers/factories";
import { scopeOf } from "@/tests/helpers/scope";
import { countingDatabase } from "@/tests/helpers/counting-database";

// Fixed so "overdue" does not depend on the day the suite runs.
const TODAY = "2026-03-15";

let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

type LineSpec = { description?: string; quantity?: number; unitAmount: number; taxRateBp?: number };
type InvoiceSpec = {
  status?: InvoiceStatus;
  issueDate?: string;
  dueDate?: string;
  /** Without lines: a single 21 % line is made so the total is this amount's base. */
  total?: number;
  amountPaid?: number;
  numbered?: { series: string; number: number };
  lines?: LineSpec[];
  payments?: { amount: number; gateway?: string; reference?: string | null; at?: Date }[];
  kind?: string;
  taxMention?: string | null;
};

function testSeries(): string {
  return `T${uniqueSuffix()}`;
}

async function newClient(overrides: Partial<typeof schema.clients.$inferInsert> = {}) {
  return (await createTestClient(db, { client: { companyName: `Empresa ${uniqueSuffix()} S.L.`, taxId: "B87654321", ...overrides } })).client;
}

/** An invoice with its lines (tax rounded once per line, as the billing rules say) and payments. */
async function insertInvoice(clientId: number, spec: InvoiceSpec = {}) {
  const lines = (spec.lines ?? [{ unitAmount: spec.total ?? 10000, taxRateBp: 0 }]).map((line, index) => {
    const quantity = line.quantity ?? 1;
    const taxRateBp = line.taxRateBp ?? 2100;
    const lineSubtotal = quantity * line.unitAmount;
    const raw = (lineSubtotal * taxRateBp) / 10000;
    return { description: line.description ?? `Concepto ${index + 1}`, quantity, unitAmount: line.unitAmount, taxRateBp, lineSubtotal, taxAmount: Math.sign(raw) * Math.round(Math.abs(raw)), sortOrder: index + 1 };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const taxTotal = lines.reduce((sum, line) => sum + line.taxAmount, 0);
  const total = subtotal + taxTotal;
  const status = spec.status ?? "unpaid";
  const [row] = await db
    .insert(invoices)
    .values({
      clientId,
      proformaReference: `PRO-T${uniqueSuffix()}`,
      status,
      kind: spec.kind ?? "standard",
      series: spec.numbered?.series ?? null,
      number: spec.numbered?.number ?? null,
      issueDate: spec.issueDate ?? "2026-03-01",
      dueDate: spec.dueDate ?? "2026-03-31",
      paidAt: status === "paid" ? new Date("2026-03-02T10:00:00Z") : null,
      subtotal,
      taxTotal,
      total,
      amountPaid: spec.amountPaid ?? (status === "paid" ? total : 0),
      taxMention: spec.taxMention ?? null,
      clientSnapshot: { name: "Lucía Prueba", companyName: "Empresa S.L.", taxId: "B87654321", address: "Calle Mayor 1", city: "Madrid", province: "Madrid", postcode: "28013", country: "ES" },
    })
    .returning({ id: invoices.id, proformaReference: invoices.proformaReference });
  await db.insert(invoiceLines).values(lines.map((line) => ({ ...line, invoiceId: row!.id })));
  if (spec.payments?.length) {
    await db.insert(payments).values(
      spec.payments.map((payment) => ({
        clientId,
        invoiceId: row!.id,
        gateway: payment.gateway ?? "stripe",
        gatewayReference: payment.reference ?? null,
        amount: payment.amount,
        createdAt: payment.at ?? new Date("2026-03-02T10:00:00Z"),
      })),
    );
  }
  return { id: row!.id, proformaReference: row!.proformaReference, total, subtotal, taxTotal };
}

async function insertQuote(clientId: number, spec: { stage?: QuoteStage; issueDate?: string; validUntil?: string; lines?: LineSpec[] } = {}) {
  const lines = (spec.lines ?? [{ unitAmount: 10000 }]).map((line, index) => {
    const quantity = line.quantity ?? 1;
    const taxRateBp = line.taxRateBp ?? 2100;
    const lineSubtotal = quantity * line.unitAmount;
    return { description: line.description ?? `Línea ${index + 1}`, quantity, unitAmount: line.unitAmount, taxRateBp, lineSubtotal, taxAmount: Math.round((lineSubtotal * taxRateBp) / 10000), sortOrder: index + 1 };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const taxTotal = lines.reduce((sum, line) => sum + line.taxAmount, 0);
  const [row] = await db
    .insert(quotes)
    .values({
      clientId,
      reference: `OF-T${uniqueSuffix()}`,
      subject: `Migración ${uniqueSuffix()}`,
      stage: spec.stage ?? "delivered",
      issueDate: spec.issueDate ?? "2026-03-10",
      validUntil: spec.validUntil ?? "2026-04-10",
      subtotal,
      taxTotal,
      total: subtotal + taxTotal,
      notes: "Pago por adelantado.",
    })
    .returning({ id: quotes.id, reference: quotes.reference });
  await db.insert(quoteLines).values(lines.map((line) => ({ ...line, quoteId: row!.id })));
  return row!;
}


/** Every page of a list, following nextCursor from the first page. */
async function walkForward(clientId: number, sort: InvoiceSort, status: InvoiceFilter, limit: number) {
  const pages: number[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listInvoices(scopeOf(clientId), { sort, status, cursor, limit, today: TODAY });
    pages.push(page.rows.map((row) => row.id));
    if (!page.nextCursor) return { pages, lastPreviousCursor: page.previousCursor };
    cursor = page.nextCursor;
  }
  throw new Error("pagination does not end");
}

type Row = { id: number; issueDate: string; dueDate: string; total: number };
function expectedOrder(rows: Row[], sort: InvoiceSort): number[] {
  const key = (row: Row) => (sort.startsWith("issue") ? row.issueDate : sort.startsWith("due") ? row.dueDate : row.total);
  const descending = sort.endsWith("desc");
  return [...rows]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
      const order = byKey !== 0 ? byKey : a.id - b.id;
      return descending ? -order : order;
    })
    .map((row) => row.id);
}

describe("getInvoiceView", () => {
  it("gives the proforma with issuer, client snapshot, lines, a tax base per rate, payments and the amount due", async () => {
    const client = await newClient();
    const invoice = await insertInvoice(client.id, {
      dueDate: "2026-03-10",
      lines: [
        { description: "Plan Profesional", unitAmount: 11988, taxRateBp: 2100 },
        { description: "Horas de soporte", quantity: 3, unitAmount: 333, taxRateBp: 2100 },
        { description: "Dominio .es", unitAmount: 250, taxRateBp: 2100 },
        { description: "Redirección de correo", unitAmount: 250, taxRateBp: 2100 },
        { description: "Libro técnico", unitAmount: 2000, taxRateBp: 400 },
        { description: "Tasa exenta", unitAmount: 500, taxRateBp: 0 },
      ],
      amountPaid: 1000,
      payments: [{ amount: 1000, gateway: "credit", at: new Date("2026-03-05T09:00:00Z") }],
    });
    const view = await getInvoiceView(scopeOf(client.id), invoice.id, undefined, { today: TODAY });
    expect(view).not.toBeNull();
    expect(view).toMatchObject({
      id: invoice.id,
      clientId: client.id,
      status: "unpaid",
      displayStatus: "overdue",
      isTaxInvoice: false,
      number: null,
      proformaReference: invoice.proformaReference,
      currency: "EUR",
      subtotal: 11988 + 999 + 250 + 250 + 2000 + 500,
      amountPaid: 1000,
      amountDue: invoice.total - 1000,
      issuer: { legalName: COMPANY_SETTINGS.legalName, taxId: COMPANY_SETTINGS.taxId, address1: COMPANY_SETTINGS.address1, postcode: COMPANY_SETTINGS.postcode },
      client: { taxId: "B87654321", city: "Madrid" },
    });
    expect(view!.lines.map((line) => line.description)).toEqual(["Plan Profesional", "Horas de soporte", "Dominio .es", "Redirección de correo", "Libro técnico", "Tasa exenta"]);
    // 21 % rounded once per line: 2517.48 -> 2517, 209.79 -> 210, 52.5 -> 53 twice = 2833, where
    // rounding the rate's base (13487 * 21 % = 2832.27) would give 2832.
    expect(view!.taxBreakdown).toEqual([
      { rateBp: 2100, base: 11988 + 999 + 250 + 250, tax: 2517 + 210 + 53 + 53 },
      { rateBp: 400, base: 2000, tax: 80 },
      { rateBp: 0, base: 500, tax: 0 },
    ]);
    expect(view!.taxBreakdown.reduce((sum, row) => sum + row.tax, 0)).toBe(view!.taxTotal);
    expect(view!.taxBreakdown.reduce((sum, row) => sum + row.base + row.tax, 0)).toBe(view!.total);
    expect(view!.payments).toEqual([{ date: new Date("2026-03-05T09:00:00Z"), gateway: "credit", reference: null, amount: 1000 }]);
  });

  it("names a paid invoice by its series number and owes nothing", async () => {
    const client = await newClient();
    // A series of its own: the real "F<year>" counters belong to the numbering tests running alongside.
    const series = testSeries();
    const invoice = await insertInvoice(client.id, {
      status: "paid",
      numbered: { series, number: 123 },
      payments: [{ amount: 12100, reference: "pi_123" }],
      lines: [{ unitAmount: 10000 }],
    });
    const view = await getInvoiceView(scopeOf(client.id), invoice.id, undefined, { today: TODAY });
    expect(view).toMatchObject({ isTaxInvoice: true, number: `${series}-000123`, displayStatus: "paid", amountDue: 0, total: 12100 });
    expect(view!.paidAt).toBeInstanceOf(Date);
  });

  it("answers null for another client's invoice, a missing id and ids out of range", async () => {
    const a = await newClient();
    const b = await newClient();
    const ofB = await insertInvoice(b.id);
    expect(await getInvoiceView(scopeOf(a.id), ofB.id)).toBeNull();
    expect(await getInvoiceView(scopeOf(b.id), ofB.id)).not.toBeNull();
    expect(await getInvoiceView(scopeOf(a.id), 2_000_000_000)).toBeNull();
    expect(await getInvoiceView(scopeOf(a.id), 0)).toBeNull();
    expect(await getInvoiceView(scopeOf(a.id), -1)).toBeNull();
    expect(await getInvoiceView(scopeOf(a.id), 1.5)).toBeNull();
  });

  it("shows a cancelled or refunded invoice as owing nothing", async () => {
    const client = await newClient();
    const cancelled = await insertInvoice(client.id, { status: "cancelled", dueDate: "2026-01-01" });
    const refunded = await insertInvoice(client.id, { status: "refunded", amountPaid: 0 });
    expect(await getInvoiceView(scopeOf(client.id), cancelled.id, undefined, { today: TODAY })).toMatchObject({ displayStatus: "cancelled", amountDue: 0 });
    expect(await getInvoiceView(scopeOf(client.id), refunded.id, undefined, { today: TODAY })).toMatchObject({ displayStatus: "refunded", amountDue: 0 });
  });

  it("sends three statements for 1 line or 60 lines and 20 payments, each carrying the client id", async () => {
    const client = await newClient();
    const small = await insertInvoice(client.id);
    const large = await insertInvoice(client.id, {
      lines: Array.from({ length: 60 }, (_, index) => ({ unitAmount: 100 + index })),
      payments: Array.from({ length: 20 }, () => ({ amount: 10 })),
    });
    const first = countingDatabase(db);
    await getInvoiceView(scopeOf(client.id), small.id, first.db);
    const second = countingDatabase(db);
    const view = await getInvoiceView(scopeOf(client.id), large.id, second.db);
    expect(view!.lines).toHaveLength(60);
    expect(view!.payments).toHaveLength(20);
    expect(first.statements).toHaveLength(3);
    expect(second.statements).toHaveLength(3);
    for (const statement of second.statements) expect(statement).toMatch(/"invoices"\."client_id" = \$\d+|"payments"\."client_id" = \$\d+/);
  });
});

describe("listInvoices", () => {
  it("covers every invoice exactly once in every sort order, ties broken by id, forwards and backwards", async () => {
    const client = await newClient();
    // Few distinct dates and totals: most rows tie on the sort key, and pages end inside a tie.
    const rows: Row[] = [];
    for (let index = 0; index < 23; index++) {
      const issueDate = `2026-02-0${(index % 3) + 1}`;
      const dueDate = `2026-03-0${(index % 4) + 1}`;
      const created = await insertInvoice(client.id, { issueDate, dueDate, lines: [{ unitAmount: [1000, 2000, 1000, 3000, 2000][index % 5]!, taxRateBp: 0 }] });
      rows.push({ id: created.id, issueDate, dueDate, total: created.total });
    }
    for (const sort of INVOICE_SORTS) {
      const { pages, lastPreviousCursor } = await walkForward(client.id, sort, "all", 5);
      expect(pages.map((page) => page.length), sort).toEqual([5, 5, 5, 5, 3]);
      expect(pages.flat(), sort).toEqual(expectedOrder(rows, sort));

      // Back from the last page with previousCursor: the same pages, in reverse.
      const back: number[][] = [];
      let cursor = lastPreviousCursor;
      while (cursor) {
        const page = await listInvoices(scopeOf(client.id), { sort, status: "all", cursor, limit: 5, today: TODAY });
        back.unshift(page.rows.map((row) => row.id));
        cursor = page.previousCursor;
      }
      expect(back, sort).toEqual(pages.slice(0, -1));
    }
  });

  it("filters by status, with overdue meaning unpaid and due before today", async () => {
    const client = await newClient();
    const ids = {
      unpaidFuture: (await insertInvoice(client.id, { dueDate: "2026-03-20" })).id,
      unpaidToday: (await insertInvoice(client.id, { dueDate: TODAY })).id,
      overdue: (await insertInvoice(client.id, { dueDate: "2026-03-14" })).id,
      pending: (await insertInvoice(client.id, { status: "payment_pending", dueDate: "2026-03-01" })).id,
      paid: (await insertInvoice(client.id, { status: "paid", numbered: { series: testSeries(), number: 7 } })).id,
      cancelled: (await insertInvoice(client.id, { status: "cancelled", dueDate: "2026-01-01" })).id,
      refunded: (await insertInvoice(client.id, { status: "refunded" })).id,
      collections: (await insertInvoice(client.id, { status: "collections", dueDate: "2026-01-01" })).id,
    };
    const idsFor = async (status: InvoiceFilter) =>
      (await listInvoices(scopeOf(client.id), { status, sort: "due_asc", limit: 50, today: TODAY })).rows.map((row) => row.id).sort((x, y) => x - y);
    const sorted = (...values: number[]) => values.sort((x, y) => x - y);
    expect(await idsFor("all")).toEqual(sorted(...Object.values(ids)));
    expect(await idsFor("unpaid")).toEqual(sorted(ids.unpaidFuture, ids.unpaidToday, ids.overdue, ids.pending));
    expect(await idsFor("overdue")).toEqual([ids.overdue]);
    expect(await idsFor("paid")).toEqual([ids.paid]);
    expect(await idsFor("cancelled")).toEqual([ids.cancelled]);
    expect(await idsFor("refunded")).toEqual([ids.refunded]);
    expect(await idsFor("collections")).toEqual([ids.collections]);

    const all = await listInvoices(scopeOf(client.id), { status: "all", sort: "due_asc", limit: 50, today: TODAY });
    const byId = new Map(all.rows.map((row) => [row.id, row]));
    expect(byId.get(ids.overdue)!.displayStatus).toBe("overdue");
    expect(byId.get(ids.unpaidToday)!.displayStatus).toBe("unpaid");
    expect(byId.get(ids.pending)!.displayStatus).toBe("payment_pending");
    expect(byId.get(ids.collections)!.displayStatus).toBe("collections");
    expect(byId.get(ids.paid)!.number).toMatch(/^T[0-9a-f]{10}-000007$/);
    expect(byId.get(ids.paid)!.amountDue).toBe(0);
    expect(byId.get(ids.overdue)!.number).toBeNull();
  });

  it("never lists another client's invoices, even with that client's cursor", async () => {
    const a = await newClient();
    const b = await newClient();
    const ofA = await Promise.all(Array.from({ length: 4 }, () => insertInvoice(a.id)));
    const ofB = await Promise.all(Array.from({ length: 6 }, () => insertInvoice(b.id)));
    const pageA = await listInvoices(scopeOf(a.id), { sort: "issue_desc", limit: 50 });
    expect(pageA.rows.map((row) => row.id).sort((x, y) => x - y)).toEqual(ofA.map((row) => row.id).sort((x, y) => x - y));
    const firstOfB = await listInvoices(scopeOf(b.id), { sort: "issue_desc", limit: 2 });
    const withCursorOfB = await listInvoices(scopeOf(a.id), { sort: "issue_desc", limit: 50, cursor: firstOfB.nextCursor });
    for (const row of withCursorOfB.rows) expect(ofB.map((invoice) => invoice.id)).not.toContain(row.id);
    for (const status of ["unpaid", "overdue", "all"] as const) {
      const rows = (await listInvoices(scopeOf(a.id), { sort: "due_asc", status, limit: 50, today: "2027-01-01" })).rows;
      for (const row of rows) expect(ofB.map((invoice) => invoice.id)).not.toContain(row.id);
    }
  });

  it("reads a malformed cursor, or one made for another sort, as the first page", async () => {
    const client = await newClient();
    await Promise.all(Array.from({ length: 3 }, (_, index) => insertInvoice(client.id, { issueDate: `2026-01-0${index + 1}` })));
    const first = await listInvoices(scopeOf(client.id), { sort: "issue_desc", limit: 2 });
    for (const cursor of ["nonsense", "", Buffer.from("issue_desc|a|2026-13-45|1").toString("base64url"), Buffer.from("issue_desc|a|1;drop|1").toString("base64url")]) {
      const page = await listInvoices(scopeOf(client.id), { sort: "issue_desc", limit: 2, cursor });
      expect(page.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
      expect(page.previousCursor).toBeNull();
    }
    const otherSort = await listInvoices(scopeOf(client.id), { sort: "total_asc", limit: 2, cursor: first.nextCursor });
    expect(otherSort.previousCursor).toBeNull();
  });

  it("sends one statement per page whether the client has 3 invoices or 60, carrying the client id", async () => {
    const small = await newClient();
    const large = await newClient();
    await Promise.all(Array.from({ length: 3 }, () => insertInvoice(small.id)));
    await Promise.all(Array.from({ length: 60 }, (_, index) => insertInvoice(large.id, { issueDate: `2026-01-${String((index % 28) + 1).padStart(2, "0")}` })));
    for (const sort of INVOICE_SORTS) {
      const first = countingDatabase(db);
      await listInvoices(scopeOf(small.id), { sort, limit: 20, db: first.db });
      const second = countingDatabase(db);
      const page = await listInvoices(scopeOf(large.id), { sort, limit: 20, db: second.db });
      const third = countingDatabase(db);
      await listInvoices(scopeOf(large.id), { sort, limit: 20, cursor: page.nextCursor, db: third.db });
      expect([first.statements.length, second.statements.length, third.statements.length], sort).toEqual([1, 1, 1]);
      expect(third.statements[0]).toMatch(/where \("invoices"\."client_id" = \$1/);
      expect(third.statements[0]).not.toMatch(/offset/i);
    }
  });
});

describe("getInvoiceSummary", () => {
  it("adds up what is owed and counts the overdue invoices in one statement", async () => {
    const client = await newClient();
    await insertInvoice(client.id, { lines: [{ unitAmount: 10000, taxRateBp: 0 }], dueDate: "2026-03-01" });
    await insertInvoice(client.id, { lines: [{ unitAmount: 5000, taxRateBp: 0 }], dueDate: "2026-03-14", amountPaid: 1500 });
    await insertInvoice(client.id, { lines: [{ unitAmount: 2000, taxRateBp: 0 }], dueDate: "2026-04-01" });
    await insertInvoice(client.id, { lines: [{ unitAmount: 700, taxRateBp: 0 }], status: "payment_pending", dueDate: "2026-01-01" });
    await insertInvoice(client.id, { lines: [{ unitAmount: 900, taxRateBp: 0 }], status: "collections", dueDate: "2026-01-01" });
    await insertInvoice(client.id, { lines: [{ unitAmount: 99999, taxRateBp: 0 }], status: "paid" });
    await insertInvoice(client.id, { lines: [{ unitAmount: 88888, taxRateBp: 0 }], status: "cancelled", dueDate: "2026-01-01" });
    const other = await newClient();
    await insertInvoice(other.id, { lines: [{ unitAmount: 77777, taxRateBp: 0 }], dueDate: "2026-01-01" });

    const counting = countingDatabase(db);
    const summary = await getInvoiceSummary(scopeOf(client.id), { today: TODAY, db: counting.db });
    expect(counting.statements).toHaveLength(1);
    expect(summary).toEqual({
      currency: "EUR",
      balanceDue: 10000 + 3500 + 2000 + 700 + 900,
      outstandingCount: 5,
      overdueCount: 2,
      overdueAmount: 10000 + 3500,
    });
  });

  it("gives zeros for a client with nothing owed", async () => {
    const client = await newClient();
    await insertInvoice(client.id, { status: "paid" });
    expect(await getInvoiceSummary(scopeOf(client.id), { today: TODAY })).toEqual({ currency: "EUR", balanceDue: 0, outstandingCount: 0, overdueCount: 0, overdueAmount: 0 });
  });
});

describe("listUnpaidInvoices", () => {
  it("lists every payable invoice of the client with what is left to pay, oldest due first", async () => {
    const client = await newClient();
    const later = await insertInvoice(client.id, { lines: [{ unitAmount: 2000, taxRateBp: 0 }], dueDate: "2026-04-01" });
    const overdue = await insertInvoice(client.id, { lines: [{ unitAmount: 5000, taxRateBp: 0 }], dueDate: "2026-03-01", amountPaid: 1200 });
    const collections = await insertInvoice(client.id, { lines: [{ unitAmount: 900, taxRateBp: 0 }], status: "collections", dueDate: "2026-02-01" });
    await insertInvoice(client.id, { status: "paid" });
    await insertInvoice(client.id, { status: "cancelled" });
    await insertInvoice(client.id, { status: "payment_pending" });
    await insertInvoice(client.id, { lines: [{ unitAmount: 1000, taxRateBp: 0 }], amountPaid: 1000 });
    const other = await newClient();
    await insertInvoice(other.id);

    const counting = countingDatabase(db);
    const result = await listUnpaidInvoices(scopeOf(client.id), { today: TODAY, db: counting.db });
    expect(counting.statements).toHaveLength(1);
    expect(result.totalCount).toBe(3);
    expect(result.invoices.map((invoice) => [invoice.id, invoice.amountDue, invoice.overdue])).toEqual([
      [collections.id, 900, false],
      [overdue.id, 3800, true],
      [later.id, 2000, false],
    ]);
    const capped = await listUnpaidInvoices(scopeOf(client.id), { today: TODAY, limit: 2 });
    expect(capped.invoices).toHaveLength(2);
    expect(capped.totalCount).toBe(3);
  });
});

describe("quotes", () => {
  it("lists the client's quotes newest first, without drafts or another client's, page by page", async () => {
    const a = await newClient();
    const b = await newClient();
    const created = [];
    for (let index = 0; index < 7; index++) created.push(await insertQuote(a.id, { issueDate: `2026-03-0${(index % 2) + 1}` }));
    const draft = await insertQuote(a.id, { stage: "draft", issueDate: "2026-03-09" });
    const ofB = await insertQuote(b.id, { issueDate: "2026-03-09" });

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listQuotes(scopeOf(a.id), { cursor, limit: 3, today: TODAY });
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    // Issue date descending, ties by id descending.
    const expected = created
      .map((quote, index) => ({ id: quote.id, issueDate: `2026-03-0${(index % 2) + 1}` }))
      .sort((x, y) => (x.issueDate === y.issueDate ? y.id - x.id : x.issueDate < y.issueDate ? 1 : -1))
      .map((quote) => quote.id);
    expect(seen).toEqual(expected);
    expect(seen).not.toContain(draft.id);
    expect(seen).not.toContain(ofB.id);
  });

  it("marks expired and accepted quotes, and only open valid ones as acceptable", async () => {
    const client = await newClient();
    const open = await insertQuote(client.id, { validUntil: TODAY });
    const expired = await insertQuote(client.id, { validUntil: "2026-03-14" });
    const accepted = await insertQuote(client.id, { stage: "accepted", validUntil: "2026-03-01" });
    const onHold = await insertQuote(client.id, { stage: "on_hold" });
    const rows = new Map((await listQuotes(scopeOf(client.id), { limit: 10, today: TODAY })).rows.map((row) => [row.id, row]));
    expect(rows.get(open.id)).toMatchObject({ displayStage: "delivered", acceptable: true });
    expect(rows.get(expired.id)).toMatchObject({ displayStage: "expired", acceptable: false });
    expect(rows.get(accepted.id)).toMatchObject({ displayStage: "accepted", acceptable: false });
    expect(rows.get(onHold.id)).toMatchObject({ displayStage: "on_hold", acceptable: true });
    expect(await getQuoteView(scopeOf(client.id), expired.id, undefined, { today: TODAY })).toMatchObject({ acceptable: false, expired: true });
    expect(await getQuoteView(scopeOf(client.id), accepted.id, undefined, { today: TODAY })).toMatchObject({ acceptable: false, expired: false });
  });

  it("shows one quote with lines, tax base per rate, issuer and the client's current data, in two statements", async () => {
    const client = await newClient({ companyName: "Tienda Ñandú S.L.", taxId: "B11111111", address1: "Calle Sol 3", address2: "2º A", city: "Sevilla", province: "Sevilla", postcode: "41001" });
    const quote = await insertQuote(client.id, {
      lines: [
        { description: "Migración", unitAmount: 15000 },
        { description: "Consultoría", quantity: 2, unitAmount: 4500 },
        { description: "Formación exenta", unitAmount: 3000, taxRateBp: 0 },
      ],
    });
    const counting = countingDatabase(db);
    const view = await getQuoteView(scopeOf(client.id), quote.id, counting.db, { today: TODAY });
    expect(counting.statements).toHaveLength(2);
    expect(view).toMatchObject({
      reference: quote.reference,
      stage: "delivered",
      acceptable: true,
      subtotal: 27000,
      taxTotal: 5040,
      total: 32040,
      issuer: { legalName: COMPANY_SETTINGS.legalName, taxId: COMPANY_SETTINGS.taxId },
      client: { companyName: "Tienda Ñandú S.L.", taxId: "B11111111", address: "Calle Sol 3, 2º A", city: "Sevilla", postcode: "41001", country: "ES" },
    });
    expect(view!.lines.map((line) => line.description)).toEqual(["Migración", "Consultoría", "Formación exenta"]);
    expect(view!.taxBreakdown).toEqual([
      { rateBp: 2100, base: 24000, tax: 5040 },
      { rateBp: 0, base: 3000, tax: 0 },
    ]);
  });

  it("answers null for another client's quote, a draft and a missing id", async () => {
    const a = await newClient();
    const b = await newClient();
    const ofB = await insertQuote(b.id);
    const draft = await insertQuote(a.id, { stage: "draft" });
    expect(await getQuoteView(scopeOf(a.id), ofB.id)).toBeNull();
    expect(await getQuoteView(scopeOf(b.id), ofB.id)).not.toBeNull();
    expect(await getQuoteView(scopeOf(a.id), draft.id)).toBeNull();
    expect(await getQuoteView(scopeOf(a.id), 2_000_000_000)).toBeNull();
    expect(await getQuoteView(scopeOf(a.id), 0)).toBeNull();
  });
});
