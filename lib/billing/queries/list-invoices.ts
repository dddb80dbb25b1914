import { and, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, invoices, type InvoiceStatus } from "@/db/schema";
import { invoiceNumberOf } from "@/lib/billing/invoice-number";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";
import { amountDueOf, displayStatusOf, OUTSTANDING_STATUSES, UNPAID_STATUSES, type InvoiceDisplayStatus } from "../invoice-status";
import type { ClientScope } from "@/lib/auth/scope";

export const INVOICE_SORTS = ["issue_desc", "issue_asc", "due_asc", "due_desc", "total_desc", "total_asc"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];

/** Each sort is its own keyset order over (key, id); a cursor made for one sort reads as page 1 of another. */
const SORT_ORDERS: Record<InvoiceSort, KeysetOrder> = {
  issue_desc: { name: "issue_desc", key: invoices.issueDate, id: invoices.id, type: "date", order: "desc" },
  issue_asc: { name: "issue_asc", key: invoices.issueDate, id: invoices.id, type: "date", order: "asc" },
  due_asc: { name: "due_asc", key: invoices.dueDate, id: invoices.id, type: "date", order: "asc" },
  due_desc: { name: "due_desc", key: invoices.dueDate, id: invoices.id, type: "date", order: "desc" },
  total_desc: { name: "total_desc", key: invoices.total, id: invoices.id, type: "integer", order: "desc" },
  total_asc: { name: "total_asc", key: invoices.total, id: invoices.id, type: "integer", order: "asc" },
};

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

export type InvoicePage = Page<InvoiceListRow>;

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
export async function listInvoices(scope: ClientScope, options: ListInvoicesOptions): Promise<InvoicePage> {
  const { clientId } = scope;
  const db = options.db ?? (await getDb());
  const today = options.today ?? madridToday();
  const order = SORT_ORDERS[options.sort];
  const keyset = keysetPage(order, options.cursor, pageSize(options.limit));
  const fetched = await db
    .select({ ...invoiceListColumns, cursorKey: cursorKey(order) })
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), filterCondition(options.status ?? "all", today), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, (row) => ({
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
  }));
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
export async function getInvoiceSummary(scope: ClientScope, options: { today?: string; db?: Executor } = {}): Promise<InvoiceSummary> {
  const { clientId } = scope;
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
