import { findRedirectForHost } from "@/lib/domains/dns/redirect-host";
import { frameHostPage, FRAME_HOST_CSP } from "@/lib/domains/dns/frame-page";
import { plainTextResponse } from "@/lib/http/plain-text-response";

/**
 * URL Redirect / URL Frame hosts (proxy.ts rewrites every request whose Host is not the portal's
 * here). The Host is looked up in the stored redirects only: a saved URL Redirect answers 301 to its
 * target, a URL Frame a page framing it, anything else 404. Nothing in the request (path, query,
 * another header) can choose where the browser goes.
 */
async function answer(request: Request): Promise<Response> {
  const redirect = await findRedirectForHost(request.headers.get("host"));
  if (!redirect) return plainTextResponse(404, "Not found");
  if (redirect.kind === "redirect") {
    return new Response(null, { status: 301, headers: { Location: redirect.target, "Cache-Control": "public, max-age=300", "Referrer-Policy": "no-referrer" } });
  }
  return new Response(frameHostPage(redirect.target), {
    status: 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": FRAME_HOST_CSP(redirect.target),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=300",
    },
  });
}

export const GET = answer;
export const HEAD = answer;
