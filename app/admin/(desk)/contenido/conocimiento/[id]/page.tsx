import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { PageHeader } from "@/app/_components/page-header";
import { parseRowId } from "@/lib/row-id";
import { getStaffKbArticle, listStaffKbCategories } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { KbArticleForm } from "../../_components/kb-forms";
import { CONTENT_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.kb");
  return { title: t("editArticle") };
}

export default async function EditKbArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff(CONTENT_ROLES);
  const id = parseRowId((await params).id);
  const [article, categories] = await Promise.all([id ? getStaffKbArticle(staff.scope, id) : null, listStaffKbCategories(staff.scope)]);
  if (!article) notFound();
  const t = await getTranslations("adminContent.kb");
  return (
    <>
      <BackLink href="/admin/contenido/conocimiento" label={t("back")} />
      <PageHeader title={t("editArticle")} description={article.title} />
      <KbArticleForm article={article} categories={categories} />
    </>
  );
}
