import { asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { announcements, downloadCategories, downloads, kbArticles, kbCategories, kbHiddenCategories, networkIssues, networkIssueUpdates, servers } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";
import { isRowId } from "@/lib/row-id";
import { issueServerIds, type NetworkIssueStatus } from "@/lib/support/server-status";

// What the staff "Contenido" pages read: drafts, hidden articles and every file included, across
// all clients; every function takes a StaffScope, which only a staff session makes.

/** "live" exactly when the customers' feed shows it (published and its date reached, by the database's clock). */
export type AnnouncementState = "live" | "scheduled" | "draft";
export type StaffAnnouncementRow = { id: number; title: string; slug: string; published: boolean; publishedAt: Date; state: AnnouncementState };
export type StaffAnnouncement = Omit<StaffAnnouncementRow, "state"> & { body: string };

const announcementState = sql<AnnouncementState>`case when not ${announcements.published} then 'draft' when ${announcements.publishedAt} > now() then 'scheduled' else 'live' end`;

const ANNOUNCEMENTS_NEWEST: KeysetOrder = { key: announcements.publishedAt, id: announcements.id, type: "timestamp", order: "desc" };

export async function listStaffAnnouncements(_scope: StaffScope, options: { cursor?: string | null; limit?: number } = {}): Promise<Page<StaffAnnouncementRow>> {
  const db = await getDb();
  const keyset = keysetPage(ANNOUNCEMENTS_NEWEST, options.cursor, pageSize(options.limit, 20));
  const fetched = await db
    .select({ id: announcements.id, title: announcements.title, slug: announcements.slug, published: announcements.published, publishedAt: announcements.publishedAt, state: announcementState, cursorKey: cursorKey(ANNOUNCEMENTS_NEWEST) })
    .from(announcements)
    .where(keyset.where)
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched);
}

export async function getStaffAnnouncement(_scope: StaffScope, id: number): Promise<StaffAnnouncement | null> {
  if (!isRowId(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: announcements.id, title: announcements.title, slug: announcements.slug, published: announcements.published, publishedAt: announcements.publishedAt, body: announcements.body })
    .from(announcements)
    .where(eq(announcements.id, id))
    .limit(1);
  return row ?? null;
}

export type StaffKbCategory = { id: number; name: string; slug: string; description: string | null; sortOrder: number; hidden: boolean; articleCount: number };

