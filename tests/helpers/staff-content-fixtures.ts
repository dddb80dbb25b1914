import { count, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announcements, auditLog, downloadCategories, downloads, kbArticles, kbCategories, networkIssueNotices, networkIssues, networkIssueUpdates, servers } from "@/db/schema";

/** A FormData as the staff forms post it (strings, and Files for uploads). */
export function form(values: Record<string, string | string[] | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const entry of value) data.append(key, entry);
    else if (typeof value === "string") data.append(key, value);
    else data.append(key, value, value instanceof File ? value.name : undefined);
  }
  return data;
}

type CountedTable =
  | typeof announcements
  | typeof kbArticles
  | typeof kbCategories
  | typeof downloads
  | typeof downloadCategories
  | typeof servers
  | typeof networkIssues
  | typeof networkIssueUpdates
  | typeof networkIssueNotices;

/** How many rows each content table and the staff audit trail hold: "nothing written" is these unchanged. */
export async function contentWrites(db: Database) {
  const n = async (table: CountedTable) => (await db.select({ n: count() }).from(table))[0]!.n;
  const [audit] = await db.select({ n: count() }).from(auditLog).where(isNotNull(auditLog.staffUserId));
  return {
    announcements: await n(announcements),
    kbArticles: await n(kbArticles),
    kbCategories: await n(kbCategories),
    downloads: await n(downloads),
    downloadCategories: await n(downloadCategories),
    servers: await n(servers),
    issues: await n(networkIssues),
    updates: await n(networkIssueUpdates),
    notices: await n(networkIssueNotices),
    audit: audit!.n,
  };
}
