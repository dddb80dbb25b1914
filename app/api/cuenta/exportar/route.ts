import { exportAccountData } from "@/lib/account/export-data";
import { clientIp } from "@/lib/auth/client-ip";
import { requireUser } from "@/lib/auth/session";
import { downloadHeaders } from "@/lib/files/download-headers";
import { LOCALE_COOKIE, toLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/** "Descargar mis datos (JSON)": made on demand, for the account owner only, always as a download. */
export async function GET(request: Request): Promise<Response> {
  // Signed out: requireUser() redirects to /acceder, like every portal page.
  const user = await requireUser();
  if (!user.isOwner) {
    return new Response(translatorFor(localeOf(request))("records.export.forbidden"), {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
    });
  }
  const { fileName, json } = await exportAccountData(user, { ip: clientIp(request.headers), locale: localeOf(request) });
  const body = new TextEncoder().encode(json);
  const headers = downloadHeaders(fileName, body.byteLength);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(body, { status: 200, headers });
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
