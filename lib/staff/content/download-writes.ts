import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { downloadCategories, downloads } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { getSupportSettings } from "@/lib/settings/get-settings";
import { checkAttachments, type Upload } from "@/lib/support/ticket-attachments";
import type { ContentActor, ContentContext } from "./content-actor";

export type DownloadCategoryInput = { id: number | null; name: string; description: string | null; sortOrder: number };
export type DownloadInput = { categoryId: number; title: string; description: string | null; clientsOnly: boolean };

export async function saveDownloadCategory(staff: ContentActor, input: DownloadCategoryInput, context: ContentContext): Promise<ActionResult<{ id: number }>> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult<{ id: number }>> => {
    const values = { name: input.name, description: input.description, sortOrder: input.sortOrder };
    const [row] = input.id
      ? await tx.update(downloadCategories).set(values).where(eq(downloadCategories.id, input.id)).returning({ id: downloadCategories.id })
      : await tx.insert(downloadCategories).values(values).returning({ id: downloadCategories.id });
    if (!row) return { ok: false, error: "adminContent.errors.categoryNotFound" };
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.download_category_saved", details: { categoryId: row.id, name: input.name, created: !input.id }, ip: context.ip });
    return { ok: true, message: "adminContent.downloads.categorySaved", data: { id: row.id } };
  });
}

export async function deleteDownloadCategory(staff: ContentActor, input: { id: number }, context: ContentContext): Promise<ActionResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult> => {
    const [files] = await tx.select({ n: count() }).from(downloads).where(eq(downloads.categoryId, input.id));
    if (files!.n > 0) return { ok: false, error: "adminContent.errors.categoryNotEmpty" };
    const [row] = await tx.delete(downloadCategories).where(eq(downloadCategories.id, input.id)).returning({ id: downloadCategories.id, name: downloadCategories.name });
    if (!row) return { ok: false, error: "adminContent.errors.categoryNotFound" };
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.download_category_deleted", details: { categoryId: row.id, name: row.name }, ip: context.ip });
    return { ok: true, message: "adminContent.downloads.categoryDeleted" };
  });
}

/**
 * A file for "Descargas", checked by content exactly as a ticket attachment or a client's file is
 * (kind from the bytes, the name agreeing with it, the kinds the support setting allows), up to
 * FILE_MAX_BYTES, and stored in the downloads row like the existing ones. Public, or only for
 * signed-in clients (`clientsOnly`), as lib/support/downloads.ts serves them.
 */
export async function uploadDownload(staff: ContentActor, input: DownloadInput, uploads: Upload[], context: ContentContext): Promise<ActionResult<{ id: number }>> {
  if (uploads.length === 0) return { ok: false, error: "errors.checkFields", fieldErrors: { file: "adminContent.errors.fileRequired" } };
  const db = await getDb();
  const settings = await getSupportSettings(db);
  const checked = await checkAttachments(uploads, { ...settings, attachmentMaxCount: 1, attachmentMaxBytes: env.FILE_MAX_BYTES });
  if (!checked.ok) return { ok: false, error: "errors.checkFields", fieldErrors: { file: checked.error } };
  const file = checked.attachments[0]!;
  return db.transaction(async (tx): Promise<ActionResult<{ id: number }>> => {
    const [category] = await tx.select({ id: downloadCategories.id }).from(downloadCategories).where(eq(downloadCategories.id, input.categoryId)).limit(1);
    if (!category) return { ok: false, error: "errors.checkFields", fieldErrors: { categoryId: "adminContent.errors.categoryRequired" } };
    const [row] = await tx
      .insert(downloads)
      .values({ categoryId: category.id, title: input.title, description: input.description, clientsOnly: input.clientsOnly, fileName: file.originalName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, data: file.data })
      .returning({ id: downloads.id });
    await recordAudit(tx, {
      clientId: null,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.download_uploaded",
      details: { downloadId: row!.id, title: input.title, fileName: file.originalName, sizeBytes: file.sizeBytes, clientsOnly: input.clientsOnly },
      ip: context.ip,
    });
    return { ok: true, message: "adminContent.downloads.uploaded", data: { id: row!.id } };
  });
}

export async function removeDownload(staff: ContentActor, input: { id: number }, context: ContentContext): Promise<ActionResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult> => {
    const [row] = await tx.delete(downloads).where(eq(downloads.id, input.id)).returning({ id: downloads.id, title: downloads.title, fileName: downloads.fileName });
    if (!row) return { ok: false, error: "adminContent.errors.downloadNotFound" };
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.download_removed", details: { downloadId: row.id, title: row.title, fileName: row.fileName }, ip: context.ip });
    return { ok: true, message: "adminContent.downloads.removed" };
  });
}
