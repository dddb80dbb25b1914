import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { creditLedgerEntries, invoiceLines, invoices, invoiceSeriesCounters, paymentAttempts, payments } from "@/db/schema";
import { BillingError } from "@/lib/billing/billing-error";
import { createInvoice } from "@/lib/billing/create-invoice";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { takeNextInvoiceNumber } from "@/lib/billing/invoice-number";
import { recordPayment } from "@/lib/billing/record-payment";
import { taxRuleFor } from "@/lib/billing/tax";
import { addDays, madridToday } from "@/lib/billing/today";
import { getBillingSettings, getCompanySettings, getDomainSettings } from "@/lib/settings/get-settings";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestInvoice, uniqueSuffix } from "@/tests/helpers/factories";

vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendQuoteAcceptedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

let db: Database;

async function newClient(client: { country?: string; taxId?: string | null; companyName?: string | null } = {}) {
  return (await createTestClient(db, { client })).client;
}

async function ledgerDeposit(clientId: number, amount: number) {
  await db.insert(creditLedgerEntries).values({ clientId, amount, currency: "EUR", kind: "deposit", description: "Depósito de prueba" });
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await teardownTestDatabase();
});

describe("settings", () => {
  it("reads the issuer and the billing options from the settings table", async () => {
    const company = await getCompanySettings();
    expect(company.taxId).toMatch(/^[A-Z0-9]{9}$/);
    expect(company.country).toBe("ES");
    const billing = await getBillingSettings(db);
    expect(billing).toMatchObject({ currency: "EUR", invoiceDueDays: 7, autoApplyCredit: true });
    expect((await getDomainSettings()).defaultNameservers.length).toBeGreaterThanOrEqual(2);
  });
});

describe("taxRuleFor", () => {
  it("charges 21 % IVA in Spain, with or without a NIF", async () => {
    expect(await taxRuleFor(db, { country: "ES", taxId: null })).toMatchObject({ rateBp: 2100, mention: null });
    expect(await taxRuleFor(db, { country: "ES", taxId: "B12345674" })).toMatchObject({ rateBp: 2100, mention: null });
  });

  it("reverse-charges an EU business with a VAT id, and charges 21 % to an EU consumer", async () => {
    const business = await taxRuleFor(db, { country: "FR", taxId: "FR40303265045" });
    expect(business.rateBp).toBe(0);
    expect(business.mention).toContain("Inversión del sujeto pasivo");
    expect(await taxRuleFor(db, { country: "DE", taxId: "  " })).toMatchObject({ rateBp: 2100, mention: null });
    expect(await taxRuleFor(db, { country: "PT", taxId: null })).toMatchObject({ rateBp: 2100 });
  });

  it("does not charge IVA outside the EU, with the not-subject mention", async () => {
    for (const client of [{ country: "US", taxId: null }, { country: "CH", taxId: "CHE-123.456.789" }, { country: "GB", taxId: null }]) {
      const rule = await taxRuleFor(db, client);
      expect(rule.rateBp, client.country).toBe(0);
      expect(rule.mention, client.country).toContain("No sujeto");
    }
  });
});

