import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientFiles, clients } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { isRowId } from "@/lib/row-id";
import { getSupportSettings } from "@/lib/settings/get-settings";
import { checkAttachments, type Upload } from "@/lib/support/ticket-attachments";
import type { StaffUser } from "../staff-session";

type Actor = Pick<StaffUser, "staffUserId">;
type Context = { ip: string | null };

/**
 * A file for the client's "Archivos adjuntos": one upload, checked by content exactly as a ticket
 * attachment is (kind from the bytes, name agreeing with it, the kinds the support setting allows),
 * up to FILE_MAX_BYTES. Stored under its checked name; the customer downloads it as an attachment.
 */
export async function uploadClientFile(staff: Actor, input: { clientId: number; title: string }, uploads: Upload[], context: Context): Promise<ActionResult> {
  if (!isRowId(input.clientId)) return { ok: false, error: "admin.errors.billing.clientNotFound" };
  const db = await getDb();
  if (uploads.length === 0) return { ok: false, error: "errors.checkFields", fieldErrors: { file: "admin.errors.files.fileRequired" } };
  const settings = await getSupportSettings(db);
  const checked = await checkAttachments(uploads, { ...settings, attachmentMaxCount: 1, attachmentMaxBytes: env.FILE_MAX_BYTES });
  if (!checked.ok) return { ok: false, error: "errors.checkFields", fieldErrors: { file: checked.error } };
  const file = checked.attachments[0]!;
  const stored = await db.transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, input.clientId));
    if (!client) return null;
    const [row] = await tx
      .insert(clientFiles)
      .values({ clientId: client.id, title: input.title, fileName: file.originalName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, data: file.data })
      .returning({ id: clientFiles.id });
    await recordAudit(tx, {
      clientId: client.id,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.file_uploaded",
      details: { fileId: row!.id, title: input.title, fileName: file.originalName, sizeBytes: file.sizeBytes },
      ip: context.ip,
    });
    return row!;
  });
  if (!stored) return { ok: false, error: "admin.errors.billing.clientNotFound" };
  return { ok: true, message: "admin.files.uploaded" };
}

/** Removes a client's file (it leaves the dashboard); the audit keeps its name. */
export async function removeClientFile(staff: Actor, input: { fileId: number }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.fileId)) return { ok: false, error: "admin.errors.files.fileNotFound" };
  const db = await getDb();
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(clientFiles)
      .where(eq(clientFiles.id, input.fileId))
      .returning({ id: clientFiles.id, clientId: clientFiles.clientId, title: clientFiles.title, fileName: clientFiles.fileName });
    if (!row) return null;
    await recordAudit(tx, {
      clientId: row.clientId,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.file_removed",
      details: { fileId: row.id, title: row.title, fileName: row.fileName },
      ip: context.ip,
    });
    return row;
  });
  if (!removed) return { ok: false, error: "admin.errors.files.fileNotFound" };
  return { ok: true, message: "admin.files.removed" };
}
