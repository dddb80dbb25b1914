import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { listHref } from "@/app/_components/list-href";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { listTickets, TICKET_FILTERS, type TicketFilter } from "@/lib/support/tickets";
import { primaryButton } from "@/app/(portal)/facturacion/_components/styles";
import { TicketStatusBadge } from "../_components/ticket-status-badge";

const PAGE_SIZE = 20;
const TICKETS_PATH = "/soporte/tickets";

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

  const columns: DataTableColumn<(typeof page.rows)[number]>[] = [
    {
      key: "department",
      label: t("columns.department"),
      cellClassName: "text-slate-600",
      labelClassName: "font-medium text-slate-700 sm:hidden",
      cell: (ticket) => ticket.departmentName,
    },
    {
      key: "subject",
      label: t("columns.subject"),
      cellClassName: "order-first sm:order-none",
      cell: (ticket) => (
        <>
          <Link href={`/soporte/tickets/${ticket.id}`} className="font-semibold text-brand-700 hover:underline">
            {ticket.subject}
          </Link>
          <span className="block text-xs text-slate-500">#{ticket.reference}</span>
        </>
      ),
    },
    {
      key: "status",
      label: t("columns.status"),
      cellClassName: "order-first sm:order-none",
      labelClassName: "sr-only sm:hidden",
      cell: (ticket) => <TicketStatusBadge status={ticket.status} />,
    },
    {
      key: "last-update",
      label: t("columns.lastUpdate"),
      cellClassName: "text-slate-600 sm:whitespace-nowrap",
      labelClassName: "font-medium text-slate-700 sm:hidden",
      cell: (ticket) => <time dateTime={ticket.lastReplyAt.toISOString()}>{formatDateTime(ticket.lastReplyAt, locale)}</time>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`${TICKETS_PATH}/nuevo`} className={primaryButton}>
            {t("openTicket")}
          </Link>
        }
      />

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

      {/* On a phone each row is a card: subject first, the other cells labelled underneath. */}
      <DataTable caption={t("tableCaption")} rows={page.rows} rowKey={(ticket) => ticket.id} columns={columns}
        emptyMessage={t(`empty.${filter}`)} stackBelow="sm" rowLayout="stacked" />

      <Pagination page={page} path={TICKETS_PATH} query={{ estado: FILTER_PARAMS[filter] }} />
    </>
  );
}

const TICKET_FILTERS_IN_MENU_ORDER: readonly TicketFilter[] = ["open", "all", "closed"];

function filterFrom(value: string | string[] | undefined): TicketFilter {
  const match = TICKET_FILTERS.find((filter) => FILTER_PARAMS[filter] !== null && FILTER_PARAMS[filter] === value);
  return match ?? "all";
}

function hrefFor(filter: TicketFilter): string {
  return listHref(TICKETS_PATH, { estado: FILTER_PARAMS[filter] });
}
