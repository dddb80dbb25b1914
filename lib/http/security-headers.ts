import { FRAMEABLE_PAGES, type FrameablePage } from "./frameable-pages";

/**
 * The security headers of every response, built here and applied in one place (proxy.ts).
 *
 * Pages get a Content-Security-Policy with a fresh nonce per request: Next.js reads the nonce from
 * the policy on the *request* and puts it on its own scripts (framework, page bundles, the inline
 * RSC payload), so pages must render dynamically (the root layout reads the locale cookie, which
 * makes every page dynamic). 'strict-dynamic' lets those nonce'd scripts load the chunks they need;
 * nothing else runs: no inline script, no inline event handler, no eval outside `next dev`.
 * Styles may be inline (React's style={{…}} and Next's own <style> tags); only scripts are restricted.
 */

/** Sent with every response: pages, API routes and static files alike. */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Nothing in the portal uses these; payment too: Stripe Checkout runs on Stripe's own page.
  // Only features chromium knows: an unknown one is a console error on every page.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/**
 * Pages: other sites learn the portal's origin, never a path (ids, tokens). Everything else (PDFs,
 * files, the sent-email frame, whose links may point anywhere): nothing at all. A header set here
 * wins over one a route sets (Next.js keeps the proxy's), so routes need not repeat it.
 */
const REFERRER_POLICY = { page: "strict-origin-when-cross-origin", other: "no-referrer" } as const;

/**
 * Where a form may send the browser, redirects after the POST included (chromium checks those too).
 * Stripe Checkout: a "Pagar" form submitted before the page's scripts load is a plain POST whose
 * answer redirects there. (With scripts, a server action's redirect elsewhere is a client-side
 * navigation, which form-action does not govern: the single sign-on to a real WHM panel.)
 */
const FORM_TARGETS = ["'self'", "https://checkout.stripe.com"] as const;

export type SecurityHeaderOptions = {
  /** A fresh value per request (createNonce()). */
  nonce: string;
  /** `next dev`: React's debugging needs eval there, never in production. */
  development: boolean;
  /** HSTS max-age in seconds, or null to send none (hstsMaxAge()). */
  hstsMaxAgeSeconds: number | null;
  /** The framing exceptions; tests pass their own. */
  frameablePages?: readonly FrameablePage[];
};

export type SecurityHeaders = {
  /** Set on the request Next.js renders, so it finds the nonce. */
  request: Record<string, string>;
  /** Set on the response the browser gets. */
  response: Record<string, string>;
};

/** 128 random bits, base64: unguessable and unique per request. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * HSTS only where it is true: in production and when the portal's public address (APP_BASE_URL) is
 * https. Over plain http a browser ignores it anyway, and on a developer's localhost it would pin
 * https for every other local app. `maxAgeSeconds` 0 turns it off.
 */
export function hstsMaxAge(input: { nodeEnv: string; publicUrl: string; maxAgeSeconds: number }): number | null {
  if (input.nodeEnv !== "production" || input.maxAgeSeconds <= 0) return null;
  return new URL(input.publicUrl).protocol === "https:" ? input.maxAgeSeconds : null;
}

/**
 * Paths that are not pages: API routes (JSON, PDFs, files; the one that answers HTML sets its own
 * sandboxing policy) and Next's static files. They get the baseline headers only.
 */
export function isPagePath(pathname: string): boolean {
  return !/^\/(api|_next\/static|_next\/image)(\/|$)/.test(pathname);
}

/** `frame-ancestors` for a page: 'none' unless FRAMEABLE_PAGES lists it. */
export function frameAncestorsFor(pathname: string, frameablePages: readonly FrameablePage[] = FRAMEABLE_PAGES): readonly string[] | null {
  return frameablePages.find((page) => page.path.test(pathname))?.ancestors ?? null;
}

export function contentSecurityPolicy(pathname: string, options: SecurityHeaderOptions): string {
  const framedBy = frameAncestorsFor(pathname, options.frameablePages);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'self' is for browsers without 'strict-dynamic' (CSP 2); the others ignore it.
    ["script-src", "'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: for the two-factor QR code drawn on the server.
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    // "Ver mensaje" frames a sent email served by the portal itself.
    ["frame-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", ...FORM_TARGETS],
    ["frame-ancestors", ...(framedBy ?? ["'none'"])],
  ];
  if (options.hstsMaxAgeSeconds !== null) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** The headers for one request to `pathname`. */
export function securityHeaders(pathname: string, options: SecurityHeaderOptions): SecurityHeaders {
  const page = isPagePath(pathname);
  const response: Record<string, string> = { ...BASELINE_HEADERS, "Referrer-Policy": REFERRER_POLICY[page ? "page" : "other"] };
  if (options.hstsMaxAgeSeconds !== null) {
    // No includeSubDomains: the company's other subdomains are not this app's to pin.
    response["Strict-Transport-Security"] = `max-age=${options.hstsMaxAgeSeconds}`;
  }
  if (!page) return { request: {}, response };

  const policy = contentSecurityPolicy(pathname, options);
  response["Content-Security-Policy"] = policy;
  // For browsers without frame-ancestors; a framing exception leaves it to the policy.
  if (!frameAncestorsFor(pathname, options.frameablePages)) response["X-Frame-Options"] = "DENY";
  return { request: { "Content-Security-Policy": policy }, response };
}

/** A policy as directive name → its sources (names lower-cased); for the tests that read headers. */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
