import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { kbCategoryHref } from "@/app/(public)/soporte/conocimiento/_components/links";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { listStaffKbCategories } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { DeleteKbCategoryButton, KbCategoryForm } from "../../_components/kb-forms";
import { CONTENT_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.kb");
  return { title: t("categories") };
}

export default async function StaffKbCategoriesPage() {
  const staff = await requireStaff(CONTENT_ROLES);
  const [categories, t] = await Promise.all([listStaffKbCategories(staff.scope), getTranslations("adminContent.kb")]);
  return (
    <>
      <BackLink href="/admin/contenido/conocimiento" label={t("back")} />
      <PageHeader title={t("categories")} description={t("categoriesDescription")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-label={t("categories")} className="min-w-0">
          {categories.length === 0 ? (
            <EmptyState message={t("emptyCategories")} />
          ) : (
            <ul className="space-y-3">
              {categories.map((category) => (
                <li key={category.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/contenido/conocimiento/categorias/${category.id}`} className="min-w-0 font-semibold break-words text-brand-700 underline-offset-2 hover:underline">
                      {category.name}
                    </Link>
                    {category.hidden && <StatusBadge label={t("states.hiddenCategory")} tone="slate" />}
                  </div>
                  <p className="mt-1 text-sm break-words text-slate-600">
                    {t("articleCount", { count: category.articleCount })}
                    {!category.hidden && (
                      <>
                        {" · "}
                        <Link href={kbCategoryHref(category.slug)} className="underline-offset-2 hover:underline">
                          {t("viewAsCustomer")}
                        </Link>
                      </>
                    )}
                  </p>
                  {category.articleCount === 0 && (
                    <div className="mt-2">
                      <DeleteKbCategoryButton id={category.id} name={category.name} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label={t("createCategory")} className="min-w-0">
          <h2 className="mb-3 text-lg font-semibold">{t("createCategory")}</h2>
          <KbCategoryForm />
        </section>
      </div>
    </>
  );
}
