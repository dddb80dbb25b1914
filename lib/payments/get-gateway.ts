import { env, isEmbeddedDatabase } from "@/lib/env";
import { PaymentGatewayError, type PaymentGateway } from "./gateway";
import { createSandboxGateway } from "./sandbox-gateway";
import { createStripeGateway } from "./stripe-gateway";

let configured: PaymentGateway | undefined;
let testOverride: PaymentGateway | null = null;
const refusing = new WeakSet<PaymentGateway>();

/**
 * Stripe when STRIPE_SECRET_KEY is set, the embedded sandbox otherwise; chosen once per process.
 * Two configurations take no payment at all (checkout answers "gateway unavailable"), because either
 * would lose money: Stripe without STRIPE_WEBHOOK_SECRET (customers charged, invoices never marked
 * paid), and the sandbox in production on a real database (anyone could "pay" for free).
 */
export function getPaymentGateway(): PaymentGateway {
  if (testOverride) return testOverride;
  configured ??= chooseGateway();
  return configured;
}

/** Whether the test payment page may complete attempts: only while the working gateway is the sandbox. */
export function acceptsSandboxPayments(): boolean {
  const gateway = getPaymentGateway();
  return gateway.name === "sandbox" && !refusing.has(gateway);
}

/** Tests install a gateway pointed at a stand-in (or a sandbox); null goes back to the configured one. */
export function setPaymentGatewayForTests(gateway: PaymentGateway | null): void {
  testOverride = gateway;
}

function chooseGateway(): PaymentGateway {
  if (env.STRIPE_SECRET_KEY) {
    if (!env.STRIPE_WEBHOOK_SECRET) {
      return refusingGateway("stripe", "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: payments could never be recorded");
    }
    return createStripeGateway({ apiKey: env.STRIPE_SECRET_KEY });
  }
  if (env.NODE_ENV === "production" && !isEmbeddedDatabase) {
    return refusingGateway("sandbox", "STRIPE_SECRET_KEY is not set: the test payment page is off in production on PostgreSQL");
  }
  return createSandboxGateway();
}

function refusingGateway(name: PaymentGateway["name"], why: string): PaymentGateway {
  console.error(`[payments] Card payments are off. ${why}.`);
  const gateway: PaymentGateway = {
    name,
    async createCheckout() {
      console.error(`[payments] Checkout refused. ${why}.`);
      throw new PaymentGatewayError("payments.errors.gatewayUnavailable");
    },
  };
  refusing.add(gateway);
  return gateway;
}
