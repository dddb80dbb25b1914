import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { createNonce, hstsMaxAge, securityHeaders } from "@/lib/http/security-headers";

// The one place the security headers are applied (built in lib/http/security-headers.ts). Every
// request passes here, static files and API routes included, so each gets at least nosniff,
// Referrer-Policy and Permissions-Policy; pages also get the CSP with this request's nonce.

const hstsMaxAgeSeconds = hstsMaxAge({ nodeEnv: env.NODE_ENV, publicUrl: env.APP_BASE_URL, maxAgeSeconds: env.HSTS_MAX_AGE_SECONDS });

export function proxy(request: NextRequest): NextResponse {
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
