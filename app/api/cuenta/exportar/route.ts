import { exportAccountData } from "@/lib/account/export-data";
import { clientIp } from "@/lib/auth/client-ip";
import { requireUser } from "@/lib/auth/session";
import { downloadHeaders } from "@/lib/files/download-headers";
import { plainTextResponse } from "@/lib/http/plain-text-response";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";

/** "Descargar mis datos (JSON)": made on demand, for the account owner only, always as a download. */
export async function GET(request: Request): Promise<Response> {
  // Signed out: requireUser() redirects to /acceder, like every portal page.
  const user = await requireUser();
  const locale = await getRequestLocale();
  if (!user.isOwner) return plainTextResponse(403, translatorFor(locale)("records.export.forbidden"));
  const { fileName, json } = await exportAccountData(user, { ip: clientIp(request.headers), locale });
  const body = new TextEncoder().encode(json);
  const headers = downloadHeaders(fileName, body.byteLength);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(body, { status: 200, headers });
}
