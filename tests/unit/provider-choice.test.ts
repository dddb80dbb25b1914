import { afterEach, describe, expect, it, vi } from "vitest";
import { STAND_IN_API_KEY, STAND_IN_CUSTOMER_ID, STAND_IN_RESELLER_ID, startLogicBoxesStandIn } from "@/tests/helpers/logicboxes-stand-in";

// lib/providers reads lib/env, which reads process.env once when first imported: each case stubs the
// variables, then imports a fresh copy of the modules.
async function freshProviders(vars: Record<string, string>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  const [providers, { acceptsSandboxPayments }, { isRefusingRegistrar }] = await Promise.all([
    import("@/lib/providers"),
    import("@/lib/payments/sandbox-payment"),
    import("@/lib/registrar/refusing-registrar"),
  ]);
  return { getProvider: providers.getProvider, setProviderForTests: providers.setProviderForTests, acceptsSandboxPayments, isRefusingRegistrar };
}

const NO_LOGICBOXES = { REGISTRAR: "", LOGICBOXES_RESELLER_ID: "", LOGICBOXES_API_KEY: "", LOGICBOXES_CUSTOMER_ID: "", LOGICBOXES_API_URL: "" };
const NO_VENDOR_KEYS = { STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "", RESEND_API_KEY: "", ...NO_LOGICBOXES };

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

  describe("the registrar", () => {
    it("is LogicBoxes when its keys are set, and its calls go to LOGICBOXES_API_URL with them", async () => {
      const standIn = await startLogicBoxesStandIn();
      try {
        const { getProvider, isRefusingRegistrar } = await freshProviders({
          ...NO_LOGICBOXES,
          LOGICBOXES_API_URL: standIn.baseUrl,
          LOGICBOXES_RESELLER_ID: STAND_IN_RESELLER_ID,
          LOGICBOXES_API_KEY: STAND_IN_API_KEY,
          LOGICBOXES_CUSTOMER_ID: STAND_IN_CUSTOMER_ID,
        });
        const registrar = getProvider("registrar");
        expect(registrar.name).toBe("logicboxes");
        expect(isRefusingRegistrar(registrar)).toBe(false);
        expect(await registrar.checkAvailability(["libre-del-todo.com"])).toEqual([{ name: "libre-del-todo.com", status: "available" }]);
        expect(standIn.requests).toEqual([
          {
            method: "GET",
            path: "/api/domains/available.json",
            query: { "auth-userid": STAND_IN_RESELLER_ID, "api-key": STAND_IN_API_KEY, "domain-name": "libre-del-todo", tlds: "com" },
          },
        ]);
      } finally {
        await standIn.close();
      }
    });

    it("is the sandbox with REGISTRAR=sandbox, even with LogicBoxes keys set", async () => {
      const { getProvider } = await freshProviders({ ...NO_LOGICBOXES, REGISTRAR: "sandbox", LOGICBOXES_RESELLER_ID: "1", LOGICBOXES_API_KEY: "k", LOGICBOXES_CUSTOMER_ID: "2" });
      expect(getProvider("registrar").name).toBe("sandbox");
    });

    it("refuses every call, saying which variable is missing, when LogicBoxes is asked for without its keys", async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const { getProvider, isRefusingRegistrar } = await freshProviders({ ...NO_LOGICBOXES, REGISTRAR: "logicboxes", LOGICBOXES_RESELLER_ID: "753669" });
      const registrar = getProvider("registrar");
      expect(isRefusingRegistrar(registrar)).toBe(true);
      await expect(registrar.checkAvailability(["libre.com"])).rejects.toMatchObject({ code: "unavailable", messageKey: "domains.errors.registrar.unavailable" });
      await expect(registrar.renew({ name: "libre.com", years: 1, currentExpiryDate: "2027-01-01" })).rejects.toMatchObject({ code: "unavailable" });
      const lines = logged.mock.calls.map((call) => String(call[0]));
      expect(lines.join("\n")).toContain("LOGICBOXES_API_KEY, LOGICBOXES_CUSTOMER_ID are not");
      expect(lines.join("\n")).not.toContain("LOGICBOXES_RESELLER_ID,");
    });

    it("refuses in production on PostgreSQL when no registrar is configured, and is the sandbox there only when asked for", async () => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const production = { ...NO_LOGICBOXES, NODE_ENV: "production", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/none_tmp" };
      const unset = await freshProviders(production);
      expect(unset.isRefusingRegistrar(unset.getProvider("registrar"))).toBe(true);
      const staging = await freshProviders({ ...production, REGISTRAR: "sandbox" });
      expect(staging.isRefusingRegistrar(staging.getProvider("registrar"))).toBe(false);
      expect(staging.getProvider("registrar").name).toBe("sandbox");
    });

    it("refuses, rather than using the sandbox, when only some LogicBoxes keys are set", async () => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const { getProvider, isRefusingRegistrar } = await freshProviders({ ...NO_LOGICBOXES, LOGICBOXES_API_KEY: "lbKey-only" });
      expect(isRefusingRegistrar(getProvider("registrar"))).toBe(true);
    });
  });
});
