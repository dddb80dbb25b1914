import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientFiles } from "@/db/schema";
import type { ExportRequester } from "@/lib/export/export-section";

/** The files the company attached for the client. */
export async function exportFiles(executor: Executor, { scope: { clientId } }: ExportRequester) {
  const files = await executor
    .select({
      title: clientFiles.title,
      fileName: clientFiles.fileName,
      mimeType: clientFiles.mimeType,
      sizeBytes: clientFiles.sizeBytes,
      createdAt: clientFiles.createdAt,
    })
    .from(clientFiles)
    .where(eq(clientFiles.clientId, clientId))
    .orderBy(asc(clientFiles.createdAt), asc(clientFiles.id));
  return { files };
}
