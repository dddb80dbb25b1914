import { asc, desc, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { MAX_ROW_ID } from "@/lib/row-id";

/**
 * Keyset pagination over (sort key, id), both ways so a page can link back. Every list of the
 * portal pages this way: the cost of a page depends on its size, never on how deep it is.
 *
 * A timestamp key travels as UTC text with microseconds: a JavaScript Date keeps only milliseconds,
 * and a truncated cursor would skip or repeat rows that share the same millisecond.
 */
export type KeyType = "timestamp" | "date" | "integer";

export type KeysetOrder = {
  key: AnyPgColumn;
  id: AnyPgColumn;
  type: KeyType;
  order: "asc" | "desc";
  /** Set when a list has several orders: a cursor made for another order reads as the first page. */
  name?: string;
};

export type Cursor = { direction: "after" | "before"; value: string; id: number };

export type Page<Row> = { rows: Row[]; nextCursor: string | null; previousCursor: string | null };

export const MAX_PAGE_SIZE = 100;

const VALUE_PATTERNS: Record<KeyType, RegExp> = {
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  integer: /^-?\d{1,12}$/,
};

/** A page size the caller asked for, within 1..MAX_PAGE_SIZE: a bad one must never become an unbounded query. */
export function pageSize(limit: number | undefined, fallback = 20): number {
  return limit !== undefined && Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_PAGE_SIZE) : fallback;
}

export function encodeCursor(order: KeysetOrder, cursor: Cursor): string {
  const direction = cursor.direction === "after" ? "a" : "b";
  return Buffer.from(`${order.name ?? ""}|${direction}|${cursor.value}|${cursor.id}`, "utf8").toString("base64url");
}

/** Cursors come from the query string: anything malformed, or made for another order, reads as "no cursor". */
export function decodeCursor(value: string | null | undefined, order: KeysetOrder): Cursor | null {
  if (!value || value.length > 160) return null;
  const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (parts.length !== 4) return null;
  const [name, direction, keyValue, rawId] = parts as [string, string, string, string];
  if (name !== (order.name ?? "") || (direction !== "a" && direction !== "b")) return null;
  if (!VALUE_PATTERNS[order.type].test(keyValue) || !/^[1-9]\d{0,9}$/.test(rawId)) return null;
  const id = Number(rawId);
  if (id > MAX_ROW_ID || !isRealValue(order.type, keyValue)) return null;
  return { direction: direction === "a" ? "after" : "before", value: keyValue, id };
}

/** The sort key as the exact text a cursor carries: select it as `cursorKey` next to the row. */
export function cursorKey(order: KeysetOrder): SQL<string> {
  if (order.type === "timestamp") return sql<string>`to_char(${order.key} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return sql<string>`${order.key}::text`;
}

/**
 * WHERE fragment and ORDER BY for one page; fetch `limit + 1` rows so the page knows whether more
 * follow. Going back ("before") reads the other way and toPage reverses the rows. The redundant
 * `key <= value` (or >=) beside the row comparison lets PostgreSQL bound the index range directly.
 */
export function keysetQuery(order: KeysetOrder, cursor: Cursor | null): { where: SQL | undefined; orderBy: SQL[] } {
  const forward = !cursor || cursor.direction === "after";
  const descending = (order.order === "desc") === forward;
  const orderBy = descending ? [desc(order.key), desc(order.id)] : [asc(order.key), asc(order.id)];
  if (!cursor) return { where: undefined, orderBy };
  const value = typedValue(order.type, cursor.value);
  const key = sql`(${value}, ${cursor.id}::integer)`;
  const where = descending
    ? sql`${order.key} <= ${value} and (${order.key}, ${order.id}) < ${key}`
    : sql`${order.key} >= ${value} and (${order.key}, ${order.id}) > ${key}`;
  return { where, orderBy };
}

/**
 * The `limit + 1` rows fetched with keysetQuery -> the page in display order and the cursors around
 * it. Going forward, a page reached through a cursor always has rows before it; going back, after it.
 */
export function toPage<Fetched extends { id: number; cursorKey: string }, Row>(
  fetched: Fetched[],
  limit: number,
  order: KeysetOrder,
  cursor: Cursor | null,
  toRow: (row: Omit<Fetched, "cursorKey">) => Row,
): Page<Row> {
  const hasMore = fetched.length > limit;
  const backwards = cursor?.direction === "before";
  const slice = fetched.slice(0, limit);
  const ordered = backwards ? slice.reverse() : slice;
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrevious = backwards ? hasMore : cursor !== null;
  const cursorOf = (row: Fetched, direction: Cursor["direction"]) => encodeCursor(order, { direction, value: row.cursorKey, id: row.id });
  return {
    rows: ordered.map((row) => toRow(withoutCursorKey(row))),
    nextCursor: hasNext && last ? cursorOf(last, "after") : null,
    previousCursor: hasPrevious && first ? cursorOf(first, "before") : null,
  };
}

/**
 * One call for a list query: decode the cursor, build the WHERE and ORDER BY, and turn the fetched
 * rows into the page. `fetchLimit` is the page size plus the one row that tells whether more follow.
 */
export function keysetPage(order: KeysetOrder, rawCursor: string | null | undefined, limit: number) {
  const cursor = decodeCursor(rawCursor, order);
  const { where, orderBy } = keysetQuery(order, cursor);
  return {
    where,
    orderBy,
    fetchLimit: limit + 1,
    toPage: <Fetched extends { id: number; cursorKey: string }, Row = Omit<Fetched, "cursorKey">>(
      fetched: Fetched[],
      toRow: (row: Omit<Fetched, "cursorKey">) => Row = (row) => row as Row,
    ) => toPage(fetched, limit, order, cursor, toRow),
  };
}

function withoutCursorKey<Fetched extends { cursorKey: string }>(row: Fetched): Omit<Fetched, "cursorKey"> {
  const copy: Partial<Fetched> = { ...row };
  delete copy.cursorKey;
  return copy as Omit<Fetched, "cursorKey">;
}

function typedValue(type: KeyType, value: string): SQL {
  if (type === "timestamp") return sql`${value}::timestamptz`;
  if (type === "date") return sql`${value}::date`;
  return sql`${Number(value)}::bigint`;
}

/** The patterns let "2026-02-30" through; PostgreSQL would answer it with an error, not an empty page. */
function isRealValue(type: KeyType, value: string): boolean {
  if (type === "integer") return Number.isSafeInteger(Number(value));
  const [year, month, day, hour = 0, minute = 0, second = 0] = value.split(/[-T:.Z]/, 6).map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    year! >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}
