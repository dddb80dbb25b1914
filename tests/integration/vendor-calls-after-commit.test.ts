import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { invoices, paymentAttempts } from "@/db/schema";
import { startPayment } from "@/lib/billing/start-payment";
import type { OutgoingEmail } from "@/lib/email/provider";
import type { CheckoutRequest } from "@/lib/payments/gateway";
import { PaymentGatewayError } from "@/lib/payments/gateway";
import { createSandboxGateway } from "@/lib/payments/sandbox-gateway";
import { completeSandboxPayment } from "@/lib/payments/sandbox-payment";
import { setProviderForTests } from "@/lib/providers";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createTestInvoice } from "@/tests/helpers/factories";

// A vendor call made inside a transaction would hold locks while the network answers, and could
// charge or mail for a write that then rolls back. These doubles look at the database from outside
// at the moment the vendor is called: on PostgreSQL that is another pool connection, which sees
// only committed rows; on PGlite a query outside an open transaction waits for it to end.

let db: Database;

const OUTSIDE_READ_TIMEOUT_MS = 3_000;

/** Reads through the app's handle, not a transaction; "blocked" when an open transaction holds it. */
async function readFromOutside<T>(read: () => Promise<T>): Promise<T | "blocked"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<"blocked">((resolve) => {
    timer = setTimeout(() => resolve("blocked"), OUTSIDE_READ_TIMEOUT_MS);
  });
  try {
    return await Promise.race([read(), blocked]);
  } finally {
    clearTimeout(timer);
  }
}

async function attemptRow(attemptId: number) {
  const [row] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  return row ?? null;
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

afterEach(() => {
  setProviderForTests("payments", null);
  setProviderForTests("email", null);
});

afterAll(async () => {
  await teardownTestDatabase();
});

describe("checkout: the attempt is committed before the gateway is called", () => {
  it("finds the open attempt from outside when the gateway is asked, keys the call by the attempt id, then stores the session", async () => {
    const calls: { request: CheckoutRequest; attemptSeen: Awaited<ReturnType<typeof attemptRow>> | "blocked" }[] = [];
    setProviderForTests("payments", {
      name: "sandbox",
      async createCheckout(request) {
        calls.push({ request, attemptSeen: await readFromOutside(() => attemptRow(request.attemptId)) });
        return { sessionId: `recorded_${request.attemptId}`, url: `https://pagos.test/${request.attemptId}` };
      },
    });
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } });

    const started = await startPayment(user, [invoice.id]);
    if (!started.ok) throw new Error(started.error);

    expect(calls.map((call) => call.attemptSeen)).toEqual([
      expect.objectContaining({ id: started.attemptId, status: "open", gatewaySessionId: null, amount: invoice.total }),
    ]);
    expect(calls[0]!.request.idempotencyKey).toBe(`payment-attempt-${started.attemptId}`);
    expect(await attemptRow(started.attemptId)).toMatchObject({ status: "open", gatewaySessionId: `recorded_${started.attemptId}` });
  });

  it("a gateway failing once leaves a failed attempt; the retry is a new attempt with its own key", async () => {
    const keys: string[] = [];
    let failuresLeft = 1;
    setProviderForTests("payments", {
      name: "sandbox",
      async createCheckout(request) {
        keys.push(request.idempotencyKey);
        if (failuresLeft-- > 0) throw new PaymentGatewayError("payments.errors.gatewayUnavailable");
        return { sessionId: `recorded_${request.attemptId}`, url: `https://pagos.test/${request.attemptId}` };
      },
    });
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    expect(await startPayment(user, [invoice.id])).toEqual({ ok: false, error: "payments.errors.gatewayUnavailable" });
    logged.mockRestore();
    const retried = await startPayment(user, [invoice.id]);
    if (!retried.ok) throw new Error(retried.error);

    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.clientId, user.clientId)).orderBy(paymentAttempts.id);
    expect(attempts.map((attempt) => attempt.status)).toEqual(["failed", "open"]);
    expect(keys).toEqual(attempts.map((attempt) => `payment-attempt-${attempt.id}`));
  });
});

describe("email: sent once the payment it announces is committed", () => {
  it("the payment-received email goes out when the paid invoice is already visible from outside", async () => {
    setProviderForTests("payments", createSandboxGateway());
    const seen: { message: OutgoingEmail; invoiceStatus: string | "blocked" }[] = [];
    const user = await createSignedInOwner(db);
    const { invoice } = await createTestInvoice(db, user.clientId);
    setProviderForTests("email", {
      name: "outbox",
      async send(message) {
        const status = await readFromOutside(async () => {
          const [row] = await db.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, invoice.id));
          return row!.status;
        });
        seen.push({ message, invoiceStatus: status });
        return { messageId: `recorded-${seen.length}` };
      },
    });

    const started = await startPayment(user, [invoice.id]);
    if (!started.ok) throw new Error(started.error);
    expect(await completeSandboxPayment(user, started.attemptId)).toEqual({ ok: true, attemptId: started.attemptId });

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((entry) => entry.invoiceStatus)).toEqual(seen.map(() => "paid"));
    expect(seen.map((entry) => entry.message.to)).toContain(user.email);
  });
});
