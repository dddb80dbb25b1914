import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

// A local HTTP server that answers the part of Stripe's API the portal uses (Checkout Sessions
// create/retrieve), the way Stripe does: form-encoded bodies with bracketed keys, Bearer key auth,
// idempotency keys, Stripe's error JSON. Tests drive it only through the real `stripe` SDK.

export const STAND_IN_API_KEY = "sk_test_standin_0123456789";

type FormValue = string | FormObject | FormValue[];
type FormObject = { [key: string]: FormValue };

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | null;
  rawBody: string;
  /** The body decoded like Stripe does: `line_items[0][price_data][unit_amount]` -> nested objects and arrays. */
  form: FormObject;
};

export type StandInCheckoutSession = {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: string | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  metadata: Record<string, string>;
  mode: string;
  payment_intent: string | null;
  payment_status: "unpaid" | "paid" | "no_payment_required";
  status: "open" | "complete" | "expired";
  success_url: string | null;
  url: string | null;
};

type StripeErrorBody = { type: string; message: string; code?: string; param?: string };

export type StripeStandIn = {
  port: number;
  requests: ReceivedRequest[];
  sessions: Map<string, StandInCheckoutSession>;
  /** The next request (any route) is answered with this error instead. */
  failNext(status: number, error: StripeErrorBody): void;
  /** What Stripe does when the customer pays: the session becomes complete/paid with a payment intent. */
  completeSession(sessionId: string): StandInCheckoutSession;
  close(): Promise<void>;
};

/** Decodes `a[b][0][c]=1` pairs into nested objects; numeric segments make arrays, as Stripe's parser does. */
export function decodeStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const segments = rawKey.match(/^[^[\]]+|\[[^[\]]*\]/g)?.map((segment) => segment.replace(/^\[|\]$/g, "")) ?? [rawKey];
    let node: FormObject | FormValue[] = root;
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      const key: string | number = Array.isArray(node) ? Number(segment === "" ? node.length : segment) : segment;
      const container = node as Record<string | number, FormValue>;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(segments[index + 1]!);
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as FormObject | FormValue[];
    });
  }
  return root;
}

const randomId = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;

function asObject(value: FormValue | undefined): FormObject {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function asString(value: FormValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}

function asInteger(value: FormValue | undefined): number {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) return Number.NaN;
  return Number(value);
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "request-id": randomId("req_"),
    ...headers,
  });
  response.end(text);
}

function sendError(response: http.ServerResponse, status: number, error: StripeErrorBody) {
  // Told not to retry, so a test of an error is one request, as against real Stripe for a 4xx.
  sendJson(response, status, { error }, { "stripe-should-retry": "false" });
}

