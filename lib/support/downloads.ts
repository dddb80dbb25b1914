import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { downloadCategories, downloads, services } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";

// "Descargas" (walkthrough §7.4). Who may see a file: everyone for a public one; a signed-in client
// for a "clientsOnly" one; a client with an ACTIVE service of the product for a "requiredProductId"
// one. A file the viewer may not have is neither listed nor served (the route answers 404).

/** The signed-in client, or null for a signed-out visitor. */
export type DownloadViewer = ClientScope | null;

export type DownloadListItem = {
  id: number;
  title: string;
  description: string | null;
  fileName: string;
  sizeBytes: number;
  downloadCount: number;
  clientsOnly: boolean;
  restricted: boolean;
};
export type DownloadCategoryList = { id: number; name: string; description: string | null; files: DownloadListItem[] };
export type DownloadFile = { id: number; fileName: string; sizeBytes: number; bytes: Buffer };

const MAX_LISTED = 500;

/** The SQL condition "this viewer may have this download"; the client id is in it for a signed-in viewer. */
function accessible(viewer: DownloadViewer): SQL {
  const open = and(eq(downloads.clientsOnly, false), isNull(downloads.requiredProductId))!;
  if (!viewer) return open;
  const hasActiveService = sql`exists (select 1 from ${services} where ${services.clientId} = ${viewer.clientId} and ${services.productId} = ${downloads.requiredProductId} and ${services.status} = 'active')`;
  return or(isNull(downloads.requiredProductId), hasActiveService)!;
}

/** Categories with the files this viewer may download, in the staff's order; one statement. */
export async function listDownloads(viewer: DownloadViewer, db?: Executor): Promise<DownloadCategoryList[]> {
  const handle = db ?? (await getDb());
  const rows = await handle
    .select({
      categoryId: downloadCategories.id,
      categoryName: downloadCategories.name,
      categoryDescription: downloadCategories.description,
      id: downloads.id,
      title: downloads.title,
      description: downloads.description,
      fileName: downloads.fileName,
      sizeBytes: downloads.sizeBytes,
      downloadCount: downloads.downloadCount,
      clientsOnly: downloads.clientsOnly,
      requiredProductId: downloads.requiredProductId,
    })
    .from(downloads)
    .innerJoin(downloadCategories, eq(downloadCategories.id, downloads.categoryId))
    .where(accessible(viewer))
    .orderBy(asc(downloadCategories.sortOrder), asc(downloadCategories.name), asc(downloadCategories.id), asc(downloads.title), asc(downloads.id))
    .limit(MAX_LISTED);

  const categories: DownloadCategoryList[] = [];
  for (const { categoryId, categoryName, categoryDescription, requiredProductId, ...file } of rows) {
    let category = categories.at(-1);
    if (category?.id !== categoryId) {
      category = { id: categoryId, name: categoryName, description: categoryDescription, files: [] };
      categories.push(category);
    }
    category.files.push({ ...file, restricted: requiredProductId !== null });
  }
  return categories;
}

/**
 * A file for download, counted: the access check and the increment are one UPDATE … SET
 * download_count = download_count + 1 … RETURNING, so concurrent downloads all count and a file the
 * viewer may not have is neither counted nor returned (null, like a missing one).
 */
export async function takeDownload(viewer: DownloadViewer, downloadId: number, db?: Executor): Promise<DownloadFile | null> {
  const handle = db ?? (await getDb());
  const [row] = await handle
    .update(downloads)
    .set({ downloadCount: sql`${downloads.downloadCount} + 1` })
    .where(and(eq(downloads.id, downloadId), accessible(viewer)))
    .returning({ id: downloads.id, fileName: downloads.fileName, sizeBytes: downloads.sizeBytes, bytes: downloads.data });
  return row ?? null;
}
