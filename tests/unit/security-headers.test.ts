import { describe, expect, it } from "vitest";
import { FRAMEABLE_PAGES } from "@/lib/http/frameable-pages";
import {
  contentSecurityPolicy,
  createNonce,
  hstsMaxAge,
  isPagePath,
  parseContentSecurityPolicy,
  securityHeaders,
  type SecurityHeaderOptions,
} from "@/lib/http/security-headers";

const production: SecurityHeaderOptions = { nonce: "bm9uY2UtZm9yLXRlc3Q=", development: false, hstsMaxAgeSeconds: null };

function directives(pathname: string, options: SecurityHeaderOptions = production): Map<string, string[]> {
  return parseContentSecurityPolicy(contentSecurityPolicy(pathname, options));
}

describe("createNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("contentSecurityPolicy", () => {
  it("lets only scripts carrying the request's nonce run: no inline script, no eval, in production", () => {
    const scripts = directives("/")!.get("script-src");
    expect(scripts).toEqual(["'self'", `'nonce-${production.nonce}'`, "'strict-dynamic'"]);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("adds 'unsafe-eval' for React's debugging under next dev only", () => {
    expect(directives("/", { ...production, development: true }).get("script-src")).toContain("'unsafe-eval'");
  });

  it("shuts plugins, <base>, foreign form targets and framing", () => {
    const policy = directives("/facturacion/facturas");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // Styles may be inline (style={{…}}): the issue restricts scripts only.
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("upgrades insecure requests where HSTS is on (https in production)", () => {
    expect(directives("/", { ...production, hstsMaxAgeSeconds: 31_536_000 }).has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets a listed page be framed by the ancestors listed for it, and no other page", () => {
    const frameablePages = [{ path: /^\/marco\/[^/]+$/, ancestors: ["'self'", "https://example.com"], reason: "test" }];
    const options = { ...production, frameablePages };
    expect(directives("/marco/abc", options).get("frame-ancestors")).toEqual(["'self'", "https://example.com"]);
    expect(directives("/marco/abc/mas", options).get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives("/", options).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("ships no framing exception today (each one must be argued in lib/http/frameable-pages.ts)", () => {
    expect(FRAMEABLE_PAGES).toEqual([]);
  });
});

describe("securityHeaders", () => {
  it("gives a page the CSP on the response and on the request (where Next.js reads the nonce)", () => {
    const { request, response } = securityHeaders("/cuenta", production);
    expect(request["Content-Security-Policy"]).toBe(response["Content-Security-Policy"]);
    expect(response["Content-Security-Policy"]).toContain(`'nonce-${production.nonce}'`);
    expect(response).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
      "X-Frame-Options": "DENY",
    });
    expect(response["Strict-Transport-Security"]).toBeUndefined();
  });

  it("leaves X-Frame-Options to the policy on a page that may be framed", () => {
    const frameablePages = [{ path: /^\/marco$/, ancestors: ["'self'"], reason: "test" }];
    expect(securityHeaders("/marco", { ...production, frameablePages }).response["X-Frame-Options"]).toBeUndefined();
  });

  it("gives API routes and static files nosniff and no referrer, but no page policy", () => {
    for (const pathname of ["/api/facturas/12", "/api/cuenta/correos/3", "/_next/static/chunks/app.js", "/_next/image"]) {
      const { request, response } = securityHeaders(pathname, production);
      expect(request, pathname).toEqual({});
      expect(response, pathname).toEqual({
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
      });
    }
  });

  it("sends HSTS on every response when it is on", () => {
    const options = { ...production, hstsMaxAgeSeconds: 600 };
    expect(securityHeaders("/", options).response["Strict-Transport-Security"]).toBe("max-age=600");
    expect(securityHeaders("/api/cron", options).response["Strict-Transport-Security"]).toBe("max-age=600");
  });
});

describe("isPagePath", () => {
  it("tells pages from API routes and Next's static files", () => {
    expect(["/", "/acceder", "/apiarios", "/soporte/anuncios/feed.xml", "/fonts/Inter.ttf", "/_next/data"].every(isPagePath)).toBe(true);
    expect(["/api", "/api/auth/session", "/_next/static/css/a.css", "/_next/image"].some(isPagePath)).toBe(false);
  });
});

describe("hstsMaxAge", () => {
  it("is on only in production behind an https public address, and 0 turns it off", () => {
    expect(hstsMaxAge({ nodeEnv: "production", publicUrl: "https://area.example.com", maxAgeSeconds: 31_536_000 })).toBe(31_536_000);
    expect(hstsMaxAge({ nodeEnv: "production", publicUrl: "http://localhost:3000", maxAgeSeconds: 31_536_000 })).toBeNull();
    expect(hstsMaxAge({ nodeEnv: "development", publicUrl: "https://area.example.com", maxAgeSeconds: 31_536_000 })).toBeNull();
    expect(hstsMaxAge({ nodeEnv: "test", publicUrl: "https://area.example.com", maxAgeSeconds: 31_536_000 })).toBeNull();
    expect(hstsMaxAge({ nodeEnv: "production", publicUrl: "https://area.example.com", maxAgeSeconds: 0 })).toBeNull();
  });
});

describe("parseContentSecurityPolicy", () => {
  it("reads directives and their sources, the first of a repeated name winning as in browsers", () => {
    const parsed = parseContentSecurityPolicy("default-src 'none'; Script-Src 'self' 'nonce-x' ; script-src *; sandbox");
    expect(parsed.get("default-src")).toEqual(["'none'"]);
    expect(parsed.get("script-src")).toEqual(["'self'", "'nonce-x'"]);
    expect(parsed.get("sandbox")).toEqual([]);
  });
});
