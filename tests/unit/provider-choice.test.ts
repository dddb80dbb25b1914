import { afterEach, describe, expect, it, vi } from "vitest";

// lib/providers reads lib/env, which reads process.env once when first imported: each case stubs the
// variables, then imports a fresh copy of the modules.
async function freshProviders(vars: Record<string, string>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  const [providers, { acceptsSandboxPayments }] = await Promise.all([import("@/lib/providers"), import("@/lib/payments/sandbox-payment")]);
  return { getProvider: providers.getProvider, setProviderForTests: providers.setProviderForTests, acceptsSandboxPayments };
}

const NO_VENDOR_KEYS = { STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "", RESEND_API_KEY: "" };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const checkoutRequest = {
  attemptId: 1,
  clientId: 1,
  amount: 1210,
  currency: "EUR",
  description: "PRO-000001",
  customerEmail: "cliente@example.com",
  successUrl: "http://localhost:3000/facturacion/pago/1/resultado",
  cancelUrl: "http://localhost:3000/facturacion/facturas",
  idempotencyKey: "payment-attempt-1",
};

describe("lib/providers: which adapter serves each service", () => {
  it("picks every sandbox when no vendor key is set", async () => {
    const { getProvider, acceptsSandboxPayments } = await freshProviders(NO_VENDOR_KEYS);
    expect(getProvider("payments").name).toBe("sandbox");
    expect(acceptsSandboxPayments()).toBe(true);
    expect(getProvider("email").name).toBe("outbox");
    expect(getProvider("registrar").name).toBe("sandbox");
  });

  it("picks the vendor whose keys are set", async () => {
    const { getProvider, acceptsSandboxPayments } = await freshProviders({
      STRIPE_SECRET_KEY: "sk_test_configured",
      STRIPE_WEBHOOK_SECRET: "whsec_configured",
      RESEND_API_KEY: "re_test_configured",
    });
    expect(getProvider("payments").name).toBe("stripe");
    expect(acceptsSandboxPayments()).toBe(false);
    expect(getProvider("email").name).toBe("resend");
  });

  it("chooses once per process, and a test double replaces the choice until it is removed", async () => {
    const { getProvider, setProviderForTests } = await freshProviders(NO_VENDOR_KEYS);
    const configured = getProvider("email");
    expect(getProvider("email")).toBe(configured);
    const double = { name: "outbox" as const, send: async () => ({ messageId: "double-1" }) };
    setProviderForTests("email", double);
    expect(getProvider("email")).toBe(double);
    setProviderForTests("email", null);
    expect(getProvider("email")).toBe(configured);
  });

  it("takes no payment with a Stripe key but no webhook secret (money would be charged and never recorded)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { getProvider, acceptsSandboxPayments } = await freshProviders({ STRIPE_SECRET_KEY: "sk_test_configured", STRIPE_WEBHOOK_SECRET: "" });
    await expect(getProvider("payments").createCheckout(checkoutRequest)).rejects.toMatchObject({ messageKey: "payments.errors.gatewayUnavailable" });
    expect(acceptsSandboxPayments()).toBe(false);
  });

  it("keeps the free test payment page off in production on PostgreSQL", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { getProvider, acceptsSandboxPayments } = await freshProviders({
      STRIPE_SECRET_KEY: "",
      NODE_ENV: "production",
      DATABASE_URL: "postgres://portal@db.example.com:5432/portal",
    });
    await expect(getProvider("payments").createCheckout(checkoutRequest)).rejects.toMatchObject({ messageKey: "payments.errors.gatewayUnavailable" });
    expect(acceptsSandboxPayments()).toBe(false);
  });

  it("offers the sandbox in production on the embedded database (demo installs)", async () => {
    const { getProvider, acceptsSandboxPayments } = await freshProviders({ STRIPE_SECRET_KEY: "", NODE_ENV: "production", DATABASE_URL: "" });
    expect(getProvider("payments").name).toBe("sandbox");
    expect(acceptsSandboxPayments()).toBe(true);
  });
});
