import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { creditLedgerEntries, invoices, paymentAttempts, payments, webhookEvents } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { sendPaymentReceivedEmail } from "@/lib/billing/billing-emails";
import { getCreditBalance } from "@/lib/billing/credit";
import { failPaymentAttempt, fulfilPaymentAttempt, recordRefund } from "@/lib/billing/fulfil-payment";
import { recordPayment } from "@/lib/billing/record-payment";
import { startPayment } from "@/lib/billing/start-payment";
import { env } from "@/lib/env";
import type { CheckoutRequest, PaymentGateway } from "@/lib/payments/gateway";
import { PaymentGatewayError } from "@/lib/payments/gateway";
import { setProviderForTests } from "@/lib/providers";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createSubAccount, createTestInvoice, uniqueSuffix } from "@/tests/helpers/factories";

vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendQuoteAcceptedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

let db: Database;
const checkouts: CheckoutRequest[] = [];
let failNextCheckout = false;

/** Stands in for Stripe or the sandbox: records what the core asked for. */
const recordingGateway: PaymentGateway = {
  name: "sandbox",
  async createCheckout(request) {
    if (failNextCheckout) {
      failNextCheckout = false;
      throw new PaymentGatewayError("payments.errors.gatewayUnavailable");
    }
    checkouts.push(request);
    return { sessionId: `test_session_${request.attemptId}`, url: `https://pagos.test/checkout/${request.attemptId}` };
  },
};

async function invoiceRow(invoiceId: number) {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  return row!;
}

async function attemptsOf(clientId: number) {
  return db.select().from(paymentAttempts).where(eq(paymentAttempts.clientId, clientId)).orderBy(asc(paymentAttempts.id));
}

async function paymentsOf(invoiceId: number) {
  return db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(asc(payments.id));
}

async function openAttempt(user: SessionUser, invoiceIds: number[]) {
  const started = await startPayment(user, invoiceIds, { origin: invoiceIds.length > 1 ? "mass" : "single" });
  if (!started.ok) throw new Error(started.error);
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, started.attemptId));
  return attempt!;
}

function event(suffix = uniqueSuffix()) {
  return { provider: "sandbox" as const, eventId: `evt_${suffix}`, eventType: "checkout.session.completed" };
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  setProviderForTests("payments", recordingGateway);
});

beforeEach(() => {
  checkouts.length = 0;
  vi.mocked(sendPaymentReceivedEmail).mockClear();
});

afterAll(async () => {
  setProviderForTests("payments", null);
  await teardownTestDatabase();
});

