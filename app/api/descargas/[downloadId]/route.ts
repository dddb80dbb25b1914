import { getSessionUser } from "@/lib/auth/session";
import { downloadHeaders } from "@/lib/files/download-headers";
import { plainTextResponse } from "@/lib/http/plain-text-response";
import { getRequestTranslator } from "@/lib/i18n/request-locale";
import { parseRowId } from "@/lib/row-id";
import { takeDownload } from "@/lib/support/downloads";

export const dynamic = "force-dynamic";

/**
 * "Descargas": a public file for anyone, a clients-only file for a signed-in client, a product's file
 * only for a client with an active service of it; anything else is 404, exactly like a missing id.
 * Always an attachment with nosniff; each download served is counted by the same statement.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ downloadId: string }> }): Promise<Response> {
  const id = parseRowId((await params).downloadId);
  const user = await getSessionUser();
  const file = id === null ? null : await takeDownload(user?.scope ?? null, id);
  if (!file) return plainTextResponse(404, (await getRequestTranslator())("knowledge.downloads.notFound"));
  return new Response(new Uint8Array(file.bytes), { status: 200, headers: downloadHeaders(file.fileName, file.bytes.byteLength) });
}
