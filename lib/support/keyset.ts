import { asc, desc, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Keyset pagination over (timestamp desc, id desc), in both directions so a page can link back.
 *
 * The timestamp travels as UTC text with microseconds: a JavaScript Date keeps only milliseconds,
 * and a truncated cursor would skip rows that share the same millisecond.
 */
export type Cursor = { direction: "after" | "before"; at: string; id: number };

export type Page<Row> = { rows: Row[]; nextCursor: string | null; previousCursor: string | null };

const AT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const MAX_ID = 2_147_483_647;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.direction === "after" ? "a" : "b"}|${cursor.at}|${cursor.id}`, "utf8").toString("base64url");
}

/** Anything malformed reads as "no cursor" (the first page): cursors come from the query string. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 100) return null;
  const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (parts.length !== 3) return null;
  const [direction, at, rawId] = parts;
  if ((direction !== "a" && direction !== "b") || !AT_PATTERN.test(at) || !/^\d{1,10}$/.test(rawId)) return null;
  const id = Number(rawId);
  if (id < 1 || id > MAX_ID || Number.isNaN(Date.parse(at))) return null;
  return { direction: direction === "a" ? "after" : "before", at, id };
}

/** The column as the exact text a cursor carries; select it next to the row. */
export function cursorText(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** WHERE fragment and ORDER BY for one page; fetch `limit + 1` rows so the page knows whether more follow. */
export function keysetQuery(at: AnyPgColumn, id: AnyPgColumn, cursor: Cursor | null): { where: SQL | undefined; orderBy: SQL[] } {
  if (!cursor) return { where: undefined, orderBy: [desc(at), desc(id)] };
  const key = sql`(${cursor.at}::timestamptz, ${cursor.id}::integer)`;
  return cursor.direction === "after"
    ? { where: sql`(${at}, ${id}) < ${key}`, orderBy: [desc(at), desc(id)] }
    : { where: sql`(${at}, ${id}) > ${key}`, orderBy: [asc(at), asc(id)] };
}

/**
 * Turns the `limit + 1` rows fetched with keysetQuery into a page in display order (newest first).
 * Going forward, a page reached through a cursor always has rows before it; going back, rows after it.
 */
export function toPage<Row extends { cursorAt: string; id: number }>(fetched: Row[], limit: number, cursor: Cursor | null): Page<Omit<Row, "cursorAt">> {
  const hasMore = fetched.length > limit;
  const slice = fetched.slice(0, limit);
  const backwards = cursor?.direction === "before";
  const ordered = backwards ? slice.reverse() : slice;
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrevious = backwards ? hasMore : cursor !== null;
  return {
    rows: ordered.map(withoutCursor),
    nextCursor: hasNext && last ? encodeCursor({ direction: "after", at: last.cursorAt, id: last.id }) : null,
    previousCursor: hasPrevious && first ? encodeCursor({ direction: "before", at: first.cursorAt, id: first.id }) : null,
  };
}

/** Page sizes come from code, but a bad one must never become an unbounded query. */
export function clampLimit(limit: number, max = 100): number {
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, max) : 20;
}

function withoutCursor<Row extends { cursorAt: string }>(row: Row): Omit<Row, "cursorAt"> {
  const copy: Partial<Row> = { ...row };
  delete copy.cursorAt;
  return copy as Omit<Row, "cursorAt">;
}
