import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { PageHeader } from "@/app/_components/page-header";
import { parseRowId } from "@/lib/row-id";
import { listStaffDownloads } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { DownloadCategoryForm } from "../../../_components/download-forms";
import { CONTENT_ROLES } from "../../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.downloads");
  return { title: t("editCategory") };
}

export default async function EditDownloadCategoryPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff(CONTENT_ROLES);
  const id = parseRowId((await params).id);
  const category = id ? (await listStaffDownloads(staff.scope)).find((row) => row.id === id) : undefined;
  if (!category) notFound();
  const t = await getTranslations("adminContent.downloads");
  return (
    <>
      <BackLink href="/admin/contenido/descargas/categorias" label={t("backToCategories")} />
      <PageHeader title={t("editCategory")} description={category.name} />
      <DownloadCategoryForm category={category} />
    </>
  );
}