describe("createInvoice", () => {
  it("issues a proforma with server-computed totals, tax rounded once per line", async () => {
    const client = await newClient();
    const created = await db.transaction((tx) =>
      createInvoice(tx, {
        clientId: client.id,
        kind: "order",
        lines: [
          // 250 × 21 % = 52.5 -> 53 on each line: 106 in total, where rounding the sum would give 105.
          { description: "Certificado SSL básico", unitAmount: 250 },
          { description: "Certificado SSL básico (segundo dominio)", unitAmount: 250 },
          { description: "Horas de soporte", quantity: 3, unitAmount: 333 },
          { description: "Tasa no sujeta", unitAmount: 100, taxable: false },
        ],
      }),
    );
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, created.invoiceId));
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, created.invoiceId)).orderBy(asc(invoiceLines.sortOrder));

    expect(lines.map((line) => [line.lineSubtotal, line.taxRateBp, line.taxAmount])).toEqual([
      [250, 2100, 53],
      [250, 2100, 53],
      [999, 2100, 210],
      [100, 0, 0],
    ]);
    expect(invoice).toMatchObject({
      clientId: client.id,
      kind: "order",
      status: "unpaid",
      subtotal: 1599,
      taxTotal: 316,
      total: 1915,
      amountPaid: 0,
      currency: "EUR",
      series: null,
      number: null,
      taxMention: null,
      issueDate: madridToday(),
      dueDate: addDays(madridToday(), 7),
    });
    expect(created).toMatchObject({ invoiceId: invoice!.id, total: 1915, paid: false, creditApplied: 0 });
    expect(invoice!.proformaReference).toBe(`PRO-${String(invoice!.id).padStart(6, "0")}`);
    expect(created.proformaReference).toBe(invoice!.proformaReference);
    expect(invoice!.clientSnapshot).toMatchObject({ name: `${client.firstName} ${client.lastName}`, country: "ES", city: "Madrid" });
  });

  it("writes the reverse-charge mention and 0 % for an EU business, and takes the given dates", async () => {
    const client = await newClient({ country: "FR", taxId: "FR40303265045", companyName: `Société ${uniqueSuffix()} SARL` });
    const created = await db.transaction((tx) =>
      createInvoice(tx, { clientId: client.id, kind: "standard", issueDate: "2026-02-01", dueDate: "2026-02-15", lines: [{ description: "Plan Empresa", unitAmount: 23988 }] }),
    );
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, created.invoiceId));
    expect(invoice).toMatchObject({ subtotal: 23988, taxTotal: 0, total: 23988, issueDate: "2026-02-01", dueDate: "2026-02-15" });
    expect(invoice!.taxMention).toContain("Inversión del sujeto pasivo");
    expect(invoice!.clientSnapshot).toMatchObject({ taxId: "FR40303265045", country: "FR" });
  });

  it("never taxes add-funds lines, even for a Spanish client", async () => {
    const client = await newClient();
    const created = await db.transaction((tx) => createInvoice(tx, { clientId: client.id, kind: "add_funds", lines: [{ description: "Añadir fondos", unitAmount: 5000 }] }));
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, created.invoiceId));
    expect(invoice).toMatchObject({ kind: "add_funds", subtotal: 5000, taxTotal: 0, total: 5000, taxMention: null });
  });

  it("pays a new invoice from available credit (autoApplyCredit), but never an add-funds invoice", async () => {
    const client = await newClient();
    await ledgerDeposit(client.id, 1500);
    const partly = await db.transaction((tx) => createInvoice(tx, { clientId: client.id, kind: "renewal", lines: [{ description: "Renovación", unitAmount: 1000 }] }));
    expect(partly).toMatchObject({ total: 1210, creditApplied: 1210, paid: true });
    const [paid] = await db.select().from(invoices).where(eq(invoices.id, partly.invoiceId));
    expect(paid).toMatchObject({ status: "paid", amountPaid: 1210 });
    expect(paid!.number).toBeGreaterThan(0);

    const second = await db.transaction((tx) => createInvoice(tx, { clientId: client.id, kind: "renewal", lines: [{ description: "Renovación", unitAmount: 1000 }] }));
    expect(second).toMatchObject({ creditApplied: 290, paid: false });
    const funds = await db.transaction((tx) => createInvoice(tx, { clientId: client.id, kind: "add_funds", lines: [{ description: "Fondos", unitAmount: 2000 }] }));
    expect(funds).toMatchObject({ creditApplied: 0, paid: false });

    const ledger = await db.select().from(creditLedgerEntries).where(eq(creditLedgerEntries.clientId, client.id)).orderBy(asc(creditLedgerEntries.id));
    expect(ledger.map((entry) => [entry.kind, entry.amount, entry.invoiceId])).toEqual([
      ["deposit", 1500, null],
      ["application", -1210, partly.invoiceId],
      ["application", -290, second.invoiceId],
    ]);
  });

  it("settles a zero-total invoice at once, with a number", async () => {
    const client = await newClient();
    const created = await db.transaction((tx) => createInvoice(tx, { clientId: client.id, kind: "order", lines: [{ description: "Migración gratuita", unitAmount: 0 }] }));
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, created.invoiceId));
    expect(created.paid).toBe(true);
    expect(invoice).toMatchObject({ status: "paid", total: 0 });
    expect(invoice!.number).toBeGreaterThan(0);
  });

  it("refuses an invoice without lines or with a bad amount, writing nothing", async () => {
    const client = await newClient();
    await expect(db.transaction((tx) => createInvoice(tx, { clientId: client.id, kind: "order", lines: [] }))).rejects.toBeInstanceOf(BillingError);
    await expect(
      db.transaction((tx) => createInvoice(tx, { clientId: client.id, kind: "order", lines: [{ description: "Media hora", unitAmount: 10.5 }] })),
    ).rejects.toBeInstanceOf(BillingError);
    expect(await db.select().from(invoices).where(eq(invoices.clientId, client.id))).toEqual([]);
  });
});

