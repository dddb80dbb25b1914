import { asc, desc, sql, type SQL } from "drizzle-orm";
import { invoices } from "@/db/schema";

export const INVOICE_SORTS = ["issue_desc", "issue_asc", "due_asc", "due_desc", "total_desc", "total_asc"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];

/** A position in one sort order: the sort key's value and the id that breaks ties. */
export type InvoiceCursor = { sort: InvoiceSort; direction: "after" | "before"; value: string; id: number };

type SortSpec = { column: typeof invoices.issueDate | typeof invoices.dueDate | typeof invoices.total; order: "asc" | "desc"; type: "date" | "integer" };

const SORTS: Record<InvoiceSort, SortSpec> = {
  issue_desc: { column: invoices.issueDate, order: "desc", type: "date" },
  issue_asc: { column: invoices.issueDate, order: "asc", type: "date" },
  due_asc: { column: invoices.dueDate, order: "asc", type: "date" },
  due_desc: { column: invoices.dueDate, order: "desc", type: "date" },
  total_desc: { column: invoices.total, order: "desc", type: "integer" },
  total_asc: { column: invoices.total, order: "asc", type: "integer" },
};

const VALUE_PATTERNS = { date: /^\d{4}-\d{2}-\d{2}$/, integer: /^-?\d{1,12}$/ } as const;

export function isInvoiceSort(value: unknown): value is InvoiceSort {
  return typeof value === "string" && (INVOICE_SORTS as readonly string[]).includes(value);
}

export function encodeInvoiceCursor(cursor: InvoiceCursor): string {
  return Buffer.from(`${cursor.sort}|${cursor.direction === "after" ? "a" : "b"}|${cursor.value}|${cursor.id}`, "utf8").toString("base64url");
}

/**
 * Cursors come from the query string: anything malformed, or made for another sort order, reads as
 * "no cursor" (the first page) rather than an error.
 */
export function decodeInvoiceCursor(value: string | null | undefined, sort: InvoiceSort): InvoiceCursor | null {
  if (!value || value.length > 120) return null;
  const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (parts.length !== 4) return null;
  const [cursorSort, direction, sortValue, rawId] = parts as [string, string, string, string];
  if (cursorSort !== sort || (direction !== "a" && direction !== "b")) return null;
  if (!VALUE_PATTERNS[SORTS[sort].type].test(sortValue) || !/^[1-9]\d{0,9}$/.test(rawId)) return null;
  const id = Number(rawId);
  if (id > 2_147_483_647) return null;
  if (SORTS[sort].type === "date" && Number.isNaN(Date.parse(`${sortValue}T00:00:00Z`))) return null;
  return { sort, direction: direction === "a" ? "after" : "before", value: sortValue, id };
}

/** The sort key of a fetched row as the text a cursor carries. */
export function sortValueOf(sort: InvoiceSort, row: { issueDate: string; dueDate: string; total: number }): string {
  const column = SORTS[sort].column;
  if (column === invoices.issueDate) return row.issueDate;
  if (column === invoices.dueDate) return row.dueDate;
  return String(row.total);
}

/**
 * WHERE fragment and ORDER BY for one page over (sort key, id). Going back ("before") reads the
 * opposite way and the caller reverses the rows. The redundant `key <= value` (or >=) beside the
 * row comparison lets PostgreSQL bound the (client_id, sort key) index range directly.
 */
export function invoiceKeyset(sort: InvoiceSort, cursor: InvoiceCursor | null): { where: SQL | undefined; orderBy: SQL[] } {
  const spec = SORTS[sort];
  const forward = !cursor || cursor.direction === "after";
  const descending = (spec.order === "desc") === forward;
  const orderBy = descending ? [desc(spec.column), desc(invoices.id)] : [asc(spec.column), asc(invoices.id)];
  if (!cursor) return { where: undefined, orderBy };
  const value = spec.type === "date" ? sql`${cursor.value}::date` : sql`${Number(cursor.value)}::integer`;
  const key = sql`(${value}, ${cursor.id}::integer)`;
  const where = descending
    ? sql`${spec.column} <= ${value} and (${spec.column}, ${invoices.id}) < ${key}`
    : sql`${spec.column} >= ${value} and (${spec.column}, ${invoices.id}) > ${key}`;
  return { where, orderBy };
}
