import type { SessionUser } from "@/lib/auth/session";
import { failPaymentAttempt, fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { getProvider } from "@/lib/providers";
import { getPaymentAttemptView, type PaymentAttemptView } from "./payment-attempt-view";
import { isRefusingGateway } from "./refusing-gateway";

export type SandboxPaymentResult =
  | { ok: true; attemptId: number }
  | { ok: false; error: "payments.errors.attemptNotFound" | "payments.errors.attemptClosed" };

/** Whether the test payment page may complete attempts: only while the working gateway is the sandbox. */
export function acceptsSandboxPayments(): boolean {
  const gateway = getProvider("payments");
  return gateway.name === "sandbox" && !isRefusingGateway(gateway);
}

/**
 * The attempt behind the test payment page, or null: when the portal runs on Stripe (or takes no
 * payments at all), when the attempt was made for another gateway (an old sandbox attempt must never
 * be "paid" once Stripe is on), or when it is not this client's.
 */
export async function getSandboxPaymentAttempt(user: SessionUser, attemptId: number): Promise<PaymentAttemptView | null> {
  if (!acceptsSandboxPayments()) return null;
  const attempt = await getPaymentAttemptView(user.scope, attemptId);
  if (!attempt || attempt.gateway !== "sandbox") return null;
  return attempt;
}

/** "Pago correcto": the sandbox "charges" exactly the attempt's amount, through the same fulfilment as a Stripe webhook. */
export async function completeSandboxPayment(user: SessionUser, attemptId: number): Promise<SandboxPaymentResult> {
  const attempt = await getSandboxPaymentAttempt(user, attemptId);
  if (!attempt) return { ok: false, error: "payments.errors.attemptNotFound" };
  const result = await fulfilPaymentAttempt({
    provider: "sandbox",
    eventId: `sandbox-${attempt.id}-ok`,
    eventType: "sandbox.payment_succeeded",
    attemptId: attempt.id,
    amount: attempt.amount,
    currency: attempt.currency,
    gatewayReference: `sandbox-${attempt.id}`,
  });
  return outcome(result.status, attempt.id);
}

/** "Tarjeta rechazada": the attempt fails and its invoices stay unpaid. */
export async function declineSandboxPayment(user: SessionUser, attemptId: number): Promise<SandboxPaymentResult> {
  const attempt = await getSandboxPaymentAttempt(user, attemptId);
  if (!attempt) return { ok: false, error: "payments.errors.attemptNotFound" };
  const result = await failPaymentAttempt({
    provider: "sandbox",
    eventId: `sandbox-${attempt.id}-ko`,
    eventType: "sandbox.payment_failed",
    attemptId: attempt.id,
    reason: "card_declined",
    status: "failed",
  });
  return outcome(result.status, attempt.id);
}

// A double click repeats the same event id ("duplicate"): the same answer as the first click; the
// result page then shows what the attempt really became.
function outcome(status: string, attemptId: number): SandboxPaymentResult {
  if (status === "applied" || status === "duplicate") return { ok: true, attemptId };
  if (status === "not_found") return { ok: false, error: "payments.errors.attemptNotFound" };
  return { ok: false, error: "payments.errors.attemptClosed" };
}
