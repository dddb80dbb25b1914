import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isRedirectHostRequest, portalHostnames, REDIRECT_HOST_ROUTE } from "@/lib/http/redirect-hosts";
import { createNonce, hstsMaxAge, securityHeaders } from "@/lib/http/security-headers";

// The one place the security headers are applied (built in lib/http/security-headers.ts). Every
// request passes here, static files and API routes included, so each gets at least nosniff,
// Referrer-Policy and Permissions-Policy; pages also get the CSP with this request's nonce.

const hstsMaxAgeSeconds = hstsMaxAge({ nodeEnv: env.NODE_ENV, publicUrl: env.APP_BASE_URL, maxAgeSeconds: env.HSTS_MAX_AGE_SECONDS });
const portalNames = portalHostnames({ publicUrl: env.APP_BASE_URL, extraHosts: env.PORTAL_HOSTS });

export function proxy(request: NextRequest): NextResponse {
  // A URL Redirect / URL Frame host (any Host but the portal's own): answered by one route handler
  // from the stored redirects only; that route sets its own CSP, so it gets the non-page headers.
  if (isRedirectHostRequest(request.headers.get("host"), portalNames)) {
    const target = request.nextUrl.clone();
    target.pathname = REDIRECT_HOST_ROUTE;
    target.search = "";
    const response = NextResponse.rewrite(target);
    const headers = securityHeaders(REDIRECT_HOST_ROUTE, { nonce: "", development: false, hstsMaxAgeSeconds: null });
    for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
    return response;
  }
  const headers = securityHeaders(request.nextUrl.pathname, {
    nonce: createNonce(),
    development: env.NODE_ENV === "development",
    hstsMaxAgeSeconds,
  });
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) requestHeaders.set(name, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}