export async function startStripeStandIn(options: { apiKey?: string } = {}): Promise<StripeStandIn> {
  const apiKey = options.apiKey ?? STAND_IN_API_KEY;
  const requests: ReceivedRequest[] = [];
  const sessions = new Map<string, StandInCheckoutSession>();
  // Idempotency key -> the first request's body and answer; a replay gets the same answer.
  const idempotent = new Map<string, { rawBody: string; status: number; body: unknown }>();
  let injected: { status: number; error: StripeErrorBody } | null = null;

  function createSession(form: FormObject): { status: number; body: unknown } {
    const lineItems = Array.isArray(form.line_items) ? form.line_items : [];
    if (form.mode !== "payment") return { status: 400, body: { error: { type: "invalid_request_error", message: "Invalid mode", param: "mode" } } };
    if (lineItems.length === 0) {
      return { status: 400, body: { error: { type: "invalid_request_error", message: "Missing required param: line_items.", param: "line_items" } } };
    }
    let amount = 0;
    let currency = "";
    for (const [index, item] of lineItems.entries()) {
      const line = asObject(item);
      const price = asObject(line.price_data);
      const unitAmount = asInteger(price.unit_amount);
      const quantity = asInteger(line.quantity);
      const lineCurrency = asString(price.currency);
      if (!Number.isInteger(unitAmount) || unitAmount < 0 || !Number.isInteger(quantity) || quantity < 1 || !lineCurrency) {
        return {
          status: 400,
          body: { error: { type: "invalid_request_error", message: "Invalid line item.", param: `line_items[${index}]` } },
        };
      }
      amount += unitAmount * quantity;
      currency = lineCurrency.toLowerCase();
    }
    const successUrl = asString(form.success_url);
    if (!successUrl) {
      return { status: 400, body: { error: { type: "invalid_request_error", message: "Missing required param: success_url.", param: "success_url" } } };
    }
    const id = randomId("cs_test_");
    const now = Math.floor(Date.now() / 1000);
    const metadata = Object.fromEntries(Object.entries(asObject(form.metadata)).map(([key, value]) => [key, String(value)]));
    const session: StandInCheckoutSession = {
      id,
      object: "checkout.session",
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: asString(form.cancel_url),
      client_reference_id: asString(form.client_reference_id),
      created: now,
      currency,
      customer: null,
      customer_email: asString(form.customer_email),
      expires_at: now + 24 * 3600,
      livemode: false,
      metadata,
      mode: "payment",
      payment_intent: null,
      payment_status: "unpaid",
      status: "open",
      success_url: successUrl,
      url: `https://checkout.stripe.com/c/pay/${id}`,
    };
    sessions.set(id, session);
    return { status: 200, body: session };
  }

  function route(request: ReceivedRequest): { status: number; body: unknown } {
    if (request.method === "POST" && request.path === "/v1/checkout/sessions") return createSession(request.form);
    const retrieve = request.method === "GET" ? /^\/v1\/checkout\/sessions\/([^/?]+)$/.exec(request.path) : null;
    if (retrieve) {
      const session = sessions.get(decodeURIComponent(retrieve[1]!));
      if (session) return { status: 200, body: session };
      return {
        status: 404,
        body: {
          error: { type: "invalid_request_error", code: "resource_missing", param: "session", message: `No such checkout.session: '${retrieve[1]}'` },
        },
      };
    }
    return {
      status: 404,
      body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${request.method}: ${request.path}).` } },
    };
  }

  const server = http.createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const url = new URL(incoming.url ?? "/", "http://stand-in");
      const method = incoming.method ?? "GET";
      const idempotencyKey = typeof incoming.headers["idempotency-key"] === "string" ? incoming.headers["idempotency-key"] : null;
      const request: ReceivedRequest = {
        method,
        path: url.pathname,
        headers: incoming.headers,
        idempotencyKey,
        rawBody,
        form: decodeStripeForm(method === "GET" ? url.search.slice(1) : rawBody),
      };
      requests.push(request);

      if (incoming.headers.authorization !== `Bearer ${apiKey}`) {
        const given = (incoming.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
        sendError(response, 401, {
          type: "invalid_request_error",
          message: `Invalid API Key provided: ${given.slice(0, 8)}${"*".repeat(Math.max(0, given.length - 12))}${given.slice(-4)}`,
        });
        return;
      }
      if (injected) {
        const { status, error } = injected;
        injected = null;
        sendError(response, status, error);
        return;
      }
      if (method === "POST" && idempotencyKey) {
        const earlier = idempotent.get(idempotencyKey);
        if (earlier) {
          if (earlier.rawBody !== rawBody) {
            sendError(response, 400, {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            });
            return;
          }
          sendJson(response, earlier.status, earlier.body, { "idempotent-replayed": "true", "idempotency-key": idempotencyKey });
          return;
        }
      }
      const answer = route(request);
      if (method === "POST" && idempotencyKey) idempotent.set(idempotencyKey, { rawBody, ...answer });
      if (answer.status >= 400) sendError(response, answer.status, (answer.body as { error: StripeErrorBody }).error);
      else sendJson(response, answer.status, answer.body, idempotencyKey ? { "idempotency-key": idempotencyKey } : {});
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    requests,
    sessions,
    failNext(status, error) {
      injected = { status, error };
    },
    completeSession(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`No stand-in session ${sessionId}`);
      session.status = "complete";
      session.payment_status = "paid";
      session.payment_intent ??= randomId("pi_test_");
      return structuredClone(session);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** What the Stripe client (and our gateway) needs to talk to the stand-in instead of Stripe. */
export function standInClientOptions(standIn: StripeStandIn) {
  return { apiKey: STAND_IN_API_KEY, host: "127.0.0.1", port: standIn.port, protocol: "http" as const };
}

/** A webhook event shaped like Stripe's (API v1 snapshot event) around `object`. */
export function stripeEvent<T extends object>(type: string, object: T, overrides: { id?: string; created?: number } = {}) {
  return {
    id: overrides.id ?? randomId("evt_test_"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: overrides.created ?? Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** A refunded charge as Stripe sends it in charge.refunded (amount_refunded is the running total). */
export function refundedCharge(input: { paymentIntentId: string; amount: number; amountRefunded: number; currency?: string }) {
  return {
    id: randomId("ch_test_"),
    object: "charge",
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: input.amountRefunded,
    captured: true,
    currency: (input.currency ?? "eur").toLowerCase(),
    livemode: false,
    metadata: {},
    paid: true,
    payment_intent: input.paymentIntentId,
    refunded: input.amountRefunded >= input.amount,
    status: "succeeded",
  };
}

/** A POST to the webhook route, signed with `secret` by the SDK's own test helper (timestamp in seconds). */
export function signedWebhookRequest(payload: string, secret: string, options: { timestamp?: number; url?: string } = {}): Request {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp });
  return new Request(options.url ?? "http://localhost/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });
}