describe("startPayment", () => {
  it("opens one attempt for the amount due computed on the server, and asks the gateway for a checkout", async () => {
    const user = await createSignedInOwner(db);
    const a = await createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } });
    const b = await createTestInvoice(db, user.clientId, { line: { unitAmount: 5000 }, invoice: { amountPaid: 1000 } });

    const started = await startPayment(user, [b.invoice.id, a.invoice.id], { origin: "mass" });
    expect(started).toMatchObject({ ok: true });
    if (!started.ok) return;
    expect(started.redirectUrl).toBe(`https://pagos.test/checkout/${started.attemptId}`);
    const [attempt] = await attemptsOf(user.clientId);
    expect(attempt).toMatchObject({
      id: started.attemptId,
      invoiceIds: [a.invoice.id, b.invoice.id],
      amount: 1210 + 6050 - 1000,
      currency: "EUR",
      gateway: "sandbox",
      status: "open",
      gatewaySessionId: `test_session_${started.attemptId}`,
      createdByContactId: user.contactId,
    });
    const base = env.APP_BASE_URL.replace(/\/+$/, "");
    expect(checkouts).toEqual([
      {
        attemptId: started.attemptId,
        clientId: user.clientId,
        amount: 6260,
        currency: "EUR",
        description: `${a.invoice.proformaReference}, ${b.invoice.proformaReference}`,
        customerEmail: user.email,
        successUrl: `${base}/facturacion/pago/${started.attemptId}/resultado`,
        cancelUrl: `${base}/facturacion/facturas`,
        idempotencyKey: `payment-attempt-${started.attemptId}`,
      },
    ]);

    const single = await startPayment(user, [a.invoice.id]);
    expect(single.ok).toBe(true);
    expect(checkouts[1]).toMatchObject({ amount: 1210, cancelUrl: `${base}/facturacion/facturas/${a.invoice.id}` });
  });

  it("refuses the whole selection when anything in it is wrong, and writes no attempt", async () => {
    const user = await createSignedInOwner(db);
    const stranger = await createSignedInOwner(db);
    const open = await createTestInvoice(db, user.clientId);
    const paid = await createTestInvoice(db, user.clientId, { invoice: { status: "paid", amountPaid: 1210, paidAt: new Date() } });
    const cancelled = await createTestInvoice(db, user.clientId, { invoice: { status: "cancelled" } });
    const refunded = await createTestInvoice(db, user.clientId, { invoice: { status: "refunded" } });
    const dollars = await createTestInvoice(db, user.clientId, { invoice: { currency: "USD" } });
    const foreign = await createTestInvoice(db, stranger.clientId);

    expect(await startPayment(user, [])).toEqual({ ok: false, error: "billing.errors.selectionEmpty" });
    expect(await startPayment(user, [open.invoice.id, open.invoice.id])).toEqual({ ok: false, error: "billing.errors.selectionRepeated" });
    expect(await startPayment(user, [open.invoice.id, foreign.invoice.id])).toEqual({ ok: false, error: "billing.errors.invoiceNotFound" });
    expect(await startPayment(user, [foreign.invoice.id])).toEqual({ ok: false, error: "billing.errors.invoiceNotFound" });
    expect(await startPayment(user, [open.invoice.id, 2_000_000_000])).toEqual({ ok: false, error: "billing.errors.invoiceNotFound" });
    expect(await startPayment(user, [open.invoice.id, paid.invoice.id])).toEqual({ ok: false, error: "billing.errors.alreadyPaid" });
    expect(await startPayment(user, [paid.invoice.id])).toEqual({ ok: false, error: "billing.errors.alreadyPaid" });
    expect(await startPayment(user, [open.invoice.id, cancelled.invoice.id])).toEqual({ ok: false, error: "billing.errors.notPayable" });
    expect(await startPayment(user, [refunded.invoice.id])).toEqual({ ok: false, error: "billing.errors.notPayable" });
    expect(await startPayment(user, [open.invoice.id, dollars.invoice.id])).toEqual({ ok: false, error: "billing.errors.mixedCurrencies" });
    expect(await startPayment({ ...user, isOwner: false, permissions: ["quotes"] }, [open.invoice.id])).toEqual({ ok: false, error: "errors.forbidden" });

    expect(await attemptsOf(user.clientId)).toEqual([]);
    expect(await attemptsOf(stranger.clientId)).toEqual([]);
    expect(checkouts).toEqual([]);
  });

  it("lets a sub-account with the invoices permission pay, and marks the attempt failed when the gateway is down", async () => {
    const owner = await createSignedInOwner(db);
    const { contact } = await createSubAccount(db, owner.clientId, ["invoices"]);
    const subAccount: SessionUser = { ...owner, contactId: contact.id, isOwner: false, permissions: ["invoices"], email: contact.email };
    const { invoice } = await createTestInvoice(db, owner.clientId);

    failNextCheckout = true;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await startPayment(subAccount, [invoice.id])).toEqual({ ok: false, error: "payments.errors.gatewayUnavailable" });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    const started = await startPayment(subAccount, [invoice.id]);
    expect(started.ok).toBe(true);
    const attempts = await attemptsOf(owner.clientId);
    expect(attempts.map((attempt) => [attempt.status, attempt.createdByContactId])).toEqual([
      ["failed", contact.id],
      ["open", contact.id],
    ]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "unpaid", amountPaid: 0 });
  });
});

