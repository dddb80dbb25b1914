import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { requireUser } from "@/lib/auth/session";
import { listQuotes } from "@/lib/billing/queries/list-quotes";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { QuoteStageBadge } from "../_components/quote-stage-badge";
import { textLink } from "../_components/styles";

const PAGE_SIZE = 20;

type SearchParams = { cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.quotes");
  return { title: t("title") };
}

/** "Mis ofertas", walkthrough 6.2. */
export default async function QuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("quotes");
  const { cursor } = await searchParams;
  const page = await listQuotes(user.scope, { cursor: typeof cursor === "string" ? cursor : null, limit: PAGE_SIZE });
  const t = await getTranslations("billing.quotes");
  const locale = await getLocale();

  type Row = (typeof page.rows)[number];
  const dateColumn = (field: "issueDate" | "validUntil", label: string): DataTableColumn<Row> => ({
    key: field,
    label,
    cellClassName: "col-span-2 text-slate-600 md:whitespace-nowrap md:text-slate-900",
    labelClassName: "md:hidden",
    cell: (quote) => formatDate(quote[field], locale),
  });
  const columns: DataTableColumn<Row>[] = [
    {
      key: "reference",
      label: t("columns.reference"),
      cellClassName: "text-slate-600 md:whitespace-nowrap",
      cell: (quote) => (
        <Link href={`/facturacion/ofertas/${quote.id}`} className={`${textLink} font-semibold`}>
          {quote.reference}
        </Link>
      ),
    },
    {
      key: "stage-on-phone",
      label: t("columns.stage"),
      header: false,
      cellClassName: "md:hidden",
      labelClassName: "sr-only",
      cell: (quote) => <QuoteStageBadge stage={quote.displayStage} />,
    },
    {
      key: "subject",
      label: t("columns.subject"),
      cellClassName: "col-span-2 font-medium text-slate-900 md:font-normal",
      labelClassName: "sr-only md:hidden",
      cell: (quote) => quote.subject,
    },
    dateColumn("issueDate", t("columns.date")),
    dateColumn("validUntil", t("columns.validUntil")),
    {
      key: "total",
      label: t("columns.total"),
      headerClassName: "text-right",
      cellClassName: "col-span-2 font-semibold tabular-nums text-slate-900 md:text-right md:whitespace-nowrap md:font-normal",
      labelClassName: "font-normal text-slate-600 md:hidden",
      cell: (quote) => formatAmount(quote.total, quote.currency, locale),
    },
    {
      key: "stage",
      label: t("columns.stage"),
      cellClassName: "hidden",
      cell: (quote) => <QuoteStageBadge stage={quote.displayStage} />,
    },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {/* Below md each row is a card: subject and stage first, the other cells labelled underneath. */}
      <DataTable caption={t("tableCaption")} rows={page.rows} rowKey={(quote) => quote.id} columns={columns}
        emptyMessage={t("empty")} stackBelow="md" rowLayout="title-and-badge" />
      <Pagination page={page} path="/facturacion/ofertas" />
    </>
  );
}
