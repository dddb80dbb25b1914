import { env } from "@/lib/env";
import { listAnnouncements } from "./announcements";

export const FEED_ENTRIES = 20;

/** The five characters XML gives a meaning to, and no control character (XML 1.0 forbids most of them). */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export type FeedEntry = { id: number; title: string; slug: string; summary: string; publishedAt: Date };

/** An Atom 1.0 document (RFC 4287) of the announcements, newest first; every text is escaped. */
export function buildAnnouncementsAtom(entries: FeedEntry[], options: { title: string; baseUrl?: string }): string {
  const base = (options.baseUrl ?? env.APP_BASE_URL).replace(/\/+$/, "");
  const listUrl = `${base}/soporte/anuncios`;
  const updated = (entries[0]?.publishedAt ?? new Date(0)).toISOString();
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <title>${escapeXml(options.title)}</title>`,
    `  <id>${escapeXml(listUrl)}</id>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(listUrl)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${listUrl}/feed.xml`)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(options.title)}</name></author>`,
  ];
  for (const entry of entries) {
    const url = `${listUrl}/${encodeURIComponent(entry.slug)}`;
    lines.push(
      `  <entry>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <published>${entry.publishedAt.toISOString()}</published>`,
      `    <updated>${entry.publishedAt.toISOString()}</updated>`,
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, ``);
  return lines.join("\n");
}

/** The feed of the latest published announcements (drafts and future ones stay out, as on the page). */
export async function announcementsAtomFeed(title: string): Promise<string> {
  const page = await listAnnouncements({ limit: FEED_ENTRIES });
  return buildAnnouncementsAtom(page.rows, { title });
}