describe("fulfilPaymentAttempt", () => {
  it("pays every invoice of a mass payment in ascending id order, each with the next number", async () => {
    const user = await createSignedInOwner(db);
    const created = await Promise.all([1000, 2000, 3000].map((unitAmount) => createTestInvoice(db, user.clientId, { line: { unitAmount } })));
    const ids = created.map(({ invoice }) => invoice.id).sort((a, b) => a - b);
    const attempt = await openAttempt(user, [...ids].reverse());

    const result = await fulfilPaymentAttempt({ ...event(), attemptId: attempt.id, amount: attempt.amount, currency: "eur", gatewayReference: "pi_mass" });
    expect(result).toEqual({ status: "applied" });
    const rows = await Promise.all(ids.map(invoiceRow));
    expect(rows.every((row) => row.status === "paid" && row.amountPaid === row.total)).toBe(true);
    expect(new Set(rows.map((row) => row.series)).size).toBe(1);
    const numbers = rows.map((row) => row.number!);
    expect(numbers[1]! > numbers[0]! && numbers[2]! > numbers[1]!).toBe(true);
    const [completed] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id));
    expect(completed).toMatchObject({ status: "completed", gatewayPaymentId: "pi_mass" });
    expect(completed!.completedAt).toBeInstanceOf(Date);
    expect(vi.mocked(sendPaymentReceivedEmail).mock.calls.map(([id]) => id)).toEqual(ids);
    expect(await getCreditBalance(db, user.clientId)).toBe(0);
  });

  it("the same event 5 times in a row and 5 times in parallel gives one payment, one number, one email", async () => {
    const user = await createSignedInOwner(db);
    const sequential = await createTestInvoice(db, user.clientId);
    const parallel = await createTestInvoice(db, user.clientId);
    const first = await openAttempt(user, [sequential.invoice.id]);
    const second = await openAttempt(user, [parallel.invoice.id]);

    const once = event();
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await fulfilPaymentAttempt({ ...once, attemptId: first.id, amount: first.amount, currency: "EUR", gatewayReference: "pi_seq" })).status);
    }
    expect(statuses).toEqual(["applied", "duplicate", "duplicate", "duplicate", "duplicate"]);

    const twice = event();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => fulfilPaymentAttempt({ ...twice, attemptId: second.id, amount: second.amount, currency: "EUR", gatewayReference: "pi_par" })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["applied", "duplicate", "duplicate", "duplicate", "duplicate"]);

    for (const invoiceId of [sequential.invoice.id, parallel.invoice.id]) {
      expect(await paymentsOf(invoiceId)).toHaveLength(1);
      expect(await invoiceRow(invoiceId)).toMatchObject({ status: "paid", amountPaid: 1210 });
    }
    expect(vi.mocked(sendPaymentReceivedEmail).mock.calls.map(([id]) => id).sort()).toEqual([sequential.invoice.id, parallel.invoice.id].sort());
    const events = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, once.eventId));
    expect(events).toHaveLength(1);

    // A different event for the same, now completed, attempt (Stripe's async success after completion).
    const late = await fulfilPaymentAttempt({ ...event(), attemptId: first.id, amount: first.amount, currency: "EUR", gatewayReference: "pi_seq" });
    expect(late).toEqual({ status: "not_open" });
    expect(await paymentsOf(sequential.invoice.id)).toHaveLength(1);
    expect(await getCreditBalance(db, user.clientId)).toBe(0);
  });

  it("does not apply an event whose amount or currency differ from the attempt", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    const attempt = await openAttempt(user, [invoice.id]);
    const cheap = event();

    expect(await fulfilPaymentAttempt({ ...cheap, attemptId: attempt.id, amount: 1, currency: "EUR", gatewayReference: "pi_cheap" })).toEqual({ status: "mismatch" });
    expect(await fulfilPaymentAttempt({ ...cheap, attemptId: attempt.id, amount: 1, currency: "EUR", gatewayReference: "pi_cheap" })).toEqual({ status: "duplicate" });
    const [failed] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id));
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed!.failureReason).toContain("mismatch");

    const other = await openAttempt(user, [invoice.id]);
    expect(await fulfilPaymentAttempt({ ...event(), attemptId: other.id, amount: other.amount, currency: "USD", gatewayReference: null })).toEqual({ status: "mismatch" });
    expect(await fulfilPaymentAttempt({ ...event(), attemptId: 2_000_000_000, amount: 1210, currency: "EUR", gatewayReference: null })).toEqual({ status: "not_found" });
    // The attempts were opened with the sandbox gateway: a Stripe event cannot settle them.
    const third = await openAttempt(user, [invoice.id]);
    expect(
      await fulfilPaymentAttempt({ ...event(), provider: "stripe", attemptId: third.id, amount: third.amount, currency: "EUR", gatewayReference: "pi_other" }),
    ).toEqual({ status: "not_found" });
    expect(await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, third.id))).toMatchObject([{ status: "open" }]);

    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "unpaid", amountPaid: 0, number: null });
    expect(await paymentsOf(invoice.id)).toEqual([]);
    expect(await getCreditBalance(db, user.clientId)).toBe(0);
    expect(sendPaymentReceivedEmail).not.toHaveBeenCalled();
  });

  it("a mass payment and a single payment of the same invoice racing pay it once; the rest becomes credit", async () => {
    const user = await createSignedInOwner(db);
    const a = await createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } });
    const b = await createTestInvoice(db, user.clientId, { line: { unitAmount: 2000 } });
    const mass = await openAttempt(user, [a.invoice.id, b.invoice.id]);
    const single = await openAttempt(user, [a.invoice.id]);
    expect([mass.amount, single.amount]).toEqual([3630, 1210]);

    const results = await Promise.all([
      fulfilPaymentAttempt({ ...event(), attemptId: mass.id, amount: mass.amount, currency: "EUR", gatewayReference: "pi_mass_race" }),
      fulfilPaymentAttempt({ ...event(), attemptId: single.id, amount: single.amount, currency: "EUR", gatewayReference: "pi_single_race" }),
    ]);
    expect(results).toEqual([{ status: "applied" }, { status: "applied" }]);

    for (const { invoice } of [a, b]) {
      const row = await invoiceRow(invoice.id);
      expect(row).toMatchObject({ status: "paid", amountPaid: invoice.total });
      expect(row.number).toBeGreaterThan(0);
      const rows = await paymentsOf(invoice.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.amount).toBe(invoice.total);
    }
    // 48.40 € received for 36.30 € of invoices: the 12.10 € paid twice is credit, not lost and not applied twice.
    expect(await getCreditBalance(db, user.clientId)).toBe(1210);
    const ledger = await db.select().from(creditLedgerEntries).where(eq(creditLedgerEntries.clientId, user.clientId));
    expect(ledger.map((entry) => [entry.kind, entry.amount])).toEqual([["overpayment", 1210]]);
    expect(vi.mocked(sendPaymentReceivedEmail).mock.calls.map(([id]) => id).sort()).toEqual([a.invoice.id, b.invoice.id].sort());
  });

  it("turns the money for an invoice cancelled meanwhile into credit", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    const attempt = await openAttempt(user, [invoice.id]);
    await db.update(invoices).set({ status: "cancelled" }).where(eq(invoices.id, invoice.id));
    expect(await fulfilPaymentAttempt({ ...event(), attemptId: attempt.id, amount: attempt.amount, currency: "EUR", gatewayReference: "pi_late" })).toEqual({
      status: "applied",
    });
    expect(await paymentsOf(invoice.id)).toEqual([]);
    expect(await getCreditBalance(db, user.clientId)).toBe(1210);
  });

  it("credits the ledger when an add-funds invoice is paid by card", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId, { invoice: { kind: "add_funds" }, line: { unitAmount: 5000, taxRateBp: 0 } });
    const attempt = await openAttempt(user, [invoice.id]);
    await fulfilPaymentAttempt({ ...event(), attemptId: attempt.id, amount: 5000, currency: "EUR", gatewayReference: "pi_funds" });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 5000 });
    expect(await getCreditBalance(db, user.clientId)).toBe(5000);
  });
});

