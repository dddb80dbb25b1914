import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { PageHeader } from "@/app/_components/page-header";
import { requireStaff } from "@/lib/staff/staff-session";
import { ServerForm } from "../../_components/server-form";
import { SERVER_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.servers");
  return { title: t("new") };
}

export default async function NewServerPage() {
  await requireStaff(SERVER_ROLES);
  const t = await getTranslations("adminContent.servers");
  return (
    <>
      <BackLink href="/admin/contenido/servidores" label={t("back")} />
      <PageHeader title={t("new")} />
      <ServerForm />
    </>
  );
}
