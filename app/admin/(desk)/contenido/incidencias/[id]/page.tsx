import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { ISSUE_TONES } from "@/app/(portal)/soporte/estado/issue-tones";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatDateTime } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { getStaffIncident } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { IncidentUpdateForm, ResolveIncidentForm } from "../../_components/incident-forms";
import { CONTENT_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.incidents");
  return { title: t("detail") };
}

export default async function StaffIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff(CONTENT_ROLES);
  const id = parseRowId((await params).id);
  const incident = id ? await getStaffIncident(staff.scope, id) : null;
  if (!incident) notFound();
  const [t, status, locale] = await Promise.all([getTranslations("adminContent.incidents"), getTranslations("knowledge.status.issueStatus"), getLocale()]);
  const open = incident.status !== "resolved";
  return (
    <>
      <BackLink href="/admin/contenido/incidencias" label={t("back")} />
      <PageHeader title={incident.title} />
      <div className="grid gap-6 lg:grid-cols-3">
        <article className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:col-span-2">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge label={status(incident.status)} tone={ISSUE_TONES[incident.status] ?? "slate"} />
            <span className="text-sm text-slate-600">{t("notices", { count: incident.notices })}</span>
          </div>
          <p className="text-sm break-words whitespace-pre-line text-slate-800">{incident.description}</p>
          <dl className="grid gap-2 text-sm sm:grid-cols-3">
            <div>
              <dt className="font-medium text-slate-700">{t("startsAt")}</dt>
              <dd>{formatDateTime(incident.startsAt, locale)}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-700">{t("endsAt")}</dt>
              <dd>{incident.endsAt ? formatDateTime(incident.endsAt, locale) : t("noEnd")}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-700">{t("servers")}</dt>
              <dd className="break-words">{incident.servers.join(", ") || t("noServer")}</dd>
            </div>
          </dl>
          <section aria-labelledby="incident-updates">
            <h2 id="incident-updates" className="mb-2 font-semibold">
              {t("updates")}
            </h2>
            {incident.updates.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noUpdates")}</p>
            ) : (
              <ol className="space-y-3">
                {incident.updates.map((update) => (
                  <li key={update.id} className="border-l-2 border-slate-200 pl-3">
                    <p className="text-xs text-slate-500">
                      <time dateTime={update.createdAt.toISOString()}>{formatDateTime(update.createdAt, locale)}</time> · {status(update.status)}
                    </p>
                    <p className="text-sm break-words whitespace-pre-line">{update.message}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </article>
        {open && (
          <div className="min-w-0 space-y-6">
            <section aria-labelledby="post-update" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 id="post-update" className="mb-3 font-semibold">
                {t("postUpdate")}
              </h2>
              <IncidentUpdateForm issueId={incident.id} status={incident.status} />
            </section>
            <section aria-labelledby="resolve-incident" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 id="resolve-incident" className="mb-3 font-semibold">
                {t("resolve")}
              </h2>
              <ResolveIncidentForm issueId={incident.id} />
            </section>
          </div>
        )}
      </div>
    </>
  );
}