/** Every category with its number of articles, hidden ones included; one statement. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the StaffScope is the proof that a staff session asked
export async function listStaffKbCategories(_scope: StaffScope): Promise<StaffKbCategory[]> {
  const db = await getDb();
  return db
    .select({
      id: kbCategories.id,
      name: kbCategories.name,
      slug: kbCategories.slug,
      description: kbCategories.description,
      sortOrder: kbCategories.sortOrder,
      hidden: sql<boolean>`exists (select 1 from ${kbHiddenCategories} where ${kbHiddenCategories.categoryId} = ${kbCategories.id})`,
      articleCount: sql<number>`count(${kbArticles.id})`.mapWith(Number),
    })
    .from(kbCategories)
    .leftJoin(kbArticles, eq(kbArticles.categoryId, kbCategories.id))
    .groupBy(kbCategories.id)
    .orderBy(asc(kbCategories.sortOrder), asc(kbCategories.name), asc(kbCategories.id));
}

export type StaffKbArticleRow = { id: number; title: string; slug: string; published: boolean; updatedAt: Date; categoryName: string };
export type StaffKbArticle = { id: number; title: string; slug: string; published: boolean; categoryId: number; body: string };

const ARTICLES_LATEST: KeysetOrder = { key: kbArticles.updatedAt, id: kbArticles.id, type: "timestamp", order: "desc" };

export async function listStaffKbArticles(_scope: StaffScope, options: { cursor?: string | null; limit?: number } = {}): Promise<Page<StaffKbArticleRow>> {
  const db = await getDb();
  const keyset = keysetPage(ARTICLES_LATEST, options.cursor, pageSize(options.limit, 20));
  const fetched = await db
    .select({
      id: kbArticles.id,
      title: kbArticles.title,
      slug: kbArticles.slug,
      published: kbArticles.published,
      updatedAt: kbArticles.updatedAt,
      categoryName: kbCategories.name,
      cursorKey: cursorKey(ARTICLES_LATEST),
    })
    .from(kbArticles)
    .innerJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .where(keyset.where)
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched);
}

export async function getStaffKbArticle(_scope: StaffScope, id: number): Promise<StaffKbArticle | null> {
  if (!isRowId(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: kbArticles.id, title: kbArticles.title, slug: kbArticles.slug, published: kbArticles.published, categoryId: kbArticles.categoryId, body: kbArticles.body })
    .from(kbArticles)
    .where(eq(kbArticles.id, id))
    .limit(1);
  return row ?? null;
}

export type StaffDownloadFile = { id: number; title: string; description: string | null; fileName: string; sizeBytes: number; clientsOnly: boolean; restricted: boolean; downloadCount: number };
export type StaffDownloadCategory = { id: number; name: string; description: string | null; sortOrder: number; files: StaffDownloadFile[] };

const MAX_LISTED_FILES = 500;

/** Categories with every file (never the bytes); two statements whatever their number. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the StaffScope is the proof that a staff session asked
export async function listStaffDownloads(_scope: StaffScope): Promise<StaffDownloadCategory[]> {
  const db = await getDb();
  const categories = await db
    .select({ id: downloadCategories.id, name: downloadCategories.name, description: downloadCategories.description, sortOrder: downloadCategories.sortOrder })
    .from(downloadCategories)
    .orderBy(asc(downloadCategories.sortOrder), asc(downloadCategories.name), asc(downloadCategories.id));
  const files =
    categories.length === 0
      ? []
      : await db
          .select({
            id: downloads.id,
            categoryId: downloads.categoryId,
            title: downloads.title,
            description: downloads.description,
            fileName: downloads.fileName,
            sizeBytes: downloads.sizeBytes,
            clientsOnly: downloads.clientsOnly,
            requiredProductId: downloads.requiredProductId,
            downloadCount: downloads.downloadCount,
          })
          .from(downloads)
          .orderBy(asc(downloads.title), asc(downloads.id))
          .limit(MAX_LISTED_FILES);
  return categories.map((category) => ({
    ...category,
    files: files.filter((file) => file.categoryId === category.id).map(({ requiredProductId, ...file }) => ({ ...file, restricted: requiredProductId !== null })),
  }));
}

export type StaffServer = {
  id: number;
  name: string;
  hostname: string;
  ipAddress: string;
  location: string | null;
  nameservers: string[];
  port: number;
  username: string;
  serverGroup: string;
  maxAccounts: number;
  active: boolean;
  /** Whether a credential variable is set: its name is never read back to a page. */
  credentialSet: boolean;
  accounts: number;
};

const serverColumns = {
  id: servers.id,
  name: servers.name,
  hostname: servers.hostname,
  ipAddress: servers.ipAddress,
  location: servers.location,
  nameservers: servers.nameservers,
  port: servers.port,
  username: servers.username,
  serverGroup: servers.serverGroup,
  maxAccounts: servers.maxAccounts,
  active: servers.active,
  credentialSet: sql<boolean>`(${servers.tokenEnv} is not null)`,
  accounts: sql<number>`(select count(*) from services sv where sv.server_id = ${servers.id})`.mapWith(Number),
};

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the StaffScope is the proof that a staff session asked
export async function listStaffServers(_scope: StaffScope): Promise<StaffServer[]> {
  const db = await getDb();
  return db.select(serverColumns).from(servers).orderBy(asc(servers.name), asc(servers.id)).limit(500);
}

