import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { creditLedgerEntries, invoiceLines, invoices, quoteLines, quotes, type QuoteStage } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { acceptQuote } from "@/lib/billing/accept-quote";
import { sendInvoiceCreatedEmail, sendPaymentReceivedEmail, sendQuoteAcceptedEmail } from "@/lib/billing/billing-emails";
import { getCreditBalance } from "@/lib/billing/credit";
import { addDays, madridToday } from "@/lib/billing/today";
import { taxForLine } from "@/lib/money";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createSubAccount, uniqueSuffix } from "@/tests/helpers/factories";

vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendQuoteAcceptedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

let db: Database;

const LINES = [
  { description: "Migración de la tienda online", quantity: 1, unitAmount: 15000 },
  { description: "Hora de consultoría WPO", quantity: 2, unitAmount: 4500 },
];

/** A quote as an admin would have sent it (21 % IVA), with its lines. */
async function createQuote(clientId: number, overrides: { stage?: QuoteStage; validUntil?: string } = {}) {
  const priced = LINES.map((line, index) => {
    const lineSubtotal = line.quantity * line.unitAmount;
    return { ...line, lineSubtotal, taxRateBp: 2100, taxAmount: taxForLine(lineSubtotal, 2100), sortOrder: index + 1 };
  });
  const subtotal = priced.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const taxTotal = priced.reduce((sum, line) => sum + line.taxAmount, 0);
  const [quote] = await db
    .insert(quotes)
    .values({
      clientId,
      reference: `OF-${uniqueSuffix()}`,
      subject: "Migración al Plan Empresa",
      stage: overrides.stage ?? "delivered",
      issueDate: addDays(madridToday(), -5),
      validUntil: overrides.validUntil ?? addDays(madridToday(), 25),
      subtotal,
      taxTotal,
      total: subtotal + taxTotal,
    })
    .returning();
  await db.insert(quoteLines).values(priced.map((line) => ({ quoteId: quote!.id, ...line })));
  return quote!;
}

async function quoteRow(quoteId: number) {
  const [row] = await db.select().from(quotes).where(eq(quotes.id, quoteId));
  return row!;
}

