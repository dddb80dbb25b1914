import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { creditLedgerEntries, invoices, payments } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { createAddFundsInvoice } from "@/lib/billing/add-funds";
import { applyCredit } from "@/lib/billing/apply-credit";
import { sendInvoiceCreatedEmail, sendPaymentReceivedEmail } from "@/lib/billing/billing-emails";
import { getCreditBalance } from "@/lib/billing/credit";
import { recordPayment } from "@/lib/billing/record-payment";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createSubAccount, createTestInvoice } from "@/tests/helpers/factories";

vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendQuoteAcceptedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

let db: Database;

async function deposit(clientId: number, amount: number) {
  await db.insert(creditLedgerEntries).values({ clientId, amount, currency: "EUR", kind: "deposit", description: "Depósito de prueba" });
}

async function invoiceRow(invoiceId: number) {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  return row!;
}

async function ledgerOf(clientId: number) {
  return db.select().from(creditLedgerEntries).where(eq(creditLedgerEntries.clientId, clientId)).orderBy(asc(creditLedgerEntries.id));
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

beforeEach(() => {
  vi.mocked(sendPaymentReceivedEmail).mockClear();
  vi.mocked(sendInvoiceCreatedEmail).mockClear();
});

afterAll(async () => {
  await teardownTestDatabase();
});

describe("applyCredit", () => {
  it("applies part of the due when the balance is short, and pays and numbers the invoice when it covers the rest", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId, { line: { unitAmount: 10000 } });
    await deposit(user.clientId, 5000);

    expect(await applyCredit(user, invoice.id)).toEqual({ ok: true, applied: 5000, paid: false });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "unpaid", amountPaid: 5000, number: null });
    expect(sendPaymentReceivedEmail).not.toHaveBeenCalled();

    await deposit(user.clientId, 10000);
    expect(await applyCredit(user, invoice.id)).toEqual({ ok: true, applied: 7100, paid: true });
    const paid = await invoiceRow(invoice.id);
    expect(paid).toMatchObject({ status: "paid", amountPaid: 12100 });
    expect(paid.number).toBeGreaterThan(0);
    expect(await getCreditBalance(db, user.clientId)).toBe(2900);
    expect(sendPaymentReceivedEmail).toHaveBeenCalledExactlyOnceWith(invoice.id);

    const rows = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id)).orderBy(asc(payments.id));
    expect(rows.map((row) => [row.gateway, row.amount])).toEqual([
      ["credit", 5000],
      ["credit", 7100],
    ]);
    expect(await applyCredit(user, invoice.id)).toEqual({ ok: false, error: "billing.errors.alreadyPaid" });
  });

  it("answers with a message when there is no credit, or the invoice is cancelled or an add-funds invoice", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    expect(await applyCredit(user, invoice.id)).toEqual({ ok: false, error: "billing.errors.noCredit" });
    await deposit(user.clientId, 10000);
    const cancelled = await createTestInvoice(db, user.clientId, { invoice: { status: "cancelled" } });
    expect(await applyCredit(user, cancelled.invoice.id)).toEqual({ ok: false, error: "billing.errors.notPayable" });
    const funds = await createTestInvoice(db, user.clientId, { invoice: { kind: "add_funds" }, line: { taxRateBp: 0 } });
    expect(await applyCredit(user, funds.invoice.id)).toEqual({ ok: false, error: "billing.errors.creditNotForAddFunds" });
    expect(await getCreditBalance(db, user.clientId)).toBe(10000);
  });

  it("treats another client's invoice as missing and changes nothing", async () => {
    const owner = await createSignedInOwner(db);
    const stranger = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, owner.clientId);
    await deposit(stranger.clientId, 10000);

    expect(await applyCredit(stranger, invoice.id)).toEqual({ ok: false, error: "billing.errors.invoiceNotFound" });
    expect(await applyCredit(stranger, 2_000_000_000)).toEqual({ ok: false, error: "billing.errors.invoiceNotFound" });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "unpaid", amountPaid: 0 });
    expect(await ledgerOf(stranger.clientId)).toHaveLength(1);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toEqual([]);
  });

  it("needs the invoices permission", async () => {
    const owner = await createSignedInOwner(db);
    const { contact } = await createSubAccount(db, owner.clientId, ["quotes"]);
    const { invoice } = await createTestInvoice(db, owner.clientId);
    await deposit(owner.clientId, 5000);
    const subAccount: SessionUser = { ...owner, contactId: contact.id, isOwner: false, permissions: ["quotes"] };
    expect(await applyCredit(subAccount, invoice.id)).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await applyCredit({ ...subAccount, permissions: ["invoices"] }, invoice.id)).toMatchObject({ ok: true, applied: 1210, paid: true });
    const ledger = await ledgerOf(owner.clientId);
    expect(ledger.at(-1)).toMatchObject({ kind: "application", amount: -1210, invoiceId: invoice.id, createdByContactId: contact.id });
  });

  it("20 parallel requests on one invoice: the credit is spent once and the invoice never goes below zero due", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } });
    await deposit(user.clientId, 10000);

    const results = await Promise.all(Array.from({ length: 20 }, () => applyCredit(user, invoice.id)));
    expect(results.filter((result) => result.ok)).toEqual([{ ok: true, applied: 1210, paid: true }]);
    expect(results.filter((result) => !result.ok)).toEqual(Array(19).fill({ ok: false, error: "billing.errors.alreadyPaid" }));
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 1210, total: 1210 });
    expect(await getCreditBalance(db, user.clientId)).toBe(8790);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
  });

  it("20 parallel requests on one invoice bigger than the balance: the balance ends at exactly zero", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId, { line: { unitAmount: 100000 } });
    await deposit(user.clientId, 3333);

    const results = await Promise.all(Array.from({ length: 20 }, () => applyCredit(user, invoice.id)));
    expect(results.filter((result) => result.ok)).toEqual([{ ok: true, applied: 3333, paid: false }]);
    expect(results.filter((result) => !result.ok)).toEqual(Array(19).fill({ ok: false, error: "billing.errors.noCredit" }));
    expect(await getCreditBalance(db, user.clientId)).toBe(0);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "unpaid", amountPaid: 3333 });
  });

  it("20 parallel requests on 20 invoices share the balance exactly, never below zero", async () => {
    const user = await createSignedInOwner(db);
    const created = await Promise.all(Array.from({ length: 20 }, () => createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } })));
    await deposit(user.clientId, 5000);

    const results = await Promise.all(created.map(({ invoice }) => applyCredit(user, invoice.id)));
    const applied = results.flatMap((result) => (result.ok ? [result.applied] : []));
    expect(applied.reduce((sum, amount) => sum + amount, 0)).toBe(5000);
    // 4 invoices of 12.10 € paid (48.40 €), 1.60 € on a fifth, nothing left for the other 15.
    expect(applied.sort((a, b) => a - b)).toEqual([160, 1210, 1210, 1210, 1210]);
    expect(results.filter((result) => result.ok && result.paid)).toHaveLength(4);
    expect(results.filter((result) => !result.ok)).toEqual(Array(15).fill({ ok: false, error: "billing.errors.noCredit" }));
    expect(await getCreditBalance(db, user.clientId)).toBe(0);

    const rows = await db.select().from(invoices).where(eq(invoices.clientId, user.clientId));
    expect(rows.every((row) => row.amountPaid >= 0 && row.amountPaid <= row.total)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.amountPaid, 0)).toBe(5000);
  });

  it("racing with a card payment of the same invoice, the invoice is paid once and the rest stays credit", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } });
    await deposit(user.clientId, 2000);

    const [credit, card] = await Promise.all([
      applyCredit(user, invoice.id),
      db.transaction((tx) => recordPayment(tx, { clientId: user.clientId, invoiceId: invoice.id, amount: 1210, currency: "EUR", gateway: "sandbox" })),
    ]);
    const row = await invoiceRow(invoice.id);
    expect(row).toMatchObject({ status: "paid", amountPaid: 1210 });
    const paidRows = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(paidRows.reduce((sum, payment) => sum + payment.amount, 0)).toBe(1210);
    if (credit.ok) {
      // Credit won: the card money came back as excess for the caller to credit.
      expect(credit).toEqual({ ok: true, applied: 1210, paid: true });
      expect(card).toMatchObject({ applied: 0, excess: 1210 });
      expect(await getCreditBalance(db, user.clientId)).toBe(790);
    } else {
      expect(credit).toEqual({ ok: false, error: "billing.errors.alreadyPaid" });
      expect(card).toMatchObject({ applied: 1210, excess: 0, paidNow: true });
      expect(await getCreditBalance(db, user.clientId)).toBe(2000);
    }
  });
});

