import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { activityActionLabel, listActivity, summarizeActivityDetails, type ActivityActor } from "@/lib/account/activity";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";

type SearchParams = { cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records.activity");
  return { title: t("title") };
}

/** "Registro de actividad": who did what on the account, for the owner only (it names every sub-account's doings). */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  if (!user.isOwner) forbidden();
  const { cursor } = await searchParams;
  const page = await listActivity(user.scope, { cursor: typeof cursor === "string" ? cursor : undefined });
  const t = await getTranslations();
  const locale = await getLocale();
  const hrefFor = (next: string) => `/cuenta/actividad?${new URLSearchParams({ cursor: next })}`;
  const actorName = (actor: ActivityActor) => (actor.kind === "contact" ? actor.name : t(`records.activity.actor.${actor.kind}`));

  return (
    <>
      <PageHeader title={t("records.activity.title")} description={t("records.activity.description")} />
      {page.rows.length === 0 ? (
        <EmptyState message={t("records.activity.empty")} />
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("records.activity.tableCaption")}</caption>
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600 uppercase md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-2">{t("records.activity.columns.date")}</th>
                <th scope="col" className="px-4 py-2">{t("records.activity.columns.who")}</th>
                <th scope="col" className="px-4 py-2">{t("records.activity.columns.action")}</th>
                <th scope="col" className="px-4 py-2">{t("records.activity.columns.details")}</th>
                <th scope="col" className="w-36 px-4 py-2">{t("records.activity.columns.ip")}</th>
              </tr>
            </thead>
            {/* On a phone each row is a card: the action first, then who, when, details and IP. */}
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((row) => {
                const details = summarizeActivityDetails(row, t);
                return (
                  <tr key={row.id} className="flex flex-col gap-1 px-4 py-3 md:table-row md:p-0">
                    <td className="order-3 text-slate-600 md:table-cell md:px-4 md:py-3 md:align-top md:whitespace-nowrap md:text-slate-900">
                      <span className="md:hidden">{t("records.activity.columns.date")}: </span>
                      <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, locale)}</time>
                    </td>
                    <td className="order-2 text-slate-600 md:table-cell md:px-4 md:py-3 md:align-top md:text-slate-900">
                      <span className="md:hidden">{t("records.activity.columns.who")}: </span>
                      <span className={row.actor.kind === "contact" ? "font-medium break-words" : "italic"}>{actorName(row.actor)}</span>
                    </td>
                    <td className="order-1 font-semibold text-slate-900 md:table-cell md:px-4 md:py-3 md:align-top md:font-normal">
                      <span className="sr-only">{t("records.activity.columns.action")}: </span>
                      {activityActionLabel(row.action, t)}
                    </td>
                    <td className="order-4 text-slate-600 md:table-cell md:px-4 md:py-3 md:align-top">
                      <span className="sr-only">{t("records.activity.columns.details")}: </span>
                      {details.length === 0 ? (
                        <span className="hidden md:inline" aria-hidden="true">{t("records.activity.noDetails")}</span>
                      ) : (
                        <ul className="space-y-0.5 break-words">
                          {details.map((line, index) => (
                            <li key={index}>{line}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="order-5 text-slate-600 md:table-cell md:px-4 md:py-3 md:align-top md:text-slate-900">
                      <span className="md:hidden">{t("records.activity.columns.ip")}: </span>
                      <span className="font-mono text-xs break-all">{row.ip ?? t("records.activity.noIp")}</span>
                    </td>
                  </tr>
                );
              })}
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
