import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listStaffKbCategories } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { KbArticleForm } from "../../_components/kb-forms";
import { CONTENT_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.kb");
  return { title: t("newArticle") };
}

export default async function NewKbArticlePage() {
  const staff = await requireStaff(CONTENT_ROLES);
  const [categories, t] = await Promise.all([listStaffKbCategories(staff.scope), getTranslations("adminContent.kb")]);
  return (
    <>
      <BackLink href="/admin/contenido/conocimiento" label={t("back")} />
      <PageHeader title={t("newArticle")} />
      {categories.length === 0 ? (
        <EmptyState
          message={t("needCategory")}
          action={
            <Link href="/admin/contenido/conocimiento/categorias" className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("categories")}
            </Link>
          }
        />
      ) : (
        <KbArticleForm categories={categories} />
      )}
    </>
  );
}