describe("failPaymentAttempt", () => {
  it("closes an open attempt once; the invoice stays payable and a late success is not applied", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    const attempt = await openAttempt(user, [invoice.id]);
    const declined = { provider: "sandbox" as const, eventId: `evt_${uniqueSuffix()}`, eventType: "sandbox.payment_failed", attemptId: attempt.id };

    expect(await failPaymentAttempt({ ...declined, reason: "card_declined", status: "failed" })).toEqual({ status: "applied" });
    expect(await failPaymentAttempt({ ...declined, reason: "card_declined", status: "failed" })).toEqual({ status: "duplicate" });
    expect(await failPaymentAttempt({ ...declined, eventId: `evt_${uniqueSuffix()}`, reason: "session_expired", status: "expired" })).toEqual({ status: "not_open" });
    expect(await failPaymentAttempt({ ...declined, eventId: `evt_${uniqueSuffix()}`, attemptId: 2_000_000_000, reason: "x", status: "failed" })).toEqual({
      status: "not_found",
    });
    const [row] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id));
    expect(row).toMatchObject({ status: "failed", failureReason: "card_declined" });
    expect(await fulfilPaymentAttempt({ ...event(), attemptId: attempt.id, amount: attempt.amount, currency: "EUR", gatewayReference: null })).toEqual({
      status: "not_open",
    });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "unpaid", amountPaid: 0 });
    expect(await startPayment(user, [invoice.id])).toMatchObject({ ok: true });
  });
});

