import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { DashboardIncident } from "@/lib/support/server-status";
import { ISSUE_TONES } from "../soporte/estado/issue-tones";
import { textLink } from "./styles";

/** Shown only while an incident or a maintenance touches one of the client's services. */
export async function IncidentsCard({ items, statusHref }: { items: DashboardIncident[]; statusHref: string }) {
  if (items.length === 0) return null;
  const t = await getTranslations("knowledge.dashboard");
  const s = await getTranslations("knowledge.status");
  const locale = await getLocale();
  return (
    <section aria-labelledby="incidencias-servicios" className="rounded-lg border border-amber-300 bg-amber-50 p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="incidencias-servicios" className="text-base font-semibold text-amber-900">
          {t("title")}
        </h2>
        <Link href={statusHref} className={`${textLink} text-sm`}>
          {t("viewAll")}
        </Link>
      </div>
      <ul className="mt-3 space-y-3">
        {items.map((issue) => (
          <li key={issue.id} className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{issue.title}</p>
              <p className="text-sm text-slate-700">{s("affectsYou", { count: issue.myServices.length, services: issue.myServices.join(", ") })}</p>
              <p className="text-xs text-slate-600">{t("since", { date: formatDateTime(issue.startsAt, locale) })}</p>
            </div>
            <StatusBadge label={s(`issueStatus.${issue.status}`)} tone={ISSUE_TONES[issue.status] ?? "slate"} />
          </li>
        ))}
      </ul>
    </section>
  );
}
