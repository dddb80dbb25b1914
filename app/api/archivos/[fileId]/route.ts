import { requireUser } from "@/lib/auth/session";
import { downloadHeaders } from "@/lib/files/download-headers";
import { getClientFileForDownload } from "@/lib/files/get-client-file";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/** "Archivos adjuntos" downloads: only the signed-in client's own files, always as an attachment. */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const user = await requireUser();
  const { fileId } = await params;
  const id = parseId(fileId);
  const file = id === null ? null : await getClientFileForDownload(user.clientId, id);
  if (!file) return notFound(request);
  return new Response(new Uint8Array(file.bytes), { status: 200, headers: downloadHeaders(file.fileName, file.bytes.byteLength) });
}

/** Only plain positive integers that fit a Postgres integer; anything else is a missing file. */
function parseId(value: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

function notFound(request: Request): Response {
  const t = translatorFor(localeFromCookie(request.headers.get("cookie")));
  return new Response(t("dashboard.files.notFound"), {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });
}

function localeFromCookie(header: string | null): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [name, ...rest] = part.trim().split("=");
    if (name === LOCALE_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