export async function getStaffServer(_scope: StaffScope, id: number): Promise<StaffServer | null> {
  if (!isRowId(id)) return null;
  const db = await getDb();
  const [row] = await db.select(serverColumns).from(servers).where(eq(servers.id, id)).limit(1);
  return row ?? null;
}

export type ServerChoice = { id: number; name: string; hostname: string; active: boolean };

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the StaffScope is the proof that a staff session asked
export async function listServerChoices(_scope: StaffScope): Promise<ServerChoice[]> {
  const db = await getDb();
  return db.select({ id: servers.id, name: servers.name, hostname: servers.hostname, active: servers.active }).from(servers).orderBy(asc(servers.name), asc(servers.id)).limit(500);
}

export type StaffIncidentRow = { id: number; title: string; status: NetworkIssueStatus; startsAt: Date; endsAt: Date | null; servers: string[]; notices: number };
export type StaffIncident = StaffIncidentRow & {
  description: string;
  priority: string;
  updates: { id: number; status: NetworkIssueStatus; message: string; createdAt: Date }[];
};

const INCIDENTS_NEWEST: KeysetOrder = { key: networkIssues.startsAt, id: networkIssues.id, type: "timestamp", order: "desc" };

const incidentColumns = {
  id: networkIssues.id,
  title: networkIssues.title,
  status: sql<NetworkIssueStatus>`${networkIssues.status}`,
  startsAt: networkIssues.startsAt,
  endsAt: networkIssues.endsAt,
  servers: sql<string[]>`array(select s.name from servers s where s.id in ${issueServerIds(networkIssues.id)} order by s.name)`,
  notices: sql<number>`(select count(*) from network_issue_notices nn where nn.issue_id = ${networkIssues.id})`.mapWith(Number),
};

export async function listStaffIncidents(_scope: StaffScope, options: { cursor?: string | null; limit?: number } = {}): Promise<Page<StaffIncidentRow>> {
  const db = await getDb();
  const keyset = keysetPage(INCIDENTS_NEWEST, options.cursor, pageSize(options.limit, 20));
  const fetched = await db
    .select({ ...incidentColumns, cursorKey: cursorKey(INCIDENTS_NEWEST) })
    .from(networkIssues)
    .where(keyset.where)
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, (row) => ({ ...row, servers: row.servers ?? [] }));
}

export async function getStaffIncident(_scope: StaffScope, id: number): Promise<StaffIncident | null> {
  if (!isRowId(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ ...incidentColumns, description: networkIssues.description, priority: networkIssues.priority })
    .from(networkIssues)
    .where(eq(networkIssues.id, id))
    .limit(1);
  if (!row) return null;
  const updates = await db
    .select({ id: networkIssueUpdates.id, status: sql<NetworkIssueStatus>`${networkIssueUpdates.status}`, message: networkIssueUpdates.message, createdAt: networkIssueUpdates.createdAt })
    .from(networkIssueUpdates)
    .where(eq(networkIssueUpdates.issueId, row.id))
    .orderBy(desc(networkIssueUpdates.createdAt), desc(networkIssueUpdates.id));
  return { ...row, servers: row.servers ?? [], updates };
}

/** The overview's counts, one statement each kind; for the section's landing page. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the StaffScope is the proof that a staff session asked
export async function contentCounts(_scope: StaffScope) {
  const db = await getDb();
  const [[a], [k], [d], [s], [i]] = await Promise.all([
    db.select({ n: count() }).from(announcements),
    db.select({ n: count() }).from(kbArticles),
    db.select({ n: count() }).from(downloads),
    db.select({ n: count() }).from(servers),
    db.select({ n: count() }).from(networkIssues).where(sql`${networkIssues.status} <> 'resolved'`),
  ]);
  return { announcements: a!.n, articles: k!.n, downloads: d!.n, servers: s!.n, openIncidents: i!.n };
}
