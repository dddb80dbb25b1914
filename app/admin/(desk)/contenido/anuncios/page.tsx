import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatDateTime } from "@/lib/i18n/format";
import { listStaffAnnouncements } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { DeleteAnnouncementButton } from "../_components/announcement-form";
import { ContentNav, PRIMARY_LINK } from "../_components/content-nav";
import { CONTENT_ROLES } from "../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.announcements");
  return { title: t("title") };
}

export default async function StaffAnnouncementsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const staff = await requireStaff(CONTENT_ROLES);
  const { cursor } = await searchParams;
  const [page, t, locale] = await Promise.all([
    listStaffAnnouncements(staff.scope, { cursor: typeof cursor === "string" ? cursor : null }),
    getTranslations("adminContent.announcements"),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/contenido/anuncios/nuevo" className={PRIMARY_LINK}>
            {t("new")}
          </Link>
        }
      />
      <ContentNav staff={staff} current="announcements" />
      {page.rows.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <ul className="space-y-3">
          {page.rows.map((row) => {
            const state = row.state;
            return (
              <li key={row.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/admin/contenido/anuncios/${row.id}`} className="min-w-0 font-semibold break-words text-brand-700 underline-offset-2 hover:underline">
                    {row.title}
                  </Link>
                  <StatusBadge label={t(`states.${state}`)} tone={state === "live" ? "green" : state === "scheduled" ? "blue" : "slate"} />
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  <time dateTime={row.publishedAt.toISOString()}>{formatDateTime(row.publishedAt, locale)}</time>
                  {state === "live" && (
                    <>
                      {" · "}
                      <Link href={`/soporte/anuncios/${encodeURIComponent(row.slug)}`} className="underline-offset-2 hover:underline">
                        {t("viewAsCustomer")}
                      </Link>
                    </>
                  )}
                </p>
                <div className="mt-2">
                  <DeleteAnnouncementButton id={row.id} title={row.title} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} path="/admin/contenido/anuncios" />
    </>
  );
}