describe("recordPayment", () => {
  it("adds partial payments, then issues the tax invoice with a number and returns the excess", async () => {
    const client = await newClient();
    const { invoice } = await createTestInvoice(db, client.id, { line: { unitAmount: 10000 } });
    const first = await db.transaction((tx) => recordPayment(tx, { clientId: client.id, invoiceId: invoice.id, amount: 4000, currency: "EUR", gateway: "sandbox" }));
    expect(first).toEqual({ applied: 4000, excess: 0, paidNow: false, invoiceNumber: null });
    const [half] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(half).toMatchObject({ status: "unpaid", amountPaid: 4000, number: null, paidAt: null });

    const second = await db.transaction((tx) =>
      recordPayment(tx, { clientId: client.id, invoiceId: invoice.id, amount: 10000, currency: "eur", gateway: "stripe", gatewayReference: "pi_test" }),
    );
    const [paid] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(second).toMatchObject({ applied: 8100, excess: 1900, paidNow: true });
    expect(paid).toMatchObject({ status: "paid", amountPaid: 12100 });
    expect(paid!.paidAt).toBeInstanceOf(Date);
    expect(second.invoiceNumber).toBe(`${paid!.series}-${String(paid!.number).padStart(6, "0")}`);
    expect(paid!.series).toMatch(/^F\d{4}$/);

    const again = await db.transaction((tx) => recordPayment(tx, { clientId: client.id, invoiceId: invoice.id, amount: 500, currency: "EUR", gateway: "sandbox" }));
    expect(again).toEqual({ applied: 0, excess: 500, paidNow: false, invoiceNumber: second.invoiceNumber });
    const rows = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id)).orderBy(asc(payments.id));
    expect(rows.map((row) => [row.amount, row.gateway])).toEqual([
      [4000, "sandbox"],
      [8100, "stripe"],
    ]);
  });

  it("treats another client's invoice as missing and writes nothing", async () => {
    const owner = await newClient();
    const stranger = await newClient();
    const { invoice } = await createTestInvoice(db, owner.id);
    await expect(
      db.transaction((tx) => recordPayment(tx, { clientId: stranger.id, invoiceId: invoice.id, amount: 1210, currency: "EUR", gateway: "sandbox" })),
    ).rejects.toMatchObject({ code: "billing.errors.invoiceNotFound" });
    await expect(
      db.transaction((tx) => recordPayment(tx, { clientId: owner.id, invoiceId: invoice.id, amount: 1210, currency: "USD", gateway: "sandbox" })),
    ).rejects.toMatchObject({ code: "billing.errors.currencyMismatch" });
    const [after] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(after).toMatchObject({ status: "unpaid", amountPaid: 0 });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toEqual([]);
  });
});

