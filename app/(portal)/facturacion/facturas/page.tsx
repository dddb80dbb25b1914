import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { listHref } from "@/app/_components/list-href";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { requireUser } from "@/lib/auth/session";
import { getInvoiceSummary, INVOICE_FILTERS, INVOICE_SORTS, listInvoices, type InvoiceFilter, type InvoiceSort } from "@/lib/billing/queries/list-invoices";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { invoiceLabel } from "../_components/invoice-label";
import { InvoiceStatusBadge } from "../_components/invoice-status-badge";
import { secondaryButton, textLink } from "../_components/styles";

const PAGE_SIZE = 20;
const INVOICES_PATH = "/facturacion/facturas";

// The query string speaks Spanish like the paths; the defaults stay out of the URL.
const FILTER_PARAMS: Record<InvoiceFilter, string | null> = {
  all: null,
  unpaid: "sin-pagar",
  overdue: "vencidas",
  paid: "pagadas",
  cancelled: "canceladas",
  refunded: "reembolsadas",
  collections: "cobro",
};
const SORT_PARAMS: Record<InvoiceSort, string> = {
  issue_desc: "emision-desc",
  issue_asc: "emision-asc",
  due_asc: "vencimiento-asc",
  due_desc: "vencimiento-desc",
  total_desc: "importe-desc",
  total_asc: "importe-asc",
};
const DEFAULT_SORT: InvoiceSort = "issue_desc";

type SearchParams = { estado?: string | string[]; orden?: string | string[]; cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.invoices");
  return { title: t("title") };
}

