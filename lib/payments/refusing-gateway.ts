import { PaymentGatewayError, type PaymentGateway } from "./gateway";

const refusing = new WeakSet<PaymentGateway>();

/**
 * A gateway that takes no payment at all: what lib/providers.ts installs when the configuration
 * would lose money. Every checkout answers "gateway unavailable" and logs why.
 */
export function createRefusingGateway(name: PaymentGateway["name"], why: string): PaymentGateway {
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

export function isRefusingGateway(gateway: PaymentGateway): boolean {
  return refusing.has(gateway);
}