async function invoicesOf(clientId: number) {
  return db.select().from(invoices).where(eq(invoices.clientId, clientId));
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

beforeEach(() => {
  vi.mocked(sendQuoteAcceptedEmail).mockClear();
  vi.mocked(sendInvoiceCreatedEmail).mockClear();
  vi.mocked(sendPaymentReceivedEmail).mockClear();
});

afterAll(async () => {
  await teardownTestDatabase();
});

describe("acceptQuote", () => {
  it("creates one invoice from the quote lines and moves the quote to accepted", async () => {
    const user = await createSignedInOwner(db);
    const quote = await createQuote(user.clientId);

    const result = await acceptQuote(user, quote.id);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const accepted = await quoteRow(quote.id);
    expect(accepted).toMatchObject({ stage: "accepted", invoiceId: result.invoiceId });
    expect(accepted.acceptedAt).toBeInstanceOf(Date);

    const [invoice] = await invoicesOf(user.clientId);
    expect(invoice).toMatchObject({ id: result.invoiceId, kind: "quote", status: "unpaid", subtotal: quote.subtotal, taxTotal: quote.taxTotal, total: quote.total });
    expect(invoice!.notes).toContain(quote.reference);
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, result.invoiceId)).orderBy(asc(invoiceLines.sortOrder));
    expect(lines.map((line) => [line.description, line.quantity, line.unitAmount, line.taxRateBp])).toEqual(
      LINES.map((line) => [line.description, line.quantity, line.unitAmount, 2100]),
    );
    expect(sendQuoteAcceptedEmail).toHaveBeenCalledExactlyOnceWith(quote.id);
    expect(sendInvoiceCreatedEmail).toHaveBeenCalledExactlyOnceWith(result.invoiceId);

    expect(await acceptQuote(user, quote.id)).toEqual({ ok: false, error: "billing.errors.quoteNotAcceptable" });
    expect(await invoicesOf(user.clientId)).toHaveLength(1);
  });

  it("20 parallel acceptances create exactly one invoice", async () => {
    const user = await createSignedInOwner(db);
    const quote = await createQuote(user.clientId, { stage: "on_hold" });

    const results = await Promise.all(Array.from({ length: 20 }, () => acceptQuote(user, quote.id)));
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual(Array(19).fill({ ok: false, error: "billing.errors.quoteNotAcceptable" }));
    const created = await invoicesOf(user.clientId);
    expect(created.map((invoice) => invoice.id)).toEqual([(winners[0] as { invoiceId: number }).invoiceId]);
    expect(await quoteRow(quote.id)).toMatchObject({ stage: "accepted", invoiceId: created[0]!.id });
    expect(sendInvoiceCreatedEmail).toHaveBeenCalledOnce();
  });

  it("refuses an expired quote, and one that is not open for acceptance, writing nothing", async () => {
    const user = await createSignedInOwner(db);
    const expired = await createQuote(user.clientId, { validUntil: addDays(madridToday(), -1) });
    const lastDay = await createQuote(user.clientId, { validUntil: madridToday() });
    const draft = await createQuote(user.clientId, { stage: "draft" });
    const lost = await createQuote(user.clientId, { stage: "lost" });

    expect(await acceptQuote(user, expired.id)).toEqual({ ok: false, error: "billing.errors.quoteExpired" });
    expect(await acceptQuote(user, draft.id)).toEqual({ ok: false, error: "billing.errors.quoteNotAcceptable" });
    expect(await acceptQuote(user, lost.id)).toEqual({ ok: false, error: "billing.errors.quoteNotAcceptable" });
    expect(await invoicesOf(user.clientId)).toEqual([]);
    expect(await quoteRow(expired.id)).toMatchObject({ stage: "delivered", invoiceId: null });
    // Valid until today means today too.
    expect(await acceptQuote(user, lastDay.id)).toMatchObject({ ok: true });
  });

  it("treats another client's quote as missing and writes nothing", async () => {
    const owner = await createSignedInOwner(db);
    const stranger = await createSignedInOwner(db);
    const quote = await createQuote(owner.clientId);

    expect(await acceptQuote(stranger, quote.id)).toEqual({ ok: false, error: "billing.errors.quoteNotFound" });
    expect(await acceptQuote(stranger, 2_000_000_000)).toEqual({ ok: false, error: "billing.errors.quoteNotFound" });
    expect(await quoteRow(quote.id)).toMatchObject({ stage: "delivered", invoiceId: null, acceptedAt: null });
    expect(await invoicesOf(stranger.clientId)).toEqual([]);
    expect(await invoicesOf(owner.clientId)).toEqual([]);
    expect(sendQuoteAcceptedEmail).not.toHaveBeenCalled();
  });

  it("needs the quotes permission", async () => {
    const owner = await createSignedInOwner(db);
    const { contact } = await createSubAccount(db, owner.clientId, ["invoices"]);
    const quote = await createQuote(owner.clientId);
    const billingOnly: SessionUser = { ...owner, contactId: contact.id, isOwner: false, permissions: ["invoices"] };
    expect(await acceptQuote(billingOnly, quote.id)).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await acceptQuote({ ...billingOnly, permissions: ["quotes"] }, quote.id)).toMatchObject({ ok: true });
  });

  it("recomputes the tax for the client as it is now, and pays from credit when there is some", async () => {
    const user = await createSignedInOwner(db, { country: "FR", taxId: "FR40303265045" });
    const quote = await createQuote(user.clientId);
    await db.insert(creditLedgerEntries).values({ clientId: user.clientId, amount: 100000, currency: "EUR", kind: "deposit", description: "Depósito" });

    const result = await acceptQuote(user, quote.id);
    if (!result.ok) throw new Error(result.error);
    const [invoice] = await invoicesOf(user.clientId);
    expect(invoice).toMatchObject({ subtotal: 24000, taxTotal: 0, total: 24000, status: "paid", amountPaid: 24000 });
    expect(invoice!.taxMention).toContain("Inversión del sujeto pasivo");
    expect(await getCreditBalance(db, user.clientId)).toBe(76000);
    expect(sendPaymentReceivedEmail).toHaveBeenCalledExactlyOnceWith(result.invoiceId);
  });
});
