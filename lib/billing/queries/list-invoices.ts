import { and, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, invoices, type InvoiceStatus } from "@/db/schema";
import { invoiceNumberOf } from "@/lib/billing/invoice-number";
import { madridToday } from "@/lib/dashboard/madrid-today";
import {
  decodeInvoiceCursor,
  encodeInvoiceCursor,
  invoiceKeyset,
  sortValueOf,
  type InvoiceCursor,
  type InvoiceSort,
} from "./invoice-keyset";
import { amountDueOf, displayStatusOf, OUTSTANDING_STATUSES, UNPAID_STATUSES, type InvoiceDisplayStatus } from "../invoice-status";

export { INVOICE_SORTS, isInvoiceSort, type InvoiceSort } from "./invoice-keyset";

export const INVOICE_FILTERS = ["all", "unpaid", "overdue", "paid", "cancelled", "refunded", "collections"] as const;
export type InvoiceFilter = (typeof INVOICE_FILTERS)[number];

export type InvoiceListRow = {
  id: number;
  /** "F2026-000123" once paid, null for a proforma (shown by its proformaReference). */
  number: string | null;
  proformaReference: string;
  status: InvoiceStatus;
  displayStatus: InvoiceDisplayStatus;
  issueDate: string;
  dueDate: string;
  total: number;
  amountDue: number;
  currency: string;
};

export type InvoicePage = { rows: InvoiceListRow[]; nextCursor: string | null; previousCursor: string | null };

export type ListInvoicesOptions = {
  status?: InvoiceFilter;
  sort: InvoiceSort;
  cursor?: string | null;
  limit: number;
  /** 'YYYY-MM-DD' in Madrid; tests pin it. */
  today?: string;
  /** Tests pass their own handle to count statements. */
  db?: Executor;
};

const MAX_PAGE = 100;

/** What a list of invoices reads of each: enough to show its number, status, dates and what is left to pay. */
export const invoiceListColumns = {
  id: invoices.id,
  series: invoices.series,
  number: invoices.number,
  proformaReference: invoices.proformaReference,
  status: invoices.status,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  total: invoices.total,
  amountPaid: invoices.amountPaid,
  currency: invoices.currency,
};

/**
 * One page of the client's invoices in one statement, keyset-paginated over (sort key, id): the
 * cost of a page depends on the page size and the client's own invoices, never on the table's size
 * or on how deep the page is.
 */
export async function listInvoices(clientId: number, options: ListInvoicesOptions): Promise<InvoicePage> {
  const db = options.db ?? (await getDb());
  const today = options.today ?? madridToday();
  const limit = Number.isInteger(options.limit) && options.limit > 0 ? Math.min(options.limit, MAX_PAGE) : 20;
  const cursor = decodeInvoiceCursor(options.cursor, options.sort);
  const keyset = invoiceKeyset(options.sort, cursor);
  const fetched = await db
    .select(invoiceListColumns)
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), filterCondition(options.status ?? "all", today), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(limit + 1);

  const hasMore = fetched.length > limit;
  const backwards = cursor?.direction === "before";
  const slice = fetched.slice(0, limit);
  const ordered = backwards ? slice.reverse() : slice;
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrevious = backwards ? hasMore : cursor !== null;
  const cursorAt = (row: (typeof fetched)[number], direction: InvoiceCursor["direction"]) =>
    encodeInvoiceCursor({ sort: options.sort, direction, value: sortValueOf(options.sort, row), id: row.id });

  return {
    rows: ordered.map((row) => ({
      id: row.id,
      number: invoiceNumberOf(row),
      proformaReference: row.proformaReference,
      status: row.status,
      displayStatus: displayStatusOf(row.status, row.dueDate, today),
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      total: row.total,
      amountDue: amountDueOf(row),
      currency: row.currency,
    })),
    nextCursor: hasNext && last ? cursorAt(last, "after") : null,
    previousCursor: hasPrevious && first ? cursorAt(first, "before") : null,
  };
}

function filterCondition(filter: InvoiceFilter, today: string): SQL | undefined {
  switch (filter) {
    case "all":
      return undefined;
    case "unpaid":
      return inArray(invoices.status, UNPAID_STATUSES);
    case "overdue":
      return and(eq(invoices.status, "unpaid"), lt(invoices.dueDate, today));
    default:
      return eq(invoices.status, filter);
  }
}

export type InvoiceSummary = {
  currency: string;
  /** Σ (total - paid) over unpaid, payment-pending and in-collections invoices. */
  balanceDue: number;
  /** Invoices with something left to pay. */
  outstandingCount: number;
  /** Unpaid invoices whose due date is before today (Madrid). */
  overdueCount: number;
  overdueAmount: number;
};

/** The figures on top of "Mis facturas", in one statement over the client's outstanding invoices only. */
export async function getInvoiceSummary(clientId: number, options: { today?: string; db?: Executor } = {}): Promise<InvoiceSummary> {
  const db = options.db ?? (await getDb());
  const today = options.today ?? madridToday();
  const due = sql`${invoices.total} - ${invoices.amountPaid}`;
  const overdue = sql`${invoices.status} = 'unpaid' and ${invoices.dueDate} < ${today}::date`;
  const [row] = await db
    .select({
      currency: clients.currency,
      balanceDue: sql<number>`coalesce(sum(${due}), 0)`.mapWith(Number),
      outstandingCount: sql<number>`count(${invoices.id})`.mapWith(Number),
      overdueCount: sql<number>`count(${invoices.id}) filter (where ${overdue})`.mapWith(Number),
      overdueAmount: sql<number>`coalesce(sum(${due}) filter (where ${overdue}), 0)`.mapWith(Number),
    })
    .from(clients)
    // The join's own conditions keep the status range inside the (client_id, status, due_date) index.
    .leftJoin(invoices, and(eq(invoices.clientId, clients.id), inArray(invoices.status, OUTSTANDING_STATUSES)))
    .where(eq(clients.id, clientId))
    .groupBy(clients.id, clients.currency);
  return {
    currency: row?.currency ?? "EUR",
    balanceDue: row?.balanceDue ?? 0,
    outstandingCount: row?.outstandingCount ?? 0,
    overdueCount: row?.overdueCount ?? 0,
    overdueAmount: row?.overdueAmount ?? 0,
  };
}
