import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ISSUE_TONES } from "@/app/(portal)/soporte/estado/issue-tones";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatDateTime } from "@/lib/i18n/format";
import { listStaffIncidents } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { ContentNav, PRIMARY_LINK } from "../_components/content-nav";
import { CONTENT_ROLES } from "../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.incidents");
  return { title: t("title") };
}

export default async function StaffIncidentsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const staff = await requireStaff(CONTENT_ROLES);
  const { cursor } = await searchParams;
  const [page, t, status, locale] = await Promise.all([
    listStaffIncidents(staff.scope, { cursor: typeof cursor === "string" ? cursor : null }),
    getTranslations("adminContent.incidents"),
    getTranslations("knowledge.status.issueStatus"),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/contenido/incidencias/nueva" className={PRIMARY_LINK}>
            {t("new")}
          </Link>
        }
      />
      <ContentNav staff={staff} current="incidents" />
      {page.rows.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <ul className="space-y-3">
          {page.rows.map((row) => (
            <li key={row.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/contenido/incidencias/${row.id}`} className="min-w-0 font-semibold break-words text-brand-700 underline-offset-2 hover:underline">
                  {row.title}
                </Link>
                <StatusBadge label={status(row.status)} tone={ISSUE_TONES[row.status] ?? "slate"} />
              </div>
              <p className="mt-1 text-sm break-words text-slate-600">
                <time dateTime={row.startsAt.toISOString()}>{formatDateTime(row.startsAt, locale)}</time> · {row.servers.join(", ") || t("noServer")} · {t("notices", { count: row.notices })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} path="/admin/contenido/incidencias" />
    </>
  );
}
