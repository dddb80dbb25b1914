import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { paymentAttempts } from "@/db/schema";
import { startPayment } from "@/lib/billing/start-payment";
import { env } from "@/lib/env";
import { PaymentGatewayError, type CheckoutRequest } from "@/lib/payments/gateway";
import { createStripeClient } from "@/lib/payments/stripe-client";
import { createStripeGateway } from "@/lib/payments/stripe-gateway";
import { setProviderForTests } from "@/lib/providers";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createTestInvoice } from "@/tests/helpers/factories";
import { STAND_IN_API_KEY, standInClientOptions, startStripeStandIn, type StripeStandIn } from "@/tests/helpers/stripe-stand-in";

let db: Database;
let standIn: StripeStandIn;

const standInOptions = () => standInClientOptions(standIn);

function checkoutRequest(overrides: Partial<CheckoutRequest> = {}): CheckoutRequest {
  return {
    attemptId: 987_654,
    clientId: 1,
    amount: 12_100,
    currency: "EUR",
    description: "Factura proforma PRO-000001",
    customerEmail: "cliente@example.com",
    successUrl: "http://localhost:3000/facturacion/pago/987654/resultado",
    cancelUrl: "http://localhost:3000/facturacion/facturas",
    idempotencyKey: `attempt-987654-${Math.random()}`,
    ...overrides,
  };
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  standIn = await startStripeStandIn();
});

beforeEach(() => {
  setProviderForTests("payments", createStripeGateway(standInOptions()));
});

afterAll(async () => {
  setProviderForTests("payments", null);
  await standIn?.close();
  await teardownTestDatabase();
});

describe("startPayment through Stripe Checkout (real SDK against the stand-in)", () => {
  it("opens a session for the amount due computed on the server, with the attempt id in both metadata", async () => {
    const user = await createSignedInOwner(db);
    // 1000 + 21 % = 1210 due; 2500 + 525 = 3025 of which 500 already paid = 2525 due.
    const { invoice: first } = await createTestInvoice(db, user.clientId);
    const { invoice: second } = await createTestInvoice(db, user.clientId, { line: { unitAmount: 2500 }, invoice: { amountPaid: 500 } });
    const before = standIn.requests.length;

    const result = await startPayment(user, [second.id, first.id]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, result.attemptId));
    expect(attempt).toMatchObject({ clientId: user.clientId, amount: 1210 + 2525, currency: "EUR", gateway: "stripe", status: "open" });
    expect(attempt!.gatewaySessionId).toMatch(/^cs_test_/);

    const created = standIn.requests.slice(before).filter((request) => request.method === "POST" && request.path === "/v1/checkout/sessions");
    expect(created).toHaveLength(1);
    const { form, idempotencyKey, headers } = created[0]!;
    expect(headers.authorization).toBe(`Bearer ${STAND_IN_API_KEY}`);
    expect(idempotencyKey).toBeTruthy();
    expect(form).toMatchObject({
      mode: "payment",
      line_items: [{ price_data: { currency: "eur", unit_amount: String(1210 + 2525) }, quantity: "1" }],
      client_reference_id: String(result.attemptId),
      metadata: { payment_attempt_id: String(result.attemptId) },
      payment_intent_data: { metadata: { payment_attempt_id: String(result.attemptId) } },
      customer_email: user.email,
      success_url: `${env.APP_BASE_URL}/facturacion/pago/${result.attemptId}/resultado?session_id={CHECKOUT_SESSION_ID}`,
    });

    const session = standIn.sessions.get(attempt!.gatewaySessionId!);
    expect(session).toMatchObject({ amount_total: 3735, currency: "eur", payment_status: "unpaid", status: "open" });
    // The customer is sent to Stripe's hosted page: card data never reaches our server.
    expect(result.redirectUrl).toBe(session!.url);
    expect(result.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
  });

  it("never calls Stripe for a selection that is refused (another client's invoice)", async () => {
    const user = await createSignedInOwner(db);
    const stranger = await createSignedInOwner(db);
    const { invoice: own } = await createTestInvoice(db, user.clientId);
    const { invoice: foreign } = await createTestInvoice(db, stranger.clientId);
    const before = standIn.requests.length;

    const result = await startPayment(user, [own.id, foreign.id]);
    expect(result).toMatchObject({ ok: false, error: "billing.errors.invoiceNotFound" });
    expect(standIn.requests.length).toBe(before);
    expect(await db.select().from(paymentAttempts).where(eq(paymentAttempts.clientId, user.clientId))).toEqual([]);
  });

  it("refuses a paid invoice with a message and no attempt", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId, { invoice: { status: "paid", amountPaid: 1210, series: "F1999", number: Math.floor(Math.random() * 1e9) } });
    const before = standIn.requests.length;
    const result = await startPayment(user, [invoice.id]);
    expect(result).toMatchObject({ ok: false, error: "billing.errors.alreadyPaid" });
    expect(standIn.requests.length).toBe(before);
    expect(await db.select().from(paymentAttempts).where(eq(paymentAttempts.clientId, user.clientId))).toEqual([]);
  });
  it("answers with a message and leaves no open attempt when Stripe fails", async () => {
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    standIn.failNext(500, { type: "api_error", message: "Something went wrong on Stripe's end." });
    const result = await startPayment(user, [invoice.id]);
    expect(result).toEqual({ ok: false, error: "payments.errors.gatewayUnavailable" });
    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.clientId, user.clientId));
    expect(attempts.map((attempt) => attempt.status)).toEqual(["failed"]);
  });
});

