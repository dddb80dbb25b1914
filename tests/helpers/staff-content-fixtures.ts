import { and, count, inArray, like, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { announcements, auditLog, downloadCategories, downloads, kbArticles, kbCategories, networkIssueNotices, networkIssues, networkIssueUpdates, servers } from "@/db/schema";

/** A FormData as the staff forms post it (strings, repeated fields, and Files for uploads). */
export function form(values: Record<string, string | string[] | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const entry of value) data.append(key, entry);
    else if (typeof value === "string") data.append(key, value);
    else data.append(key, value, value instanceof File ? value.name : undefined);
  }
  return data;
}

/**
 * How many content rows carry this test file's marker in their title or name, and how many audit
 * rows its staff wrote: "nothing written" is these unchanged. Only the file's own rows are counted,
 * since on DATABASE_URL the other test files write to the same tables meanwhile.
 */
export async function contentWrites(db: Database, own: { marker: string; staffIds: number[] }) {
  const pattern = `%${own.marker}%`;
  const n = async (table: PgTable, where: SQL) => (await db.select({ n: count() }).from(table).where(where))[0]!.n;
  const markedIssues = db.select({ id: networkIssues.id }).from(networkIssues).where(like(networkIssues.title, pattern));
  return {
    announcements: await n(announcements, like(announcements.title, pattern)),
    kbArticles: await n(kbArticles, like(kbArticles.title, pattern)),
    kbCategories: await n(kbCategories, like(kbCategories.name, pattern)),
    downloads: await n(downloads, like(downloads.title, pattern)),
    downloadCategories: await n(downloadCategories, like(downloadCategories.name, pattern)),
    servers: await n(servers, like(servers.name, pattern)),
    issues: await n(networkIssues, like(networkIssues.title, pattern)),
    updates: await n(networkIssueUpdates, inArray(networkIssueUpdates.issueId, markedIssues)),
    notices: await n(networkIssueNotices, inArray(networkIssueNotices.issueId, markedIssues)),
    audit: await n(auditLog, and(inArray(auditLog.staffUserId, own.staffIds))!),
  };
}
