import { requireUser } from "@/lib/auth/session";
import { downloadHeaders } from "@/lib/files/download-headers";
import { getClientFileForDownload } from "@/lib/files/get-client-file";
import { plainTextResponse } from "@/lib/http/plain-text-response";
import { getRequestTranslator } from "@/lib/i18n/request-locale";
import { parseRowId } from "@/lib/row-id";

/** "Archivos adjuntos" downloads: only the signed-in client's own files, always as an attachment. */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const user = await requireUser();
  const id = parseRowId((await params).fileId);
  const file = id === null ? null : await getClientFileForDownload(user.scope, id);
  if (!file) return plainTextResponse(404, (await getRequestTranslator())("dashboard.files.notFound"));
  return new Response(new Uint8Array(file.bytes), { status: 200, headers: downloadHeaders(file.fileName, file.bytes.byteLength) });
}
