import Stripe from "stripe";

export type StripeClientOptions = {
  apiKey: string;
  /** Only tests set these, to point the SDK at a local stand-in of Stripe's API. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  maxNetworkRetries?: number;
};

/** The one place a Stripe SDK client is built; production passes only the key from the environment. */
export function createStripeClient({ apiKey, host, port, protocol, maxNetworkRetries = 2 }: StripeClientOptions): Stripe {
  return new Stripe(apiKey, {
    host,
    port,
    protocol,
    // Every create carries our idempotency key, so a retry after a network error cannot open a second session.
    maxNetworkRetries,
    timeout: 20_000,
    appInfo: { name: "area-de-cliente" },
  });
}
