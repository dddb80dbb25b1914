import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { PageHeader } from "@/app/_components/page-header";
import { listServerChoices } from "@/lib/staff/content/content-desk";
import { toMadridInput } from "@/lib/staff/content/madrid-time";
import { requireStaff } from "@/lib/staff/staff-session";
import { NewIncidentForm } from "../../_components/incident-forms";
import { CONTENT_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.incidents");
  return { title: t("new") };
}

export default async function NewIncidentPage() {
  const staff = await requireStaff(CONTENT_ROLES);
  const [servers, t] = await Promise.all([listServerChoices(staff.scope), getTranslations("adminContent.incidents")]);
  return (
    <>
      <BackLink href="/admin/contenido/incidencias" label={t("back")} />
      <PageHeader title={t("new")} />
      <NewIncidentForm servers={servers} nowInput={toMadridInput(new Date())} />
    </>
  );
}
