import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { invoices, paymentAttempts, payments, sentEmails, webhookEvents } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { startPayment } from "@/lib/billing/start-payment";
import { env } from "@/lib/env";
import { getPaymentAttemptView } from "@/lib/payments/payment-attempt-view";
import { createSandboxGateway } from "@/lib/payments/sandbox-gateway";
import { completeSandboxPayment, declineSandboxPayment, getSandboxPaymentAttempt } from "@/lib/payments/sandbox-payment";
import { createStripeGateway } from "@/lib/payments/stripe-gateway";
import { getProvider, setProviderForTests } from "@/lib/providers";
import { startTestPayment } from "@/tests/helpers/billing-fixtures";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createSubAccount, createTestInvoice } from "@/tests/helpers/factories";

let db: Database;

async function stateOf(attemptId: number, clientId: number) {
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  const invoiceRows = await db.select().from(invoices).where(eq(invoices.clientId, clientId)).orderBy(invoices.id);
  const paymentRows = await db.select().from(payments).where(eq(payments.clientId, clientId));
  const emails = await db.select().from(sentEmails).where(and(eq(sentEmails.clientId, clientId), eq(sentEmails.template, "payment-received")));
  return { attempt: attempt!, invoices: invoiceRows, payments: paymentRows, emails };
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

beforeEach(() => {
  setProviderForTests("payments", createSandboxGateway());
});

afterAll(async () => {
  setProviderForTests("payments", null);
  await teardownTestDatabase();
});

describe("sandbox gateway", () => {
  it("is the default when no Stripe key is configured", () => {
    setProviderForTests("payments", null);
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
    expect(getProvider("payments").name).toBe("sandbox");
  });

  it("sends the customer to the test payment page of the attempt", async () => {
    const { attemptId, redirectUrl, user } = await startTestPayment(db, [1000, 2500]);
    expect(redirectUrl).toBe(`${env.APP_BASE_URL.replace(/\/+$/, "")}/facturacion/pago/${attemptId}`);
    const attempt = await getSandboxPaymentAttempt(user, attemptId);
    expect(attempt).toMatchObject({ id: attemptId, gateway: "sandbox", status: "open", amount: 1210 + 3025, currency: "EUR" });
    expect(attempt!.invoices.map((invoice) => invoice.amountDue)).toEqual([1210, 3025]);
  });
});

describe("sandbox test payment page actions", () => {
  it("'Pago correcto' completes the attempt through the fulfilment function: paid, numbered, one email", async () => {
    const { user, attemptId, invoiceIds } = await startTestPayment(db, [1000, 2000]);
    expect(await completeSandboxPayment(user, attemptId)).toEqual({ ok: true, attemptId });

    const state = await stateOf(attemptId, user.clientId);
    expect(state.attempt).toMatchObject({ status: "completed", gatewayPaymentId: `sandbox-${attemptId}` });
    expect(state.invoices.map((invoice) => invoice.status)).toEqual(["paid", "paid"]);
    expect(state.invoices.every((invoice) => invoice.number !== null && /^F\d{4}$/.test(invoice.series ?? ""))).toBe(true);
    expect(state.payments.map((payment) => [payment.invoiceId, payment.amount, payment.gateway])).toEqual([
      [invoiceIds[0], 1210, "sandbox"],
      [invoiceIds[1], 2420, "sandbox"],
    ]);
    expect(state.emails).toHaveLength(2);
    const events = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.provider, "sandbox"), eq(webhookEvents.eventId, `sandbox-${attemptId}-ok`)));
    expect(events).toHaveLength(1);

    const view = await getPaymentAttemptView(user.scope, attemptId);
    expect(view!.status).toBe("completed");
    expect(view!.invoices.every((invoice) => invoice.status === "paid" && invoice.amountDue === 0 && /^F\d{4}-\d{6}$/.test(invoice.number!))).toBe(true);
  });

  it("a double click pays once", async () => {
    const { user, attemptId } = await startTestPayment(db);
    const results = await Promise.all([completeSandboxPayment(user, attemptId), completeSandboxPayment(user, attemptId)]);
    expect(results).toEqual([{ ok: true, attemptId }, { ok: true, attemptId }]);
    expect(await completeSandboxPayment(user, attemptId)).toEqual({ ok: true, attemptId });
    const state = await stateOf(attemptId, user.clientId);
    expect(state.payments).toHaveLength(1);
    expect(state.emails).toHaveLength(1);
  });

  it("'Tarjeta rechazada' fails the attempt and leaves the invoice unpaid; it cannot be paid afterwards", async () => {
    const { user, attemptId } = await startTestPayment(db);
    expect(await declineSandboxPayment(user, attemptId)).toEqual({ ok: true, attemptId });
    let state = await stateOf(attemptId, user.clientId);
    expect(state.attempt).toMatchObject({ status: "failed", failureReason: "card_declined" });
    expect(state.invoices[0]).toMatchObject({ status: "unpaid", amountPaid: 0, number: null });
    expect(state.payments).toEqual([]);

    expect(await completeSandboxPayment(user, attemptId)).toEqual({ ok: false, error: "payments.errors.attemptClosed" });
    state = await stateOf(attemptId, user.clientId);
    expect(state.invoices[0]!.status).toBe("unpaid");
    expect(state.payments).toEqual([]);

    // A fresh attempt for the same invoice can still be paid.
    const retry = await startPayment(user, [state.invoices[0]!.id]);
    expect(retry.ok).toBe(true);
    if (!retry.ok) return;
    expect(await completeSandboxPayment(user, retry.attemptId)).toEqual({ ok: true, attemptId: retry.attemptId });
    expect((await stateOf(retry.attemptId, user.clientId)).invoices[0]!.status).toBe("paid");
  });

  it("another client's attempt is not found and nothing changes", async () => {
    const { user, attemptId } = await startTestPayment(db);
    const stranger = await createSignedInOwner(db);
    expect(await getSandboxPaymentAttempt(stranger, attemptId)).toBeNull();
    expect(await getPaymentAttemptView(stranger.scope, attemptId)).toBeNull();
    expect(await completeSandboxPayment(stranger, attemptId)).toEqual({ ok: false, error: "payments.errors.attemptNotFound" });
    expect(await declineSandboxPayment(stranger, attemptId)).toEqual({ ok: false, error: "payments.errors.attemptNotFound" });
    const state = await stateOf(attemptId, user.clientId);
    expect(state.attempt.status).toBe("open");
    expect(state.payments).toEqual([]);
    expect(await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, `sandbox-${attemptId}-ok`))).toEqual([]);
  });

  it("a billing sub-account of the same client can pay the client's attempt", async () => {
    const owner = await createSignedInOwner(db);
    const { contact } = await createSubAccount(db, owner.clientId, ["invoices"]);
    const billing: SessionUser = { ...owner, contactId: contact.id, isOwner: false, permissions: ["invoices"], name: "Pablo", email: contact.email, sessionId: 0 };
    const { attemptId } = await startTestPayment(db, [1500], billing);
    expect(await completeSandboxPayment(billing, attemptId)).toEqual({ ok: true, attemptId });
    expect((await stateOf(attemptId, owner.clientId)).attempt.status).toBe("completed");
  });

  it("is closed once the portal runs on Stripe, even for an attempt opened in the sandbox", async () => {
    const { user, attemptId } = await startTestPayment(db);
    setProviderForTests("payments", createStripeGateway({ apiKey: "sk_test_unused", host: "127.0.0.1", port: 1, protocol: "http" }));
    expect(await getSandboxPaymentAttempt(user, attemptId)).toBeNull();
    expect(await completeSandboxPayment(user, attemptId)).toEqual({ ok: false, error: "payments.errors.attemptNotFound" });
    expect((await stateOf(attemptId, user.clientId)).payments).toEqual([]);
  });

  it("never completes a Stripe attempt", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    const [attempt] = await db
      .insert(paymentAttempts)
      .values({ clientId: user.clientId, invoiceIds: [invoice.id], amount: invoice.total, currency: "EUR", gateway: "stripe", status: "open" })
      .returning();
    expect(await getSandboxPaymentAttempt(user, attempt!.id)).toBeNull();
    expect(await completeSandboxPayment(user, attempt!.id)).toEqual({ ok: false, error: "payments.errors.attemptNotFound" });
    expect((await stateOf(attempt!.id, user.clientId)).attempt.status).toBe("open");
  });
});

