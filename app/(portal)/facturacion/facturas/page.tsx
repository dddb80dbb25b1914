import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
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
  const hrefFor = (options: { filter?: InvoiceFilter; sort?: InvoiceSort; cursor?: string }) => {
    const query = new URLSearchParams();
    const estado = FILTER_PARAMS[options.filter ?? filter];
    const chosenSort = options.sort ?? sort;
    if (estado) query.set("estado", estado);
    if (chosenSort !== DEFAULT_SORT) query.set("orden", SORT_PARAMS[chosenSort]);
    if (options.cursor) query.set("cursor", options.cursor);
    const search = query.toString();
    return search ? `/facturacion/facturas?${search}` : "/facturacion/facturas";
  };

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

      {page.rows.length === 0 ? (
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
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("invoices.tableCaption")}</caption>
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600 uppercase sm:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-2">{t("invoices.columns.number")}</th>
                <th scope="col" className="px-4 py-2">{t("invoices.columns.issueDate")}</th>
                <th scope="col" className="px-4 py-2">{t("invoices.columns.dueDate")}</th>
                <th scope="col" className="px-4 py-2 text-right">{t("invoices.columns.total")}</th>
                <th scope="col" className="px-4 py-2">{t("invoices.columns.status")}</th>
              </tr>
            </thead>
            {/* On a phone each row is a card: number and status first, the other cells labelled underneath. */}
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((invoice) => (
                <tr key={invoice.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 px-4 py-3 sm:table-row sm:p-0">
                  <td className="sm:table-cell sm:px-4 sm:py-3 sm:align-top">
                    <Link href={`/facturacion/facturas/${invoice.id}`} className={`${textLink} font-semibold`}>
                      {label(invoice)}
                    </Link>
                  </td>
                  <td className="text-slate-600 sm:hidden">
                    <span className="sr-only">{t("invoices.columns.status")}: </span>
                    <InvoiceStatusBadge status={invoice.displayStatus} />
                  </td>
                  <td className="col-span-2 text-slate-600 sm:table-cell sm:px-4 sm:py-3 sm:align-top sm:whitespace-nowrap sm:text-slate-900">
                    <span className="sm:hidden">{t("invoices.columns.issueDate")}: </span>
                    {formatDate(invoice.issueDate, locale)}
                  </td>
                  <td className="col-span-2 text-slate-600 sm:table-cell sm:px-4 sm:py-3 sm:align-top sm:whitespace-nowrap sm:text-slate-900">
                    <span className="sm:hidden">{t("invoices.columns.dueDate")}: </span>
                    {formatDate(invoice.dueDate, locale)}
                  </td>
                  <td className="col-span-2 font-semibold tabular-nums text-slate-900 sm:table-cell sm:px-4 sm:py-3 sm:text-right sm:align-top sm:whitespace-nowrap sm:font-normal">
                    <span className="font-normal text-slate-600 sm:hidden">{t("invoices.columns.total")}: </span>
                    {money(invoice.total, invoice.currency)}
                    {invoice.amountDue > 0 && invoice.amountDue !== invoice.total && (
                      <span className="block text-xs font-normal text-slate-600">{t("invoices.dueRemaining", { amount: money(invoice.amountDue, invoice.currency) })}</span>
                    )}
                  </td>
                  <td className="hidden sm:table-cell sm:px-4 sm:py-3 sm:align-top">
                    <InvoiceStatusBadge status={invoice.displayStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        previousHref={page.previousCursor ? hrefFor({ cursor: page.previousCursor }) : undefined}
        nextHref={page.nextCursor ? hrefFor({ cursor: page.nextCursor }) : undefined}
      />
    </>
  );
}
