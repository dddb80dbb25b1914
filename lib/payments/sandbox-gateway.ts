import { env } from "@/lib/env";
import type { CheckoutRequest, CheckoutSession, PaymentGateway } from "./gateway";

/**
 * The embedded gateway: no account and no network. Its "checkout" is our own test payment page,
 * which completes the attempt through the same fulfilment function as a Stripe webhook.
 */
export function createSandboxGateway(baseUrl: string = env.APP_BASE_URL): PaymentGateway {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    name: "sandbox",
    async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
      return { sessionId: `sandbox_${request.attemptId}`, url: `${base}/facturacion/pago/${request.attemptId}` };
    },
  };
}
