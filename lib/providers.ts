import { chooseDns } from "@/lib/dns/choose-dns";
import type { DnsProvider } from "@/lib/dns/dns-provider";
import type { EmailProvider } from "@/lib/email/provider";
import { createOutboxProvider } from "@/lib/email/outbox-provider";
import { createResendProvider } from "@/lib/email/resend-provider";
import { env, isEmbeddedDatabase } from "@/lib/env";
import { chooseHostingPanel } from "@/lib/hosting/choose-hosting-panel";
import type { HostingPanel } from "@/lib/hosting/hosting-panel";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { createRefusingGateway } from "@/lib/payments/refusing-gateway";
import { createSandboxGateway } from "@/lib/payments/sandbox-gateway";
import { createStripeGateway } from "@/lib/payments/stripe-gateway";
import { chooseRegistrar } from "@/lib/registrar/choose-registrar";
import type { Registrar } from "@/lib/registrar/registrar";
import { createSandboxSubmitter, type VerifactuSubmitter } from "@/lib/verifactu/submitter";

/**
 * Every outside service the portal talks to, by the interface its area defines. Each area has the
 * same files: `lib/<area>/<role>.ts` (the interface and the area's error type), one sandbox adapter
 * (no network, no account) and one file per vendor, which parses every response with zod and maps
 * the vendor's errors to the area's error type. A new service (the hosting panel, DNS) adds its
 * interface here and one chooser below; nothing else picks an adapter.
 */
export type Providers = {
  payments: PaymentGateway;
  registrar: Registrar;
  email: EmailProvider;
  hosting: HostingPanel;
  verifactu: VerifactuSubmitter;
  dns: DnsProvider;
};

export type ProviderKind = keyof Providers;

// The one place that reads vendor keys from lib/env: the vendor when its keys are set, the sandbox otherwise.
const choosers: { [Kind in ProviderKind]: () => Providers[Kind] } = {
  payments: choosePaymentGateway,
  registrar: chooseRegistrar,
  hosting: chooseHostingPanel,
  dns: chooseDns,
  // Only the sandbox exists today: records are queued and marked sent; the AEAT's SOAP service comes later.
  verifactu: () => createSandboxSubmitter(),
  email: () => (env.RESEND_API_KEY ? createResendProvider({ apiKey: env.RESEND_API_KEY, from: env.EMAIL_FROM }) : createOutboxProvider()),
};

const chosen: Partial<Providers> = {};
const testDoubles: Partial<Providers> = {};

/** The adapter serving `kind`: chosen once per process, unless a test installed a double. */
export function getProvider<Kind extends ProviderKind>(kind: Kind): Providers[Kind] {
  const double = testDoubles[kind];
  if (double) return double;
  return (chosen[kind] ??= choosers[kind]());
}

/** The one way tests swap an adapter (a recording double, a vendor adapter pointed at a stand-in); null restores the configured one. */
export function setProviderForTests<Kind extends ProviderKind>(kind: Kind, double: Providers[Kind] | null): void {
  if (double) testDoubles[kind] = double;
  else delete testDoubles[kind];
}

/**
 * Stripe when STRIPE_SECRET_KEY is set, the embedded sandbox otherwise. Two configurations take no
 * payment at all (checkout answers "gateway unavailable"), because either would lose money: Stripe
 * without STRIPE_WEBHOOK_SECRET (customers charged, invoices never marked paid), and the sandbox in
 * production on a real database (anyone could "pay" for free).
 */
function choosePaymentGateway(): PaymentGateway {
  if (env.STRIPE_SECRET_KEY) {
    if (!env.STRIPE_WEBHOOK_SECRET) {
      return createRefusingGateway("stripe", "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: payments could never be recorded");
    }
    return createStripeGateway({ apiKey: env.STRIPE_SECRET_KEY });
  }
  if (env.NODE_ENV === "production" && !isEmbeddedDatabase) {
    return createRefusingGateway("sandbox", "STRIPE_SECRET_KEY is not set: the test payment page is off in production on PostgreSQL");
  }
  return createSandboxGateway();
}
