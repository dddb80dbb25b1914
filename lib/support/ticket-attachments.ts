import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { getDb, type Executor } from "@/db/client";
import { ticketAttachments } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { safeFileName } from "@/lib/files/download-headers";
import type { AttachmentKind, SupportSettings } from "@/lib/settings/settings-values";

/** An upload that passed every check, ready to be inserted with its ticket or reply. */
export type CheckedAttachment = { storedName: string; originalName: string; mimeType: string; sizeBytes: number; data: Buffer };

export type AttachmentCheck = { ok: true; attachments: CheckedAttachment[] } | { ok: false; error: string };

/** The upload as the form sends it: a File, or anything with a name, a size and its bytes. */
export type Upload = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

// What each kind is when file-type recognises it, and the names a customer gives such a file.
const KINDS: Record<AttachmentKind, { mime: string; detected: string | null; extensions: string[] }> = {
  png: { mime: "image/png", detected: "png", extensions: ["png"] },
  jpg: { mime: "image/jpeg", detected: "jpg", extensions: ["jpg", "jpeg"] },
  gif: { mime: "image/gif", detected: "gif", extensions: ["gif"] },
  pdf: { mime: "application/pdf", detected: "pdf", extensions: ["pdf"] },
  zip: { mime: "application/zip", detected: "zip", extensions: ["zip"] },
  // Plain text has no signature: file-type finds nothing, and the bytes must be UTF-8 without NUL.
  txt: { mime: "text/plain", detected: null, extensions: ["txt", "log"] },
};

/** An empty file input still posts one nameless, empty entry: it is no attachment. */
export function uploadsFrom(values: FormDataEntryValue[]): Upload[] {
  return values.filter((value): value is File => typeof value !== "string" && !(value.size === 0 && value.name === ""));
}

/**
 * Every upload of one message, checked before anything is written: how many, how big, and what the
 * bytes really are. The kind comes from the content; the name must agree with it, so an HTML page or
 * a Windows program renamed ".png" is refused. One bad file refuses the whole message.
 */
export async function checkAttachments(uploads: Upload[], settings: SupportSettings): Promise<AttachmentCheck> {
  if (uploads.length === 0) return { ok: true, attachments: [] };
  if (uploads.length > settings.attachmentMaxCount) return { ok: false, error: "support.errors.attachmentCount" };
  const attachments: CheckedAttachment[] = [];
  for (const upload of uploads) {
    if (upload.size > settings.attachmentMaxBytes) return { ok: false, error: "support.errors.attachmentTooLarge" };
    const data = Buffer.from(await upload.arrayBuffer());
    if (data.byteLength === 0) return { ok: false, error: "support.errors.attachmentEmpty" };
    if (data.byteLength > settings.attachmentMaxBytes) return { ok: false, error: "support.errors.attachmentTooLarge" };
    const kind = await kindOf(data);
    const originalName = safeFileName(upload.name).slice(-255);
    if (!kind || !settings.attachmentKinds.includes(kind) || !KINDS[kind].extensions.includes(extensionOf(originalName))) {
      return { ok: false, error: "support.errors.attachmentType" };
    }
    attachments.push({
      storedName: `${randomBytes(16).toString("hex")}.${KINDS[kind].extensions[0]}`,
      originalName,
      mimeType: KINDS[kind].mime,
      sizeBytes: data.byteLength,
      data,
    });
  }
  return { ok: true, attachments };
}

async function kindOf(data: Buffer): Promise<AttachmentKind | null> {
  const detected = await fileTypeFromBuffer(data);
  if (detected) return (Object.keys(KINDS) as AttachmentKind[]).find((kind) => KINDS[kind].detected === detected.ext) ?? null;
  return isPlainText(data) ? "txt" : null;
}

function isPlainText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

export type TicketAttachmentDownload = { id: number; originalName: string; sizeBytes: number; bytes: Buffer };

/** One attachment of this client's tickets with its bytes; another client's is null, like a missing one. */
export async function getTicketAttachmentForDownload(scope: ClientScope, attachmentId: number, db?: Executor): Promise<TicketAttachmentDownload | null> {
  const { clientId } = scope;
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({ id: ticketAttachments.id, originalName: ticketAttachments.originalName, sizeBytes: ticketAttachments.sizeBytes, bytes: ticketAttachments.data })
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.id, attachmentId), eq(ticketAttachments.clientId, clientId)))
    .limit(1);
  return row ?? null;
}
