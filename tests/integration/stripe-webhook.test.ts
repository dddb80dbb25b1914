import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { invoices, paymentAttempts, payments, sentEmails, webhookEvents } from "@/db/schema";
import { createStripeGateway } from "@/lib/payments/stripe-gateway";
import { setProviderForTests } from "@/lib/providers";
import { startTestPayment } from "@/tests/helpers/billing-fixtures";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import {
  refundedCharge,
  signedWebhookRequest,
  standInClientOptions,
  startStripeStandIn,
  stripeEvent,
  type StripeStandIn,
} from "@/tests/helpers/stripe-stand-in";

// lib/env reads process.env once, when first imported: the secret has to be there before any import.
const WEBHOOK_SECRET = vi.hoisted(() => {
  const secret = "whsec_test_portal_0123456789abcdef";
  process.env.STRIPE_WEBHOOK_SECRET = secret;
  return secret;
});

// The real fulfilment runs; a test can make it throw once to see that Stripe is asked to retry.
const failures = vi.hoisted(() => ({ next: null as Error | null }));
vi.mock("@/lib/billing/fulfil-payment", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/billing/fulfil-payment")>();
  return {
    ...original,
    fulfilPaymentAttempt: async (...args: Parameters<typeof original.fulfilPaymentAttempt>) => {
      const failure = failures.next;
      failures.next = null;
      if (failure) throw failure;
      return original.fulfilPaymentAttempt(...args);
    },
  };
});

const { POST } = await import("@/app/api/webhooks/stripe/route");

let db: Database;
let standIn: StripeStandIn;

/** A customer with unpaid invoices who went to Stripe Checkout; the stand-in holds the open session. */
async function openCheckout(lines: number[] = [1000]) {
  const { user, invoiceIds, attemptId } = await startTestPayment(db, lines);
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  return { user, invoiceIds, attempt: attempt!, sessionId: attempt!.gatewaySessionId! };
}

/** What Stripe sends once the customer has paid: the completed session, as its API would show it. */
function completedEvent(sessionId: string, patch: Record<string, unknown> = {}) {
  return stripeEvent("checkout.session.completed", { ...standIn.completeSession(sessionId), ...patch });
}

function deliver(event: object, options: { secret?: string; timestamp?: number } = {}) {
  return POST(signedWebhookRequest(JSON.stringify(event), options.secret ?? WEBHOOK_SECRET, { timestamp: options.timestamp }));
}

async function stateOf(attemptId: number, invoiceIds: number[], clientId: number) {
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  const invoiceRows = await Promise.all(invoiceIds.map(async (id) => (await db.select().from(invoices).where(eq(invoices.id, id)))[0]!));
  const paymentRows = await db.select().from(payments).where(eq(payments.clientId, clientId));
  const emails = await db
    .select()
    .from(sentEmails)
    .where(and(eq(sentEmails.clientId, clientId), eq(sentEmails.template, "payment-received")));
  return { attempt: attempt!, invoices: invoiceRows, payments: paymentRows, emails };
}

async function recordedEvent(eventId: string) {
  return db.select().from(webhookEvents).where(and(eq(webhookEvents.provider, "stripe"), eq(webhookEvents.eventId, eventId)));
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  standIn = await startStripeStandIn();
  setProviderForTests("payments", createStripeGateway(standInClientOptions(standIn)));
});

beforeEach(() => {
  failures.next = null;
});

afterAll(async () => {
  setProviderForTests("payments", null);
  await standIn?.close();
  await teardownTestDatabase();
});

describe("POST /api/webhooks/stripe: signature", () => {
  it("refuses a bad, missing or foreign signature and a tampered body, and changes nothing", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const event = completedEvent(sessionId);
    const payload = JSON.stringify(event);

    const wrongSecret = await deliver(event, { secret: "whsec_someone_else" });
    const unsigned = await POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload }));
    const garbage = await POST(
      new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": "t=1,v1=deadbeef" } }),
    );
    // Signed for one body, delivered with another (the amount raised after signing).
    const signed = signedWebhookRequest(payload, WEBHOOK_SECRET);
    const tampered = await POST(
      new Request(signed.url, { method: "POST", headers: signed.headers, body: payload.replace(`"amount_total":1210`, `"amount_total":1`) }),
    );

    for (const response of [wrongSecret, unsigned, garbage, tampered]) expect(response.status).toBe(400);
    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.attempt.status).toBe("open");
    expect(state.invoices[0]).toMatchObject({ status: "unpaid", amountPaid: 0, number: null });
    expect(state.payments).toEqual([]);
    expect(await recordedEvent(event.id)).toEqual([]);
  });

  it("refuses an event signed 301 seconds ago (replay) and accepts one signed 290 seconds ago", async () => {
    const stale = await openCheckout();
    const staleEvent = completedEvent(stale.sessionId);
    const now = Math.floor(Date.now() / 1000);
    const refused = await deliver(staleEvent, { timestamp: now - 301 });
    expect(refused.status).toBe(400);
    expect((await stateOf(stale.attempt.id, stale.invoiceIds, stale.user.clientId)).payments).toEqual([]);
    expect(await recordedEvent(staleEvent.id)).toEqual([]);

    const recent = await openCheckout();
    const accepted = await deliver(completedEvent(recent.sessionId), { timestamp: now - 290 });
    expect(accepted.status).toBe(200);
    expect((await stateOf(recent.attempt.id, recent.invoiceIds, recent.user.clientId)).attempt.status).toBe("completed");
  });
});

