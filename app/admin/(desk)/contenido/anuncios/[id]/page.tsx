import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { PageHeader } from "@/app/_components/page-header";
import { parseRowId } from "@/lib/row-id";
import { getStaffAnnouncement } from "@/lib/staff/content/content-desk";
import { toMadridInput } from "@/lib/staff/content/madrid-time";
import { requireStaff } from "@/lib/staff/staff-session";
import { AnnouncementForm } from "../../_components/announcement-form";
import { CONTENT_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.announcements");
  return { title: t("edit") };
}

export default async function EditAnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff(CONTENT_ROLES);
  const id = parseRowId((await params).id);
  const announcement = id ? await getStaffAnnouncement(staff.scope, id) : null;
  if (!announcement) notFound();
  const t = await getTranslations("adminContent.announcements");
  return (
    <>
      <BackLink href="/admin/contenido/anuncios" label={t("back")} />
      <PageHeader title={t("edit")} description={announcement.title} />
      <AnnouncementForm
        announcement={{ id: announcement.id, title: announcement.title, body: announcement.body, published: announcement.published, publishedAtInput: toMadridInput(announcement.publishedAt) }}
        nowInput={toMadridInput(new Date())}
      />
    </>
  );
}