describe("invoice numbering", () => {
  it("gives 50 invoices paid concurrently 50 consecutive numbers, without gaps or duplicates", async () => {
    // A year of its own: the series is shared by every test file writing to a PostgreSQL database.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2187-05-20T10:00:00Z") });
    const series = "F2187";
    const clientsWithInvoices = await Promise.all(
      Array.from({ length: 25 }, async () => {
        const client = await newClient();
        const one = await createTestInvoice(db, client.id, { line: { unitAmount: 1000 } });
        const two = await createTestInvoice(db, client.id, { line: { unitAmount: 2000 } });
        return { clientId: client.id, invoiceIds: [one.invoice.id, two.invoice.id], totals: [one.invoice.total, two.invoice.total] };
      }),
    );
    // Of each client's two invoices, one is paid through a checkout attempt (the webhook path), the other directly.
    const attempts = await Promise.all(
      clientsWithInvoices.map(async ({ clientId, invoiceIds, totals }) => {
        const [attempt] = await db
          .insert(paymentAttempts)
          .values({ clientId, invoiceIds: [invoiceIds[1]!], amount: totals[1]!, currency: "EUR", gateway: "sandbox" })
          .returning();
        return attempt!;
      }),
    );
    const direct = clientsWithInvoices.map(({ clientId, invoiceIds, totals }) => ({ clientId, invoiceId: invoiceIds[0]!, amount: totals[0]! }));
    const jobs = clientsWithInvoices.flatMap(({ clientId, invoiceIds }) => invoiceIds.map((invoiceId) => ({ clientId, invoiceId })));

    const [results, fulfilled] = await Promise.all([
      Promise.all(
        direct.map((job) =>
          db.transaction((tx) => recordPayment(tx, { clientId: job.clientId, invoiceId: job.invoiceId, amount: job.amount, currency: "EUR", gateway: "sandbox" })),
        ),
      ),
      Promise.all(
        attempts.map((attempt) =>
          fulfilPaymentAttempt({
            provider: "sandbox",
            eventId: `sandbox-${attempt.id}-ok-${uniqueSuffix()}`,
            eventType: "sandbox.payment_succeeded",
            attemptId: attempt.id,
            amount: attempt.amount,
            currency: "EUR",
            gatewayReference: `sandbox-${attempt.id}`,
          }),
        ),
      ),
    ]);
    expect(results.every((result) => result.paidNow && result.excess === 0)).toBe(true);
    expect(fulfilled.every((result) => result.status === "applied")).toBe(true);

    const numbered = await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.series, series)).orderBy(asc(invoices.number));
    expect(numbered.map((row) => row.number)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(new Set(numbered.map((row) => row.id))).toEqual(new Set(jobs.map((job) => job.invoiceId)));
    const paid = await db.select().from(invoices).where(inArray(invoices.id, jobs.map((job) => job.invoiceId)));
    expect(paid.every((row) => row.status === "paid" && row.amountPaid === row.total)).toBe(true);
    const [counter] = await db.select().from(invoiceSeriesCounters).where(eq(invoiceSeriesCounters.series, series));
    expect(counter?.lastNumber).toBe(50);
  });

  it("gives the number back when the paying transaction rolls back", async () => {
    const series = `T${uniqueSuffix()}`;
    expect(await db.transaction((tx) => takeNextInvoiceNumber(tx, series))).toBe(1);
    await expect(
      db.transaction(async (tx) => {
        expect(await takeNextInvoiceNumber(tx, series)).toBe(2);
        throw new Error("payment failed later in the transaction");
      }),
    ).rejects.toThrow("payment failed later");
    expect(await db.transaction((tx) => takeNextInvoiceNumber(tx, series))).toBe(2);

    const client = await newClient();
    const { invoice } = await createTestInvoice(db, client.id);
    await expect(
      db.transaction(async (tx) => {
        await recordPayment(tx, { clientId: client.id, invoiceId: invoice.id, amount: invoice.total, currency: "EUR", gateway: "sandbox" });
        throw new Error("crash after paying");
      }),
    ).rejects.toThrow("crash after paying");
    const [after] = await db.select().from(invoices).where(and(eq(invoices.id, invoice.id), eq(invoices.clientId, client.id)));
    expect(after).toMatchObject({ status: "unpaid", amountPaid: 0, number: null, series: null });
  });
});
