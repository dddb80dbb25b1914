import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { listTickets, TICKET_FILTERS, type TicketFilter } from "@/lib/support/tickets";
import { TicketStatusBadge } from "../_components/ticket-status-badge";

const PAGE_SIZE = 20;

// The query string speaks Spanish like the paths; "todos" is the default and stays out of the URL.
const FILTER_PARAMS: Record<TicketFilter, string | null> = { all: null, open: "abiertos", closed: "cerrados" };

type SearchParams = { estado?: string | string[]; cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("support.tickets");
  return { title: t("title") };
}

export default async function TicketsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("tickets");
  const params = await searchParams;
  const filter = filterFrom(params.estado);
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const page = await listTickets(user.scope, { status: filter, cursor, limit: PAGE_SIZE });
  const t = await getTranslations("support.tickets");
  const locale = await getLocale();

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />

      <nav aria-label={t("filter.label")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {TICKET_FILTERS_IN_MENU_ORDER.map((option) => (
            <li key={option}>
              <Link
                href={hrefFor(option)}
                aria-current={option === filter ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${
                  option === filter ? "border-brand-600 bg-brand-600 font-semibold text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
                }`}
              >
                {t(`filter.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {page.rows.length === 0 ? (
        <EmptyState message={t(`empty.${filter}`)} />
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600 uppercase sm:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-2">{t("columns.department")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.subject")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.status")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.lastUpdate")}</th>
              </tr>
            </thead>
            {/* On a phone each row is a card: subject first, the other cells labelled underneath. */}
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((ticket) => (
                <tr key={ticket.id} className="flex flex-col gap-1 px-4 py-3 sm:table-row sm:p-0">
                  <td className="text-slate-600 sm:table-cell sm:px-4 sm:py-3 sm:align-top">
                    <span className="font-medium text-slate-700 sm:hidden">{t("columns.department")}: </span>
                    {ticket.departmentName}
                  </td>
                  <td className="order-first sm:order-none sm:table-cell sm:px-4 sm:py-3 sm:align-top">
                    <Link href={`/soporte/tickets/${ticket.id}`} className="font-semibold text-brand-700 hover:underline">
                      {ticket.subject}
                    </Link>
                    <span className="block text-xs text-slate-500">#{ticket.reference}</span>
                  </td>
                  <td className="order-first sm:order-none sm:table-cell sm:px-4 sm:py-3 sm:align-top">
                    <span className="sr-only sm:hidden">{t("columns.status")}: </span>
                    <TicketStatusBadge status={ticket.status} />
                  </td>
                  <td className="text-slate-600 sm:table-cell sm:px-4 sm:py-3 sm:align-top sm:whitespace-nowrap">
                    <span className="font-medium text-slate-700 sm:hidden">{t("columns.lastUpdate")}: </span>
                    <time dateTime={ticket.lastReplyAt.toISOString()}>{formatDateTime(ticket.lastReplyAt, locale)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        previousHref={page.previousCursor ? hrefFor(filter, page.previousCursor) : undefined}
        nextHref={page.nextCursor ? hrefFor(filter, page.nextCursor) : undefined}
      />
    </>
  );
}

const TICKET_FILTERS_IN_MENU_ORDER: readonly TicketFilter[] = ["open", "all", "closed"];

function filterFrom(value: string | string[] | undefined): TicketFilter {
  const match = TICKET_FILTERS.find((filter) => FILTER_PARAMS[filter] !== null && FILTER_PARAMS[filter] === value);
  return match ?? "all";
}

function hrefFor(filter: TicketFilter, cursor?: string): string {
  const query = new URLSearchParams();
  const estado = FILTER_PARAMS[filter];
  if (estado) query.set("estado", estado);
  if (cursor) query.set("cursor", cursor);
  const search = query.toString();
  return search ? `/soporte/tickets?${search}` : "/soporte/tickets";
}
