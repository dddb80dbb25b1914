import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { downloadHeaders } from "@/lib/files/download-headers";
import { plainTextResponse } from "@/lib/http/plain-text-response";
import { getRequestTranslator } from "@/lib/i18n/request-locale";
import { parseRowId } from "@/lib/row-id";
import { getTicketAttachmentForDownload } from "@/lib/support/ticket-attachments";

/**
 * A ticket attachment: only the signed-in client's own, for the owner or a sub-account with
 * "tickets", always as a download under the name the customer gave it (the stored name is never shown).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }): Promise<Response> {
  const user = await requireUser();
  const t = await getRequestTranslator();
  // Checked here rather than through requireUser("tickets"): forbidden() needs Next's request handling to become a 403.
  if (!hasPermission(user, "tickets")) return plainTextResponse(403, t("errors.forbidden"));
  const id = parseRowId((await params).attachmentId);
  const attachment = id === null ? null : await getTicketAttachmentForDownload(user.scope, id);
  if (!attachment) return plainTextResponse(404, t("support.errors.attachmentNotFound"));
  return new Response(new Uint8Array(attachment.bytes), { status: 200, headers: downloadHeaders(attachment.originalName, attachment.bytes.byteLength) });
}
