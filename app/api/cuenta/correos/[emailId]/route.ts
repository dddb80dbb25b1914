import { getSentEmailHtml, parseEmailId } from "@/lib/account/sent-emails";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, toLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * The stored HTML of one sent email, loaded only into the sandboxed frame of "Ver mensaje". The
 * message came from a template but carries customer-typed text, so it is treated as hostile: the
 * CSP (with its own sandbox, for whoever opens this URL directly) lets no script run and nothing
 * load from the network except inline styles and data: images.
 */
const EMAIL_VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export async function GET(request: Request, { params }: { params: Promise<{ emailId: string }> }): Promise<Response> {
  // Signed out: requireUser() redirects to /acceder, like every portal page.
  const user = await requireUser();
  const t = translatorFor(localeOf(request));
  // Checked here rather than with requireUser("emails"): forbidden() needs Next's page handling to become a 403.
  if (!hasPermission(user, "emails")) return textResponse(403, t("records.emails.message.forbidden"));
  const id = parseEmailId((await params).emailId);
  const html = id === null ? null : await getSentEmailHtml(user, id);
  if (html === null) return textResponse(404, t("records.emails.message.notFound"));
  return new Response(html, {
    status: 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": EMAIL_VIEW_CSP,
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "SAMEORIGIN",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "private, no-store",
    },
  });
}

function localeOf(request: Request): Locale {
  for (const part of request.headers.get("cookie")?.split(";") ?? []) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== LOCALE_COOKIE) continue;
    try {
      return toLocale(decodeURIComponent(rest.join("=")));
    } catch {
      return toLocale(null);
    }
  }
  return toLocale(null);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });
}
