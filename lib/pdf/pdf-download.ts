import type { Permission } from "@/db/schema";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { downloadHeaders } from "@/lib/files/download-headers";
import { LOCALE_COOKIE, toLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * What the invoice and quote PDF routes share: the session and permission check, the id from the
 * URL, the reader's language and the answers. A missing permission is checked here rather than
 * through requireUser(permission): forbidden() needs Next's request handling to become a 403.
 */
export async function pdfDownloadRequest(
  request: Request,
  rawId: string,
  permission: Permission,
): Promise<{ ok: true; user: SessionUser; id: number; locale: Locale } | { ok: false; response: Response }> {
  // Signed out: requireUser() redirects to /acceder, like every portal page.
  const user = await requireUser();
  const locale = localeOf(request);
  if (!hasPermission(user, permission)) return { ok: false, response: textResponse(403, translatorFor(locale)("pdf.download.forbidden")) };
  const id = parseId(rawId);
  if (id === null) return { ok: false, response: pdfNotFound(locale) };
  return { ok: true, user, id, locale };
}

/** Another client's document answers exactly like a missing one. */
export function pdfNotFound(locale: Locale): Response {
  return textResponse(404, translatorFor(locale)("pdf.download.notFound"));
}

/** Always a download, never sniffed, never kept by a shared cache. */
export function pdfResponse(bytes: Buffer, fileName: string): Response {
  const headers = downloadHeaders(fileName, bytes.byteLength);
  headers.set("Content-Type", "application/pdf");
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}

/** Only plain positive integers that fit a Postgres integer; anything else is a missing document. */
function parseId(value: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
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
