import { asc, desc, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * Keyset pages over (created_at, id), newest first, for the logs of an account (sent emails, activity).
 * The cursor carries the timestamp as PostgreSQL prints it: a JavaScript Date keeps milliseconds only,
 * and two rows a few microseconds apart would otherwise be skipped or shown twice at a page boundary.
 */
export type CreatedAtCursor = { direction: "after" | "before"; at: string; id: number };

export type CreatedAtPage<Row> = { rows: Row[]; nextCursor: string | null; previousCursor: string | null };

type KeyColumns = { createdAt: PgColumn; id: PgColumn };

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

export const MAX_PAGE_SIZE = 100;

/** created_at as exact text, to select next to the row and hand back to encodeCreatedAtCursor. */
export function createdAtText(column: PgColumn): SQL<string> {
  return sql<string>`${column}::text`;
}

export function encodeCreatedAtCursor(cursor: CreatedAtCursor): string {
  return Buffer.from(`${cursor.direction === "after" ? "a" : "b"}|${cursor.at}|${cursor.id}`, "utf8").toString("base64url");
}

/** Cursors come from the query string: anything malformed reads as "no cursor" (the first page). */
export function decodeCreatedAtCursor(value: string | null | undefined): CreatedAtCursor | null {
  if (!value || value.length > 120) return null;
  const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (parts.length !== 3) return null;
  const [direction, at, rawId] = parts as [string, string, string];
  if ((direction !== "a" && direction !== "b") || !TIMESTAMP_TEXT.test(at) || !/^[1-9]\d{0,9}$/.test(rawId)) return null;
  const id = Number(rawId);
  if (id > 2_147_483_647 || !isRealTimestamp(at)) return null;
  return { direction: direction === "a" ? "after" : "before", at, id };
}

/** The pattern lets "2026-02-30" through; PostgreSQL would refuse it with an error, not an empty page. */
function isRealTimestamp(text: string): boolean {
  const [year, month, day, hour, minute, second] = text.split(/[- :.+]/, 6).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

/**
 * WHERE fragment and ORDER BY for one page. Going back ("before") reads oldest-first from the cursor
 * and the caller reverses the rows. The redundant `created_at <= value` beside the row comparison
 * lets PostgreSQL bound the (client_id, created_at) index range directly.
 */
export function createdAtKeyset(columns: KeyColumns, cursor: CreatedAtCursor | null): { where: SQL | undefined; orderBy: SQL[] } {
  const forward = !cursor || cursor.direction === "after";
  const orderBy = forward ? [desc(columns.createdAt), desc(columns.id)] : [asc(columns.createdAt), asc(columns.id)];
  if (!cursor) return { where: undefined, orderBy };
  const at = sql`${cursor.at}::timestamptz`;
  const key = sql`(${at}, ${cursor.id}::integer)`;
  const where = forward
    ? sql`${columns.createdAt} <= ${at} and (${columns.createdAt}, ${columns.id}) < ${key}`
    : sql`${columns.createdAt} >= ${at} and (${columns.createdAt}, ${columns.id}) > ${key}`;
  return { where, orderBy };
}

/** A page size the caller asked for, within 1..MAX_PAGE_SIZE. */
export function pageSize(limit: number | undefined, fallback: number): number {
  return limit !== undefined && Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_PAGE_SIZE) : fallback;
}

/** Rows fetched with limit + 1 -> the page in newest-first order and the cursors around it. */
export function createdAtPage<Fetched extends { id: number; createdAtText: string }, Row>(
  fetched: Fetched[],
  limit: number,
  cursor: CreatedAtCursor | null,
  toRow: (row: Fetched) => Row,
): CreatedAtPage<Row> {
  const hasMore = fetched.length > limit;
  const backwards = cursor?.direction === "before";
  const slice = fetched.slice(0, limit);
  const ordered = backwards ? slice.reverse() : slice;
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrevious = backwards ? hasMore : cursor !== null;
  const cursorAt = (row: Fetched, direction: CreatedAtCursor["direction"]) =>
    encodeCreatedAtCursor({ direction, at: row.createdAtText, id: row.id });
  return {
    rows: ordered.map(toRow),
    nextCursor: hasNext && last ? cursorAt(last, "after") : null,
    previousCursor: hasPrevious && first ? cursorAt(first, "before") : null,
  };
}