describe("Stripe gateway adapter", () => {
  it("answers the same session for the same idempotency key", async () => {
    const gateway = createStripeGateway(standInOptions());
    const request = checkoutRequest();
    const first = await gateway.createCheckout(request);
    const again = await gateway.createCheckout(request);
    expect(again).toEqual(first);
    expect([...standIn.sessions.keys()].filter((id) => id === first.sessionId)).toHaveLength(1);
  });

  it("creates sessions that the SDK can retrieve by id", async () => {
    const { sessionId } = await createStripeGateway(standInOptions()).createCheckout(checkoutRequest({ amount: 4_321 }));
    const session = await createStripeClient(standInOptions()).checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({ id: sessionId, object: "checkout.session", amount_total: 4_321, currency: "eur", status: "open" });
    await expect(createStripeClient(standInOptions()).checkout.sessions.retrieve("cs_test_missing")).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
  });

  it("maps Stripe's errors to our own message keys", async () => {
    const gateway = createStripeGateway({ ...standInOptions(), maxNetworkRetries: 0 });

    standIn.failNext(400, { type: "invalid_request_error", message: "Invalid currency: xyz", param: "line_items[0][price_data][currency]" });
    await expect(gateway.createCheckout(checkoutRequest())).rejects.toMatchObject({ messageKey: "payments.errors.gatewayRejected" });

    standIn.failNext(500, { type: "api_error", message: "Something went wrong on Stripe's end." });
    await expect(gateway.createCheckout(checkoutRequest())).rejects.toMatchObject({ messageKey: "payments.errors.gatewayUnavailable" });

    standIn.failNext(429, { type: "invalid_request_error", code: "rate_limit", message: "Too many requests" });
    await expect(gateway.createCheckout(checkoutRequest())).rejects.toMatchObject({ messageKey: "payments.errors.gatewayUnavailable" });

    // A wrong key: Stripe answers 401 and the SDK raises an authentication error; the customer only learns it is unavailable.
    const badKey = createStripeGateway({ ...standInOptions(), apiKey: "sk_test_wrong_key_000000" });
    const refused = await badKey.createCheckout(checkoutRequest()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PaymentGatewayError);
    expect((refused as PaymentGatewayError).messageKey).toBe("payments.errors.gatewayUnavailable");
    expect((refused as PaymentGatewayError).cause).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("maps an unreachable Stripe to gatewayUnavailable", async () => {
    const gateway = createStripeGateway({ apiKey: STAND_IN_API_KEY, host: "127.0.0.1", port: 1, protocol: "http", maxNetworkRetries: 0 });
    await expect(gateway.createCheckout(checkoutRequest())).rejects.toMatchObject({ messageKey: "payments.errors.gatewayUnavailable" });
  });
});