describe("POST /api/webhooks/stripe: checkout.session.completed", () => {
  it("pays the invoices once when the same event arrives 5 times in a row: one payment, one number, one email", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const event = completedEvent(sessionId);

    const answers = [];
    for (let delivery = 0; delivery < 5; delivery++) answers.push(await (await deliver(event)).json());
    expect(answers.map((answer) => answer.status)).toEqual(["applied", "duplicate", "duplicate", "duplicate", "duplicate"]);

    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.attempt).toMatchObject({ status: "completed", gatewayPaymentId: event.data.object.payment_intent });
    expect(state.invoices[0]).toMatchObject({ status: "paid", amountPaid: 1210 });
    expect(state.invoices[0]!.number).toEqual(expect.any(Number));
    expect(state.invoices[0]!.series).toMatch(/^F\d{4}$/);
    expect(state.payments).toHaveLength(1);
    expect(state.payments[0]).toMatchObject({ invoiceId: invoiceIds[0], amount: 1210, currency: "EUR", gateway: "stripe", paymentAttemptId: attempt.id });
    expect(state.emails).toHaveLength(1);
    expect(await recordedEvent(event.id)).toHaveLength(1);
  });

  it("pays once when the same event arrives 5 times at the same moment", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout([1000, 2000]);
    const event = completedEvent(sessionId);

    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const statuses = await Promise.all(responses.map(async (response) => (await response.json()).status));
    expect(statuses.filter((status) => status === "applied")).toHaveLength(1);
    expect(statuses.filter((status) => status === "duplicate")).toHaveLength(4);

    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.attempt.status).toBe("completed");
    expect(state.invoices.map((invoice) => invoice.status)).toEqual(["paid", "paid"]);
    // Numbered in the order of the selection, one number each, consecutive.
    expect(state.invoices[0]!.series).toBe(state.invoices[1]!.series);
    expect(state.invoices[1]!.number! - state.invoices[0]!.number!).toBeGreaterThanOrEqual(1);
    expect(new Set(state.invoices.map((invoice) => invoice.number)).size).toBe(2);
    expect(state.payments).toHaveLength(2);
    expect(state.payments.reduce((sum, payment) => sum + payment.amount, 0)).toBe(1210 + 2420);
    expect(state.emails).toHaveLength(2);
  });

  it("does not apply an event whose amount does not match the attempt", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const event = completedEvent(sessionId, { amount_total: 1 });
    const response = await deliver(event);
    // Final for Stripe (no retry would change it); logged for a person to look at.
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("mismatch");
    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.invoices[0]).toMatchObject({ status: "unpaid", amountPaid: 0, number: null });
    expect(state.payments).toEqual([]);
    expect(state.emails).toEqual([]);
    expect(state.attempt.status).not.toBe("completed");
  });

  it("does not apply an event whose currency does not match the attempt", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const response = await deliver(completedEvent(sessionId, { currency: "usd" }));
    expect((await response.json()).status).toBe("mismatch");
    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.invoices[0]!.status).toBe("unpaid");
    expect(state.payments).toEqual([]);
  });

  it("does not apply an event that names another attempt (another client's, or none)", async () => {
    const mine = await openCheckout();
    const theirs = await openCheckout([5000]);
    // My session's amount, but the metadata points at the other client's attempt.
    const crossed = completedEvent(mine.sessionId, { metadata: { payment_attempt_id: String(theirs.attempt.id) } });
    expect((await (await deliver(crossed)).json()).status).toBe("mismatch");
    const unknown = completedEvent(mine.sessionId, { metadata: { payment_attempt_id: "2000000000" } });
    expect((await (await deliver(unknown)).json()).status).toBe("not_found");

    const theirState = await stateOf(theirs.attempt.id, theirs.invoiceIds, theirs.user.clientId);
    expect(theirState.invoices[0]!.status).toBe("unpaid");
    expect(theirState.payments).toEqual([]);
    const myState = await stateOf(mine.attempt.id, mine.invoiceIds, mine.user.clientId);
    expect(myState.attempt.status).toBe("open");
    expect(myState.payments).toEqual([]);
  });

  it("ignores a session that is not ours (no attempt id) and a completed session still unpaid", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const foreign = stripeEvent("checkout.session.completed", { ...standIn.sessions.get(sessionId)!, metadata: {} });
    expect(await (await deliver(foreign)).json()).toMatchObject({ status: "ignored" });

    // A delayed method (SEPA) completes the session "unpaid"; the money arrives with async_payment_succeeded.
    const unpaid = stripeEvent("checkout.session.completed", { ...standIn.sessions.get(sessionId)!, status: "complete", payment_status: "unpaid" });
    expect(await (await deliver(unpaid)).json()).toMatchObject({ status: "ignored" });
    expect((await stateOf(attempt.id, invoiceIds, user.clientId)).attempt.status).toBe("open");

    const settled = stripeEvent("checkout.session.async_payment_succeeded", standIn.completeSession(sessionId));
    expect(await (await deliver(settled)).json()).toMatchObject({ status: "applied" });
    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.attempt.status).toBe("completed");
    expect(state.invoices[0]!.status).toBe("paid");
    expect(state.payments).toHaveLength(1);

    // The same session's completed event arriving late changes nothing.
    expect(await (await deliver(completedEvent(sessionId))).json()).toMatchObject({ status: "not_open" });
    expect((await stateOf(attempt.id, invoiceIds, user.clientId)).payments).toHaveLength(1);
  });

  it("answers 500 on an unexpected failure, so that Stripe retries, and applies the retry", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const event = completedEvent(sessionId);
    failures.next = new Error("database went away");
    const failed = await deliver(event);
    expect(failed.status).toBe(500);
    expect(await recordedEvent(event.id)).toEqual([]);

    const retried = await deliver(event);
    expect(retried.status).toBe(200);
    expect((await stateOf(attempt.id, invoiceIds, user.clientId)).payments).toHaveLength(1);
  });
});

