import { downloadHeaders } from "@/lib/files/download-headers";
import { plainTextResponse } from "@/lib/http/plain-text-response";
import { getRequestTranslator } from "@/lib/i18n/request-locale";
import { parseRowId } from "@/lib/row-id";
import { getStaffUser } from "@/lib/staff/staff-session";
import { getDeskAttachment } from "@/lib/staff/ticket-desk";

/** Any ticket attachment for staff, always as a download; without a staff session it does not exist (404). */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }): Promise<Response> {
  const t = await getRequestTranslator();
  const staff = await getStaffUser();
  const id = parseRowId((await params).attachmentId);
  const attachment = staff && id !== null ? await getDeskAttachment(staff.scope, id) : null;
  if (!attachment) return plainTextResponse(404, t("support.errors.attachmentNotFound"));
  return new Response(new Uint8Array(attachment.bytes), { status: 200, headers: downloadHeaders(attachment.originalName, attachment.bytes.byteLength) });
}