describe("recordRefund", () => {
  it("records cumulative refunds once each, and marks an invoice refunded when nothing paid is left", async () => {
    const user = await createSignedInOwner(db);
    const a = await createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } });
    const b = await createTestInvoice(db, user.clientId, { line: { unitAmount: 2000 } });
    const attempt = await openAttempt(user, [a.invoice.id, b.invoice.id]);
    const intent = `pi_${uniqueSuffix()}`;
    await fulfilPaymentAttempt({ ...event(), attemptId: attempt.id, amount: attempt.amount, currency: "EUR", gatewayReference: intent });

    const refund = (amountRefunded: number, eventId = `evt_${uniqueSuffix()}`) =>
      recordRefund({ provider: "sandbox", eventId, eventType: "charge.refunded", gatewayPaymentId: intent, amountRefunded, currency: "EUR" });

    // A partial refund of 5 € comes off the newest invoice first.
    const partial = `evt_${uniqueSuffix()}`;
    expect(await refund(500, partial)).toEqual({ status: "applied" });
    expect(await refund(500, partial)).toEqual({ status: "duplicate" });
    expect(await refund(500)).toEqual({ status: "applied" });
    expect(await invoiceRow(b.invoice.id)).toMatchObject({ status: "paid", amountPaid: 2420 - 500 });
    expect(await invoiceRow(a.invoice.id)).toMatchObject({ status: "paid", amountPaid: 1210 });

    // Then everything: Stripe reports the total refunded so far.
    expect(await refund(3630)).toEqual({ status: "applied" });
    expect(await invoiceRow(b.invoice.id)).toMatchObject({ status: "refunded", amountPaid: 0 });
    expect(await invoiceRow(a.invoice.id)).toMatchObject({ status: "refunded", amountPaid: 0 });
    const refunds = await db.select().from(payments).where(and(eq(payments.paymentAttemptId, attempt.id), eq(payments.clientId, user.clientId)));
    expect(refunds.reduce((sum, row) => sum + row.amount, 0)).toBe(0);
    expect(refunds.filter((row) => row.amount < 0).map((row) => row.amount).sort((x, y) => x - y)).toEqual([-1920, -1210, -500]);

    expect(await refund(3630, `evt_${uniqueSuffix()}`)).toEqual({ status: "applied" });
    expect(await db.select().from(payments).where(eq(payments.paymentAttemptId, attempt.id))).toHaveLength(5);
    expect(await recordRefund({ provider: "sandbox", eventId: `evt_${uniqueSuffix()}`, eventType: "charge.refunded", gatewayPaymentId: "pi_unknown", amountRefunded: 1, currency: "EUR" })).toEqual({
      status: "not_found",
    });
    expect(await refund(100, `evt_${uniqueSuffix()}`).then(() => getCreditBalance(db, user.clientId))).toBe(0);
  });

  it("takes back from credit the part of a refunded payment that had become credit", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    const attempt = await openAttempt(user, [invoice.id]);
    // Paid by another path before the card payment landed: the card money became credit.
    await db.transaction((tx) => recordPayment(tx, { clientId: user.clientId, invoiceId: invoice.id, amount: 1210, currency: "EUR", gateway: "sandbox" }));
    const intent = `pi_${uniqueSuffix()}`;
    await fulfilPaymentAttempt({ ...event(), attemptId: attempt.id, amount: 1210, currency: "EUR", gatewayReference: intent });
    expect(await getCreditBalance(db, user.clientId)).toBe(1210);

    const refund = (amountRefunded: number) =>
      recordRefund({ provider: "sandbox", eventId: `evt_${uniqueSuffix()}`, eventType: "charge.refunded", gatewayPaymentId: intent, amountRefunded, currency: "EUR" });
    expect(await refund(210)).toEqual({ status: "applied" });
    expect(await getCreditBalance(db, user.clientId)).toBe(1000);
    expect(await refund(1210)).toEqual({ status: "applied" });
    expect(await refund(1210)).toEqual({ status: "applied" });
    expect(await getCreditBalance(db, user.clientId)).toBe(0);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 1210 });
    expect(await refund(1210).then(() => getCreditBalance(db, user.clientId))).toBe(0);
    expect(await recordRefund({ provider: "sandbox", eventId: `evt_${uniqueSuffix()}`, eventType: "charge.refunded", gatewayPaymentId: intent, amountRefunded: 1210, currency: "USD" })).toEqual({
      status: "mismatch",
    });
  });
});
