import { desc, eq } from "drizzle-orm";
import { clientFiles } from "@/db/schema";
import type { DashboardPart } from "@/lib/dashboard/dashboard-part";

export const DASHBOARD_FILES = 25;

export type DashboardFile = { id: number; title: string; fileName: string; sizeBytes: number; createdAt: Date };

/** "Archivos adjuntos": metadata only; the bytes are read by the download route, one file at a time. */
export const clientFilesPart: DashboardPart<DashboardFile[], null> = {
  permission: null,
  load({ db, clientId }) {
    return db
      .select({
        id: clientFiles.id,
        title: clientFiles.title,
        fileName: clientFiles.fileName,
        sizeBytes: clientFiles.sizeBytes,
        createdAt: clientFiles.createdAt,
      })
      .from(clientFiles)
      .where(eq(clientFiles.clientId, clientId))
      .orderBy(desc(clientFiles.createdAt), desc(clientFiles.id))
      .limit(DASHBOARD_FILES);
  },
};
