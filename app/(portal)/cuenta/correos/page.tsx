import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { listSentEmails } from "@/lib/account/sent-emails";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";

type SearchParams = { cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records.emails");
  return { title: t("title") };
}

/** "Correos electrónicos enviados" (walkthrough §3.4): every message sent to the account, newest first. */
export default async function SentEmailsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("emails");
  const { cursor } = await searchParams;
  const page = await listSentEmails(user, { cursor: typeof cursor === "string" ? cursor : undefined });
  const t = await getTranslations("records.emails");
  const locale = await getLocale();
  const hrefFor = (next: string) => `/cuenta/correos?${new URLSearchParams({ cursor: next })}`;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {page.rows.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600 uppercase sm:table-header-group">
              <tr>
                <th scope="col" className="w-40 px-4 py-2">{t("columns.date")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.subject")}</th>
                <th scope="col" className="w-56 px-4 py-2">{t("columns.recipient")}</th>
                <th scope="col" className="w-32 px-4 py-2"><span className="sr-only">{t("columns.message")}</span></th>
              </tr>
            </thead>
            {/* On a phone each row is a card: subject first, then date, recipient and the link. */}
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((email) => (
                <tr key={email.id} className="flex flex-col gap-1 px-4 py-3 sm:table-row sm:p-0">
                  <td className="order-2 text-slate-600 sm:table-cell sm:px-4 sm:py-3 sm:align-top sm:text-slate-900">
                    <span className="sm:hidden">{t("columns.date")}: </span>
                    <time dateTime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt, locale)}</time>
                  </td>
                  <td className="order-1 font-semibold break-words text-slate-900 sm:table-cell sm:px-4 sm:py-3 sm:align-top sm:font-normal">
                    <span className="sr-only">{t("columns.subject")}: </span>
                    {email.subject}
                  </td>
                  <td className="order-3 break-all text-slate-600 sm:table-cell sm:px-4 sm:py-3 sm:align-top sm:text-slate-900">
                    <span className="sm:hidden">{t("columns.recipient")}: </span>
                    {email.toAddress}
                  </td>
                  <td className="order-4 pt-1 sm:table-cell sm:px-4 sm:py-3 sm:text-right sm:align-top">
                    {/* A plain anchor: the message opens in its own window, outside the portal's client-side navigation. */}
                    <a
                      href={`/cuenta/correos/${email.id}`}
                      target="_blank"
                      rel="noopener"
                      className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-50"
                    >
                      {t("view")}
                      <span className="sr-only">{`: ${email.subject} ${t("opensInNewWindow")}`}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        previousHref={page.previousCursor ? hrefFor(page.previousCursor) : undefined}
        nextHref={page.nextCursor ? hrefFor(page.nextCursor) : undefined}
      />
    </>
  );
}
