import type { Permission } from "@/db/schema";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { downloadHeaders } from "@/lib/files/download-headers";
import { plainTextResponse } from "@/lib/http/plain-text-response";
import type { Locale } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { parseRowId } from "@/lib/row-id";

/**
 * What the invoice and quote PDF routes share: the session and permission check, the id from the
 * URL, the reader's language and the answers. A missing permission is checked here rather than
 * through requireUser(permission): forbidden() needs Next's request handling to become a 403.
 */
export async function pdfDownloadRequest(
  rawId: string,
  permission: Permission,
): Promise<{ ok: true; user: SessionUser; id: number; locale: Locale } | { ok: false; response: Response }> {
  // Signed out: requireUser() redirects to /acceder, like every portal page.
  const user = await requireUser();
  const locale = await getRequestLocale();
  if (!hasPermission(user, permission)) return { ok: false, response: plainTextResponse(403, translatorFor(locale)("pdf.download.forbidden")) };
  const id = parseRowId(rawId);
  if (id === null) return { ok: false, response: pdfNotFound(locale) };
  return { ok: true, user, id, locale };
}

/** Another client's document answers exactly like a missing one. */
export function pdfNotFound(locale: Locale): Response {
  return plainTextResponse(404, translatorFor(locale)("pdf.download.notFound"));
}

/** Always a download, never sniffed, never kept by a shared cache. */
export function pdfResponse(bytes: Buffer, fileName: string): Response {
  const headers = downloadHeaders(fileName, bytes.byteLength);
  headers.set("Content-Type", "application/pdf");
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
