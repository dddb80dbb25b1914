import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
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
  const hrefFor = (value: string) => `/facturacion/ofertas?${new URLSearchParams({ cursor: value })}`;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {page.rows.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600 uppercase md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-2">{t("columns.reference")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.subject")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.date")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.validUntil")}</th>
                <th scope="col" className="px-4 py-2 text-right">{t("columns.total")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.stage")}</th>
              </tr>
            </thead>
            {/* Below md each row is a card: subject and stage first, the other cells labelled underneath. */}
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((quote) => (
                <tr key={quote.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 px-4 py-3 md:table-row md:p-0">
                  <td className="text-slate-600 md:table-cell md:px-4 md:py-3 md:align-top md:whitespace-nowrap">
                    <Link href={`/facturacion/ofertas/${quote.id}`} className={`${textLink} font-semibold`}>
                      {quote.reference}
                    </Link>
                  </td>
                  <td className="md:hidden">
                    <span className="sr-only">{t("columns.stage")}: </span>
                    <QuoteStageBadge stage={quote.displayStage} />
                  </td>
                  <td className="col-span-2 font-medium text-slate-900 md:table-cell md:px-4 md:py-3 md:align-top md:font-normal">
                    <span className="sr-only md:hidden">{t("columns.subject")}: </span>
                    {quote.subject}
                  </td>
                  <td className="col-span-2 text-slate-600 md:table-cell md:px-4 md:py-3 md:align-top md:whitespace-nowrap md:text-slate-900">
                    <span className="md:hidden">{t("columns.date")}: </span>
                    {formatDate(quote.issueDate, locale)}
                  </td>
                  <td className="col-span-2 text-slate-600 md:table-cell md:px-4 md:py-3 md:align-top md:whitespace-nowrap md:text-slate-900">
                    <span className="md:hidden">{t("columns.validUntil")}: </span>
                    {formatDate(quote.validUntil, locale)}
                  </td>
                  <td className="col-span-2 font-semibold tabular-nums text-slate-900 md:table-cell md:px-4 md:py-3 md:text-right md:align-top md:whitespace-nowrap md:font-normal">
                    <span className="font-normal text-slate-600 md:hidden">{t("columns.total")}: </span>
                    {formatAmount(quote.total, quote.currency, locale)}
                  </td>
                  <td className="hidden md:table-cell md:px-4 md:py-3 md:align-top">
                    <QuoteStageBadge stage={quote.displayStage} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination previousHref={page.previousCursor ? hrefFor(page.previousCursor) : undefined} nextHref={page.nextCursor ? hrefFor(page.nextCursor) : undefined} />
    </>
  );
}