/** "Mis facturas", walkthrough 6.1. */
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("invoices");
  const params = await searchParams;
  const filter = INVOICE_FILTERS.find((option) => FILTER_PARAMS[option] !== null && FILTER_PARAMS[option] === params.estado) ?? "all";
  const sort = INVOICE_SORTS.find((option) => SORT_PARAMS[option] === params.orden) ?? DEFAULT_SORT;
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const today = madridToday();
  const [page, summary] = await Promise.all([
    listInvoices(user.scope, { status: filter, sort, cursor, limit: PAGE_SIZE, today }),
    getInvoiceSummary(user.scope, { today }),
  ]);
  const t = await getTranslations("billing");
  const locale = await getLocale();
  const money = (amount: number, currency: string) => formatAmount(amount, currency, locale);
  const label = (invoice: { number: string | null; proformaReference: string }) =>
    invoiceLabel(invoice, (reference) => t("proforma", { reference }));
  const queryFor = (options: { filter?: InvoiceFilter; sort?: InvoiceSort }) => {
    const chosenSort = options.sort ?? sort;
    return { estado: FILTER_PARAMS[options.filter ?? filter], orden: chosenSort === DEFAULT_SORT ? null : SORT_PARAMS[chosenSort] };
  };
  const hrefFor = (options: { filter?: InvoiceFilter; sort?: InvoiceSort }) => listHref(INVOICES_PATH, queryFor(options));

  type Row = (typeof page.rows)[number];
  const dateColumn = (field: "issueDate" | "dueDate"): DataTableColumn<Row> => ({
    key: field,
    label: t(`invoices.columns.${field}`),
    cellClassName: "col-span-2 text-slate-600 sm:whitespace-nowrap sm:text-slate-900",
    labelClassName: "sm:hidden",
    cell: (invoice) => formatDate(invoice[field], locale),
  });
  const columns: DataTableColumn<Row>[] = [
    {
      key: "number",
      label: t("invoices.columns.number"),
      cell: (invoice) => (
        <Link href={`/facturacion/facturas/${invoice.id}`} className={`${textLink} font-semibold`}>
          {label(invoice)}
        </Link>
      ),
    },
    {
      key: "status-on-phone",
      label: t("invoices.columns.status"),
      header: false,
      cellClassName: "text-slate-600 sm:hidden",
      labelClassName: "sr-only",
      cell: (invoice) => <InvoiceStatusBadge status={invoice.displayStatus} />,
    },
    dateColumn("issueDate"),
    dateColumn("dueDate"),
    {
      key: "total",
      label: t("invoices.columns.total"),
      headerClassName: "text-right",
      cellClassName: "col-span-2 font-semibold tabular-nums text-slate-900 sm:text-right sm:whitespace-nowrap sm:font-normal",
      labelClassName: "font-normal text-slate-600 sm:hidden",
      cell: (invoice) => (
        <>
          {money(invoice.total, invoice.currency)}
          {invoice.amountDue > 0 && invoice.amountDue !== invoice.total && (
            <span className="block text-xs font-normal text-slate-600">{t("invoices.dueRemaining", { amount: money(invoice.amountDue, invoice.currency) })}</span>
          )}
        </>
      ),
    },
    {
      key: "status",
      label: t("invoices.columns.status"),
      cellClassName: "hidden",
      cell: (invoice) => <InvoiceStatusBadge status={invoice.displayStatus} />,
    },
  ];

  const emptyList = (
    <EmptyState
      message={t(`invoices.empty.${filter}`)}
      action={
        filter !== "all" ? (
          <Link href={hrefFor({ filter: "all" })} className={textLink}>
            {t("invoices.empty.showAll")}
          </Link>
        ) : undefined
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t("invoices.title")}
        description={t("invoices.description")}
        actions={
          <>
            <Link href="/facturacion/pago-masivo" className={secondaryButton}>
              {t("invoices.massPayment")}
            </Link>
            <Link href="/facturacion/anadir-fondos" className={secondaryButton}>
              {t("invoices.addFunds")}
            </Link>
          </>
        }
      />

      <section aria-label={t("invoices.summary.label")} className="mb-6 grid grid-cols-2 gap-3 sm:gap-4">
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <p className="text-sm text-slate-600">{t("invoices.summary.balanceDue")}</p>
          <p className="mt-1 text-2xl font-bold tabular-nums text-slate-900">{money(summary.balanceDue, summary.currency)}</p>
          <p className="mt-1 text-sm text-slate-600">
            {summary.outstandingCount > 0 ? (
              <Link href="/facturacion/pago-masivo" className={textLink}>
                {t("invoices.summary.payAll", { count: summary.outstandingCount })}
              </Link>
            ) : (
              t("invoices.summary.nothingDue")
            )}
          </p>
        </div>
        <div className={`rounded-lg border p-4 shadow-sm ${summary.overdueCount > 0 ? "border-red-200 bg-red-50" : "border-slate-200 bg-white"}`}>
          <p className="text-sm text-slate-600">{t("invoices.summary.overdue")}</p>
          <p className={`mt-1 text-2xl font-bold tabular-nums ${summary.overdueCount > 0 ? "text-red-800" : "text-slate-900"}`}>{summary.overdueCount}</p>
          <p className="mt-1 text-sm text-slate-600">
            {summary.overdueCount > 0 ? (
              <Link href={hrefFor({ filter: "overdue", sort: "due_asc" })} className={textLink}>
                {t("invoices.summary.seeOverdue", { amount: money(summary.overdueAmount, summary.currency) })}
              </Link>
            ) : (
              t("invoices.summary.noneOverdue")
            )}
          </p>
        </div>
      </section>

      <div className="mb-4 space-y-3">
        <nav aria-label={t("invoices.filter.label")}>
          <ul className="flex flex-wrap gap-2">
            {INVOICE_FILTERS.map((option) => (
              <li key={option}>
                <Link
                  href={hrefFor({ filter: option })}
                  aria-current={option === filter ? "page" : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm ${
                    option === filter ? "border-brand-600 bg-brand-600 font-semibold text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
                  }`}
                >
                  {t(`invoices.filter.${option}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {/* A plain GET form: sorting works without JavaScript and keeps the chosen filter. */}
        <form action="/facturacion/facturas" method="get" className="flex items-end gap-2 sm:max-w-md">
          {FILTER_PARAMS[filter] && <input type="hidden" name="estado" value={FILTER_PARAMS[filter]!} />}
          <div className="min-w-0 flex-1">
            <label htmlFor="invoice-sort" className="block text-sm font-medium text-slate-700">
              {t("invoices.sort.label")}
            </label>
            <select
              id="invoice-sort"
              name="orden"
              defaultValue={SORT_PARAMS[sort]}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm"
            >
              {INVOICE_SORTS.map((option) => (
                <option key={option} value={SORT_PARAMS[option]}>
                  {t(`invoices.sort.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
            {t("invoices.sort.apply")}
          </button>
        </form>
      </div>

      {/* On a phone each row is a card: number and status first, the other cells labelled underneath. */}
      <DataTable caption={t("invoices.tableCaption")} rows={page.rows} rowKey={(invoice) => invoice.id} columns={columns}
        empty={emptyList} stackBelow="sm" rowLayout="title-and-badge" />

      <Pagination page={page} path={INVOICES_PATH} query={queryFor({})} />
    </>
  );
}