describe("createAddFundsInvoice", () => {
  it("creates an untaxed add-funds invoice within the limits of the settings", async () => {
    const user = await createSignedInOwner(db);
    const result = await createAddFundsInvoice(user, 2500);
    expect(result).toMatchObject({ ok: true });
    const invoiceId = (result as { invoiceId: number }).invoiceId;
    expect(await invoiceRow(invoiceId)).toMatchObject({ clientId: user.clientId, kind: "add_funds", status: "unpaid", subtotal: 2500, taxTotal: 0, total: 2500 });
    expect(sendInvoiceCreatedEmail).toHaveBeenCalledExactlyOnceWith(invoiceId);
  });

  it("refuses amounts outside the minimum, the maximum or the balance cap, next to the field", async () => {
    const user = await createSignedInOwner(db);
    const refusal = (error: string) => ({ ok: false, error, fieldErrors: { amount: error } });
    expect(await createAddFundsInvoice(user, 999)).toEqual(refusal("billing.errors.addFundsMin"));
    expect(await createAddFundsInvoice(user, 50001)).toEqual(refusal("billing.errors.addFundsMax"));
    expect(await createAddFundsInvoice(user, 12.5)).toEqual(refusal("billing.errors.addFundsInvalid"));
    expect(await createAddFundsInvoice(user, Number.NaN)).toEqual(refusal("billing.errors.addFundsInvalid"));

    await deposit(user.clientId, 60000);
    expect(await createAddFundsInvoice(user, 30000)).toMatchObject({ ok: true });
    // 600 € held + 300 € waiting to be paid + 100.01 € > 1,000 € maximum balance.
    expect(await createAddFundsInvoice(user, 10001)).toEqual(refusal("billing.errors.addFundsMaxBalance"));
    expect(await createAddFundsInvoice(user, 10000)).toMatchObject({ ok: true });
    const rows = await db.select().from(invoices).where(and(eq(invoices.clientId, user.clientId), eq(invoices.kind, "add_funds")));
    expect(rows.map((row) => row.total).sort()).toEqual([10000, 30000]);
  });

  it("under concurrent requests never lets the balance cap be passed", async () => {
    const user = await createSignedInOwner(db);
    const results = await Promise.all(Array.from({ length: 5 }, () => createAddFundsInvoice(user, 30000)));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(results.filter((result) => !result.ok).map((result) => result.error)).toEqual(Array(2).fill("billing.errors.addFundsMaxBalance"));
  });

  it("puts the amount on the credit ledger when the add-funds invoice is paid", async () => {
    const user = await createSignedInOwner(db);
    const result = await createAddFundsInvoice(user, 4000);
    if (!result.ok) throw new Error(result.error);
    const payment = await db.transaction((tx) =>
      recordPayment(tx, { clientId: user.clientId, invoiceId: result.invoiceId, amount: 4000, currency: "EUR", gateway: "sandbox" }),
    );
    expect(payment.paidNow).toBe(true);
    expect(await getCreditBalance(db, user.clientId)).toBe(4000);
    expect((await ledgerOf(user.clientId)).map((entry) => [entry.kind, entry.amount, entry.invoiceId])).toEqual([["deposit", 4000, result.invoiceId]]);
  });

  it("needs the invoices permission", async () => {
    const user = await createSignedInOwner(db);
    expect(await createAddFundsInvoice({ ...user, isOwner: false, permissions: ["tickets"] }, 2000)).toEqual({ ok: false, error: "errors.forbidden" });
  });
});
