import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { PageHeader } from "@/app/_components/page-header";
import { toMadridInput } from "@/lib/staff/content/madrid-time";
import { requireStaff } from "@/lib/staff/staff-session";
import { AnnouncementForm } from "../../_components/announcement-form";
import { CONTENT_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.announcements");
  return { title: t("new") };
}

export default async function NewAnnouncementPage() {
  await requireStaff(CONTENT_ROLES);
  const t = await getTranslations("adminContent.announcements");
  return (
    <>
      <BackLink href="/admin/contenido/anuncios" label={t("back")} />
      <PageHeader title={t("new")} />
      <AnnouncementForm nowInput={toMadridInput(new Date())} />
    </>
  );
}
