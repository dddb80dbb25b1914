import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listStaffDownloads } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { DeleteDownloadCategoryButton, DownloadCategoryForm } from "../../_components/download-forms";
import { CONTENT_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.downloads");
  return { title: t("categories") };
}

export default async function StaffDownloadCategoriesPage() {
  const staff = await requireStaff(CONTENT_ROLES);
  const [categories, t] = await Promise.all([listStaffDownloads(staff.scope), getTranslations("adminContent.downloads")]);
  return (
    <>
      <BackLink href="/admin/contenido/descargas" label={t("back")} />
      <PageHeader title={t("categories")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-label={t("categories")} className="min-w-0">
          {categories.length === 0 ? (
            <EmptyState message={t("emptyCategories")} />
          ) : (
            <ul className="space-y-3">
              {categories.map((category) => (
                <li key={category.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <Link href={`/admin/contenido/descargas/categorias/${category.id}`} className="font-semibold break-words text-brand-700 underline-offset-2 hover:underline">
                    {category.name}
                  </Link>
                  <p className="mt-1 text-sm text-slate-600">{t("fileCount", { count: category.files.length })}</p>
                  {category.files.length === 0 && (
                    <div className="mt-2">
                      <DeleteDownloadCategoryButton id={category.id} name={category.name} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label={t("createCategory")} className="min-w-0">
          <h2 className="mb-3 text-lg font-semibold">{t("createCategory")}</h2>
          <DownloadCategoryForm />
        </section>
      </div>
    </>
  );
}
