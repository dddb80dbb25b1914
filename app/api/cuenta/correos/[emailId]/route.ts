import { getSentEmailHtml } from "@/lib/account/sent-emails";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { plainTextResponse } from "@/lib/http/plain-text-response";
import { getRequestTranslator } from "@/lib/i18n/request-locale";
import { parseRowId } from "@/lib/row-id";

/**
 * The stored HTML of one sent email, loaded only into the sandboxed frame of "Ver mensaje". The
 * message came from a template but carries customer-typed text, so it is treated as hostile: the
 * CSP (with its own sandbox, for whoever opens this URL directly) lets no script run and nothing
 * load from the network except inline styles and data: images.
 */
const EMAIL_VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export async function GET(_request: Request, { params }: { params: Promise<{ emailId: string }> }): Promise<Response> {
  // Signed out: requireUser() redirects to /acceder, like every portal page.
  const user = await requireUser();
  const t = await getRequestTranslator();
  // Checked here rather than with requireUser("emails"): forbidden() needs Next's page handling to become a 403.
  if (!hasPermission(user, "emails")) return plainTextResponse(403, t("records.emails.message.forbidden"));
  const id = parseRowId((await params).emailId);
  const html = id === null ? null : await getSentEmailHtml(user, id);
  if (html === null) return plainTextResponse(404, t("records.emails.message.notFound"));
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
