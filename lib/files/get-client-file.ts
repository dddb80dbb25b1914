import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clientFiles } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";

export type ClientFileDownload = { id: number; fileName: string; mimeType: string; sizeBytes: number; bytes: Buffer };

/**
 * A file staff attached to this client, with its bytes. A file of another client is null, exactly
 * like a missing one, so a guessed id tells nothing.
 */
export async function getClientFileForDownload(scope: ClientScope, fileId: number, db?: Executor): Promise<ClientFileDownload | null> {
  const { clientId } = scope;
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({
      id: clientFiles.id,
      fileName: clientFiles.fileName,
      mimeType: clientFiles.mimeType,
      sizeBytes: clientFiles.sizeBytes,
      bytes: clientFiles.data,
    })
    .from(clientFiles)
    .where(and(eq(clientFiles.id, fileId), eq(clientFiles.clientId, clientId)))
    .limit(1);
  return row ?? null;
}
