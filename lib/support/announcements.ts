import { and, eq, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { announcements } from "@/db/schema";
import { splitParagraphs } from "./paragraphs";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";

export type AnnouncementListRow = {
  id: number;
  title: string;
  slug: string;
  publishedAt: Date;
  /** The summary, or the start of the body when the announcement has none. */
  summary: string;
};

export type Announcement = {
  id: number;
  title: string;
  slug: string;
  publishedAt: Date;
  body: string;
};

export { splitParagraphs } from "./paragraphs";

const EXCERPT_LENGTH = 280;

// Unpublished drafts and announcements scheduled for later stay hidden until their date.
const visible = () => and(eq(announcements.published, true), lte(announcements.publishedAt, sql`now()`));

const NEWEST_FIRST: KeysetOrder = { key: announcements.publishedAt, id: announcements.id, type: "timestamp", order: "desc" };

export async function listAnnouncements(options: { cursor?: string | null; limit: number }): Promise<Page<AnnouncementListRow>> {
  const db = await getDb();
  const keyset = keysetPage(NEWEST_FIRST, options.cursor, pageSize(options.limit));
  const fetched = await db
    .select({
      id: announcements.id,
      title: announcements.title,
      slug: announcements.slug,
      publishedAt: announcements.publishedAt,
      summary: announcements.summary,
      // One character more than the excerpt tells whether the body had to be cut.
      bodyStart: sql<string>`left(${announcements.body}, ${EXCERPT_LENGTH + 1}::integer)`,
      cursorKey: cursorKey(NEWEST_FIRST),
    })
    .from(announcements)
    .where(and(visible(), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, ({ summary, bodyStart, ...row }) => ({ ...row, summary: summary?.trim() || excerpt(bodyStart) }));
}

export async function getAnnouncementBySlug(slug: string): Promise<Announcement | null> {
  if (!slug || slug.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: announcements.id,
      title: announcements.title,
      slug: announcements.slug,
      publishedAt: announcements.publishedAt,
      body: announcements.body,
    })
    .from(announcements)
    .where(and(eq(announcements.slug, slug), visible()))
    .limit(1);
  return row ?? null;
}

/** The first paragraph, cut at a word boundary only when it is longer than the excerpt. */
function excerpt(bodyStart: string): string {
  const paragraph = splitParagraphs(bodyStart)[0] ?? "";
  if (paragraph.length <= EXCERPT_LENGTH) return paragraph.replace(/\s+/g, " ");
  const cut = paragraph.slice(0, EXCERPT_LENGTH).replace(/\s+/g, " ");
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
