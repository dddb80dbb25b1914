import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { PageHeader } from "@/app/_components/page-header";
import { parseRowId } from "@/lib/row-id";
import { listStaffKbCategories } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { KbCategoryForm } from "../../../_components/kb-forms";
import { CONTENT_ROLES } from "../../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.kb");
  return { title: t("editCategory") };
}

export default async function EditKbCategoryPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff(CONTENT_ROLES);
  const id = parseRowId((await params).id);
  const category = id ? (await listStaffKbCategories(staff.scope)).find((row) => row.id === id) : undefined;
  if (!category) notFound();
  const t = await getTranslations("adminContent.kb");
  return (
    <>
      <BackLink href="/admin/contenido/conocimiento/categorias" label={t("backToCategories")} />
      <PageHeader title={t("editCategory")} description={category.name} />
      <KbCategoryForm category={category} />
    </>
  );
}
