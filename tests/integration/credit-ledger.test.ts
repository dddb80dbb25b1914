import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { creditLedgerEntries, invoiceLines } from "@/db/schema";
import { collectAccountData } from "@/lib/account/export-data";
import { createAddFundsInvoice } from "@/lib/billing/add-funds";
import { applyCredit } from "@/lib/billing/apply-credit";
import { addCreditEntry, getCreditBalance } from "@/lib/billing/credit";
import { renderCreditEntryDescription } from "@/lib/billing/credit-entry-description";
import { fulfilPaymentAttempt, recordRefund } from "@/lib/billing/fulfil-payment";
import { recordPayment } from "@/lib/billing/record-payment";
import { catalogs } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translator";
import { startTestPayment } from "@/tests/helpers/billing-fixtures";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createTestInvoice, uniqueSuffix } from "@/tests/helpers/factories";

vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendQuoteAcceptedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

let db: Database;
const originalLedgerTexts = { es: { ...catalogs.es.billing.creditLedger }, en: { ...catalogs.en.billing.creditLedger } };

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

afterEach(() => {
  Object.assign(catalogs.es.billing.creditLedger, originalLedgerTexts.es);
  Object.assign(catalogs.en.billing.creditLedger, originalLedgerTexts.en);
});

afterAll(async () => {
  await teardownTestDatabase();
});

function ledgerOf(clientId: number) {
  return db.select().from(creditLedgerEntries).where(eq(creditLedgerEntries.clientId, clientId)).orderBy(asc(creditLedgerEntries.id));
}

/** An attempt whose invoice was paid another way before the card money landed: all of it became credit. */
async function attemptLeftAsCredit() {
  const { user, invoiceIds, attemptId } = await startTestPayment(db, [1000]);
  await db.transaction((tx) => recordPayment(tx, { clientId: user.clientId, invoiceId: invoiceIds[0]!, amount: 1210, currency: "EUR", gateway: "sandbox" }));
  const intent = `pi_${uniqueSuffix()}`;
  const event = { provider: "sandbox" as const, eventId: `evt_${uniqueSuffix()}`, eventType: "checkout.session.completed" };
  expect(await fulfilPaymentAttempt({ ...event, attemptId, amount: 1210, currency: "EUR", gatewayReference: intent })).toEqual({ status: "applied" });
  const refund = (amountRefunded: number) =>
    recordRefund({ provider: "sandbox", eventId: `evt_${uniqueSuffix()}`, eventType: "charge.refunded", gatewayPaymentId: intent, amountRefunded, currency: "EUR" });
  return { user, attemptId, refund };
}