describe("POST /api/webhooks/stripe: other events", () => {
  it("marks the attempt failed on checkout.session.async_payment_failed and leaves the invoice unpaid", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const event = stripeEvent("checkout.session.async_payment_failed", { ...standIn.sessions.get(sessionId)!, status: "complete", payment_status: "unpaid" });
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("applied");
    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.attempt.status).toBe("failed");
    expect(state.invoices[0]).toMatchObject({ status: "unpaid", amountPaid: 0 });
    expect(state.payments).toEqual([]);
    expect(await recordedEvent(event.id)).toHaveLength(1);
  });

  it("marks the attempt expired on checkout.session.expired", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const event = stripeEvent("checkout.session.expired", { ...standIn.sessions.get(sessionId)!, status: "expired" });
    expect((await (await deliver(event)).json()).status).toBe("applied");
    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.attempt.status).toBe("expired");
    expect(state.invoices[0]!.status).toBe("unpaid");
  });

  it("records a refund on charge.refunded, once", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    const paid = completedEvent(sessionId);
    expect((await (await deliver(paid)).json()).status).toBe("applied");
    const paymentIntentId = paid.data.object.payment_intent!;

    const refund = stripeEvent("charge.refunded", refundedCharge({ paymentIntentId, amount: 1210, amountRefunded: 1210 }));
    const first = await deliver(refund);
    expect(first.status).toBe(200);
    expect((await first.json()).status).toBe("applied");
    expect((await (await deliver(refund)).json()).status).toBe("duplicate");

    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.payments.map((payment) => payment.amount).sort((a, b) => a - b)).toEqual([-1210, 1210]);
    expect(state.invoices[0]!.status).toBe("refunded");
    expect(await recordedEvent(refund.id)).toHaveLength(1);
  });

  it("acknowledges and ignores an event type outside the allow-list", async () => {
    const { user, invoiceIds, attempt, sessionId } = await openCheckout();
    // The payment intent carries our attempt id too, but fulfilment only follows Checkout's events.
    const session = standIn.completeSession(sessionId);
    const event = stripeEvent("payment_intent.succeeded", {
      id: session.payment_intent,
      object: "payment_intent",
      amount: session.amount_total,
      amount_received: session.amount_total,
      currency: session.currency,
      metadata: session.metadata,
      status: "succeeded",
    });
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("ignored");
    const state = await stateOf(attempt.id, invoiceIds, user.clientId);
    expect(state.attempt.status).toBe("open");
    expect(state.payments).toEqual([]);
    expect(await recordedEvent(event.id)).toEqual([]);
  });

  it("answers 404 when no webhook secret is configured", async () => {
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", "");
    vi.resetModules();
    try {
      const { POST: unconfigured } = await import("@/app/api/webhooks/stripe/route");
      const event = stripeEvent("checkout.session.completed", {});
      const response = await unconfigured(signedWebhookRequest(JSON.stringify(event), WEBHOOK_SECRET));
      expect(response.status).toBe(404);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
