import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { StatusBadge } from "@/app/_components/status-badge";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { listIncidents, listServerStatus, type IncidentWithUpdates, type ServerStatusRow } from "@/lib/support/server-status";
import { ISSUE_TONES } from "./issue-tones";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge.status");
  return { title: t("title") };
}

/** "Estado de los servidores" (§7.5): live status from the cron's checks, incidents and maintenance; the client's own marked. */
export default async function ServerStatusPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const user = await requireUser();
  const { cursor } = await searchParams;
  // Which services are the client's is shown only to those who may see the services.
  const viewer = hasPermission(user, "products") ? user.scope : null;
  const [t, serverRows, incidents] = await Promise.all([
    getTranslations("knowledge.status"),
    listServerStatus(viewer),
    listIncidents(viewer, { cursor: typeof cursor === "string" ? cursor : undefined, limit: 10 }),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="estado-servidores" className="mb-8">
        <h2 id="estado-servidores" className="mb-3 text-lg font-semibold text-slate-900">
          {t("servers")}
        </h2>
        {serverRows.length === 0 ? <EmptyState message={t("noServers")} /> : <ServerList rows={serverRows} />}
      </section>
      <section aria-labelledby="estado-incidencias" className="mb-8">
        <h2 id="estado-incidencias" className="mb-3 text-lg font-semibold text-slate-900">
          {t("openIssues")}
        </h2>
        {incidents.open.length === 0 ? <EmptyState message={t("noOpenIssues")} /> : <IncidentList issues={incidents.open} />}
      </section>
      <section aria-labelledby="estado-resueltas">
        <h2 id="estado-resueltas" className="mb-3 text-lg font-semibold text-slate-900">
          {t("resolvedIssues")}
        </h2>
        {incidents.resolved.rows.length === 0 ? <EmptyState message={t("noResolvedIssues")} /> : <IncidentList issues={incidents.resolved.rows} />}
        <Pagination page={incidents.resolved} path="/soporte/estado" />
      </section>
    </>
  );
}

async function ServerList({ rows }: { rows: ServerStatusRow[] }) {
  const t = await getTranslations("knowledge.status");
  const locale = await getLocale();
  return (
    <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {rows.map((server) => (
        <li key={server.id} className={`rounded-lg border bg-white p-4 shadow-sm ${server.myServices.length > 0 ? "border-brand-300" : "border-slate-200"}`}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h3 className="font-semibold text-slate-900">{server.name}</h3>
              <p className="break-all text-sm text-slate-600">{server.hostname}</p>
            </div>
            {server.lastCheck === null ? (
              <StatusBadge label={t("notChecked")} tone="slate" />
            ) : server.lastCheck.reachable ? (
              <StatusBadge label={t("online")} tone="green" />
            ) : (
              <StatusBadge label={t("offline")} tone="red" />
            )}
          </div>
          {server.lastCheck && (
            <p className="mt-2 text-xs text-slate-600">
              {t("lastCheck", { date: formatDateTime(server.lastCheck.checkedAt, locale) })}
              {server.lastCheck.latencyMs !== null && ` · ${t("latency", { ms: server.lastCheck.latencyMs })}`}
            </p>
          )}
          {server.myServices.length > 0 && <p className="mt-2 text-sm text-brand-800">{t("yourServicesHere", { services: server.myServices.join(", ") })}</p>}
        </li>
      ))}
    </ul>
  );
}

async function IncidentList({ issues }: { issues: IncidentWithUpdates[] }) {
  const t = await getTranslations("knowledge.status");
  const locale = await getLocale();
  return (
    <ul className="space-y-4">
      {issues.map((issue) => {
        const mine = issue.myServices.length > 0;
        return (
          <li key={issue.id}>
            <article
              aria-labelledby={`incidencia-${issue.id}`}
              data-affects-me={mine ? "yes" : "no"}
              className={`rounded-lg border bg-white p-4 shadow-sm ${mine ? "border-l-4 border-amber-400 border-l-amber-500 bg-amber-50" : "border-slate-200"}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 id={`incidencia-${issue.id}`} className="min-w-0 font-semibold text-slate-900">
                  {issue.title}
                </h3>
                <StatusBadge label={t(`issueStatus.${issue.status}`)} tone={ISSUE_TONES[issue.status] ?? "slate"} />
              </div>
              {mine && (
                <p className="mt-2 rounded-md bg-amber-100 px-2 py-1 text-sm font-medium text-amber-900">
                  {t("affectsYou", { count: issue.myServices.length, services: issue.myServices.join(", ") })}
                </p>
              )}
              <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">{t("affectedServers")}</dt>
                <dd>{issue.servers.join(", ") || t("noServer")}</dd>
                <dt className="font-medium">{t("starts")}</dt>
                <dd>{formatDateTime(issue.startsAt, locale)}</dd>
                <dt className="font-medium">{t("ends")}</dt>
                <dd>{issue.endsAt ? formatDateTime(issue.endsAt, locale) : t("noEnd")}</dd>
              </dl>
              <p className="mt-2 text-sm whitespace-pre-line text-slate-800">{issue.description}</p>
              {issue.updates.length > 0 && (
                <div className="mt-3 border-t border-slate-200 pt-3">
                  <h4 className="text-sm font-semibold text-slate-900">{t("updates")}</h4>
                  <ol className="mt-2 space-y-2">
                    {issue.updates.map((update) => (
                      <li key={update.id} className="text-sm">
                        <p className="text-xs text-slate-600">
                          <time dateTime={update.createdAt.toISOString()}>{formatDateTime(update.createdAt, locale)}</time> · {t(`issueStatus.${update.status}`)}
                        </p>
                        <p className="whitespace-pre-line text-slate-800">{update.message}</p>
                      </li>
                    ))}
                  </ol>
                </div>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