/** The database error's own text (drizzle wraps it: "Failed query: ...", the cause says which constraint). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return [error, cause].map((part) => (part instanceof Error ? `${part.message} ${(part as { constraint?: string }).constraint ?? ""}` : "")).join(" ");
  }
  throw new Error("expected the statement to fail");
}

describe("refunds matched by kind and payment attempt", () => {
  it("rewording every ledger description (stored text, params, keys and catalog) never credits or debits a refund twice", async () => {
    const { user, attemptId, refund } = await attemptLeftAsCredit();
    const addFunds = await createTestInvoice(db, user.clientId, { invoice: { kind: "add_funds" }, line: { unitAmount: 5000, taxRateBp: 0 } });
    await db.transaction((tx) => recordPayment(tx, { clientId: user.clientId, invoiceId: addFunds.invoice.id, amount: 5000, currency: "EUR", gateway: "sandbox" }));
    const other = await createTestInvoice(db, user.clientId);
    expect(await applyCredit(user, other.invoice.id)).toMatchObject({ ok: true, applied: 1210 });
    expect(await getCreditBalance(db, user.clientId)).toBe(5000);

    expect(await refund(210)).toEqual({ status: "applied" });
    expect(await getCreditBalance(db, user.clientId)).toBe(4790);

    // Every text anyone could reword: the catalog sentences, and each stored row's params and free text.
    for (const locale of ["es", "en"] as const) {
      const texts = catalogs[locale].billing.creditLedger as Record<string, string>;
      for (const key of Object.keys(texts)) texts[key] = `Movimiento reescrito (${locale}) {attemptId} {reference} {invoiceNumber}`;
    }
    await db
      .update(creditLedgerEntries)
      .set({ description: "Texto cambiado por el personal", descriptionParams: { attemptId: 999_999, reference: "X", invoiceNumber: "Y" } })
      .where(eq(creditLedgerEntries.clientId, user.clientId));
    const reworded = await ledgerOf(user.clientId);
    expect(reworded.map((entry) => renderCreditEntryDescription(translatorFor("es"), entry))).toEqual(
      reworded.map(() => "Movimiento reescrito (es) 999999 X Y"),
    );

    // Stripe reports the cumulative 12.10 €: only the 10 € not yet taken back comes off the credit, once.
    expect(await refund(1210)).toEqual({ status: "applied" });
    expect(await refund(1210)).toEqual({ status: "applied" });
    expect(await getCreditBalance(db, user.clientId)).toBe(3790);

    // Not even a description that is no catalog key at all any more changes what was recorded.
    await db
      .update(creditLedgerEntries)
      .set({ descriptionKey: null, descriptionParams: null, description: "Texto cambiado por el personal" })
      .where(eq(creditLedgerEntries.clientId, user.clientId));
    expect(await refund(1210)).toEqual({ status: "applied" });
    expect(await getCreditBalance(db, user.clientId)).toBe(3790);

    const ledger = await ledgerOf(user.clientId);
    expect(ledger.map((entry) => [entry.kind, entry.amount, entry.paymentAttemptId, entry.invoiceId])).toEqual([
      ["overpayment", 1210, attemptId, null],
      ["deposit", 5000, null, addFunds.invoice.id],
      ["application", -1210, null, other.invoice.id],
      ["refund_reversal", -210, attemptId, null],
      ["refund_reversal", -1000, attemptId, null],
    ]);
    expect(ledger.map((entry) => renderCreditEntryDescription(translatorFor("en"), entry))).toEqual(ledger.map(() => "Texto cambiado por el personal"));
  });

  it("writes catalog keys with their parameters, rendered in the reader's language", async () => {
    const { user, attemptId, refund } = await attemptLeftAsCredit();
    await refund(1210);
    const ledger = await ledgerOf(user.clientId);
    expect(ledger.map((entry) => [entry.descriptionKey, entry.descriptionParams, entry.description])).toEqual([
      ["billing.creditLedger.overpayment", { attemptId }, null],
      ["billing.creditLedger.refundReversal", { attemptId }, null],
    ]);
    expect(ledger.map((entry) => renderCreditEntryDescription(translatorFor("es"), entry))).toEqual([
      `Saldo a favor del pago nº ${attemptId} (facturas ya pagadas por otra vía)`,
      `Reembolso del pago nº ${attemptId} (saldo a favor)`,
    ]);
    expect(renderCreditEntryDescription(translatorFor("en"), ledger[1]!)).toBe(`Refund of payment no. ${attemptId} (from credit)`);
    // An identifier is not a quantity: no digit grouping, whatever the locale.
    expect(renderCreditEntryDescription(translatorFor("es"), { ...ledger[1]!, descriptionParams: { attemptId: 12345 } })).toBe(
      "Reembolso del pago nº 12345 (saldo a favor)",
    );
    expect(await getCreditBalance(db, user.clientId)).toBe(0);

    // The data export renders them for its reader, at read time.
    const exported = await collectAccountData(db, { ...user, locale: "en" });
    expect(exported.credit.entries.map((entry) => [entry.kind, entry.paymentAttemptId, entry.description])).toEqual([
      ["overpayment", attemptId, `Credit from payment no. ${attemptId} (invoices already paid another way)`],
      ["refund_reversal", attemptId, `Refund of payment no. ${attemptId} (from credit)`],
    ]);
  });
});

describe("the add-funds invoice line", () => {
  it("is written once, at issue, in the client's language, and stays as written when the catalog changes", async () => {
    const lineOf = async (language: string) => {
      const user = await createSignedInOwner(db, { language });
      const created = await createAddFundsInvoice(user, 2500);
      if (!created.ok) throw new Error(created.error);
      const [line] = await db.select({ description: invoiceLines.description }).from(invoiceLines).where(eq(invoiceLines.invoiceId, created.invoiceId));
      return { invoiceId: created.invoiceId, description: line?.description };
    };
    const spanish = await lineOf("es");
    expect(spanish.description).toBe("Añadir fondos al saldo de la cuenta");
    expect((await lineOf("en")).description).toBe("Add funds to the account balance");

    const original = catalogs.es.billing.invoiceLines.addFunds;
    catalogs.es.billing.invoiceLines.addFunds = "Recarga de saldo";
    try {
      expect((await lineOf("es")).description).toBe("Recarga de saldo");
      const [issued] = await db.select({ description: invoiceLines.description }).from(invoiceLines).where(eq(invoiceLines.invoiceId, spanish.invoiceId));
      expect(issued?.description).toBe("Añadir fondos al saldo de la cuenta");
    } finally {
      catalogs.es.billing.invoiceLines.addFunds = original;
    }
  });
});

describe("credit_ledger_entries constraints", () => {
  it("refuse a second excess credit for the same payment attempt, by a plain insert or through addCreditEntry", async () => {
    const { user, attemptId } = await startTestPayment(db, [1000]);
    const entry = {
      clientId: user.clientId,
      amount: 500,
      kind: "overpayment" as const,
      paymentAttemptId: attemptId,
      descriptionKey: "billing.creditLedger.overpayment",
      descriptionParams: { attemptId },
    };
    await db.insert(creditLedgerEntries).values(entry);
    expect(await failure(db.insert(creditLedgerEntries).values(entry))).toMatch(/credit_ledger_entries_overpayment_once|duplicate key/);

    const viaUseCase = db.transaction((tx) =>
      addCreditEntry(tx, {
        clientId: user.clientId,
        amount: 700,
        kind: "overpayment",
        paymentAttemptId: attemptId,
        description: { key: "billing.creditLedger.overpayment", params: { attemptId } },
      }),
    );
    expect(await failure(viaUseCase)).toMatch(/credit_ledger_entries_overpayment_once|duplicate key/);
    expect(await getCreditBalance(db, user.clientId)).toBe(500);
  });

  it("refuse a second deposit for the same add-funds invoice, an unknown kind, a missing reference and a wrong sign", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId, { invoice: { kind: "add_funds" }, line: { unitAmount: 5000, taxRateBp: 0 } });
    const deposit = { clientId: user.clientId, amount: 5000, kind: "deposit" as const, invoiceId: invoice.id, description: "Fondos" };
    await db.insert(creditLedgerEntries).values(deposit);
    expect(await failure(db.insert(creditLedgerEntries).values(deposit))).toMatch(/credit_ledger_entries_deposit_once|duplicate key/);

    const base = { clientId: user.clientId, description: "Prueba" };
    expect(await failure(db.insert(creditLedgerEntries).values({ ...base, amount: -100, kind: "applied" as never }))).toMatch(/credit_ledger_entries_kind|check/);
    expect(await failure(db.insert(creditLedgerEntries).values({ ...base, amount: 100, kind: "overpayment" }))).toMatch(/credit_ledger_entries_references|check/);
    expect(await failure(db.insert(creditLedgerEntries).values({ ...base, amount: -100, kind: "application" }))).toMatch(/credit_ledger_entries_references|check/);
    expect(await failure(db.insert(creditLedgerEntries).values({ ...base, amount: -100, kind: "deposit" }))).toMatch(/credit_ledger_entries_sign|check/);
    expect(await failure(db.insert(creditLedgerEntries).values({ clientId: user.clientId, amount: 100, kind: "adjustment" }))).toMatch(/credit_ledger_entries_described|check/);
    expect(await getCreditBalance(db, user.clientId)).toBe(5000);
  });
});
