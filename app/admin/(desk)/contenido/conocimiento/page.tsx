import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { kbArticleHref } from "@/app/(public)/soporte/conocimiento/_components/links";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatDateTime } from "@/lib/i18n/format";
import { listStaffKbArticles } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { ContentNav, PRIMARY_LINK, SECONDARY_LINK } from "../_components/content-nav";
import { DeleteKbArticleButton } from "../_components/kb-forms";
import { CONTENT_ROLES } from "../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.kb");
  return { title: t("title") };
}

export default async function StaffKnowledgeBasePage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const staff = await requireStaff(CONTENT_ROLES);
  const { cursor } = await searchParams;
  const [page, t, locale] = await Promise.all([listStaffKbArticles(staff.scope, { cursor: typeof cursor === "string" ? cursor : null }), getTranslations("adminContent.kb"), getLocale()]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href="/admin/contenido/conocimiento/nuevo" className={PRIMARY_LINK}>
              {t("newArticle")}
            </Link>
            <Link href="/admin/contenido/conocimiento/categorias" className={SECONDARY_LINK}>
              {t("categories")}
            </Link>
          </>
        }
      />
      <ContentNav staff={staff} current="kb" />
      {page.rows.length === 0 ? (
        <EmptyState message={t("emptyArticles")} />
      ) : (
        <ul className="space-y-3">
          {page.rows.map((row) => (
            <li key={row.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/contenido/conocimiento/${row.id}`} className="min-w-0 font-semibold break-words text-brand-700 underline-offset-2 hover:underline">
                  {row.title}
                </Link>
                <StatusBadge label={row.published ? t("states.published") : t("states.hidden")} tone={row.published ? "green" : "slate"} />
              </div>
              <p className="mt-1 text-sm break-words text-slate-600">
                {row.categoryName} · <time dateTime={row.updatedAt.toISOString()}>{formatDateTime(row.updatedAt, locale)}</time>
                {row.published && (
                  <>
                    {" · "}
                    <Link href={kbArticleHref(row.slug)} className="underline-offset-2 hover:underline">
                      {t("viewAsCustomer")}
                    </Link>
                  </>
                )}
              </p>
              <div className="mt-2">
                <DeleteKbArticleButton id={row.id} title={row.title} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} path="/admin/contenido/conocimiento" />
    </>
  );
}
