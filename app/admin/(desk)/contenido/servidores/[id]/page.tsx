import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { PageHeader } from "@/app/_components/page-header";
import { parseRowId } from "@/lib/row-id";
import { getStaffServer } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { ServerForm } from "../../_components/server-form";
import { SERVER_ROLES } from "../../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.servers");
  return { title: t("edit") };
}

export default async function EditServerPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff(SERVER_ROLES);
  const id = parseRowId((await params).id);
  const server = id ? await getStaffServer(staff.scope, id) : null;
  if (!server) notFound();
  const t = await getTranslations("adminContent.servers");
  return (
    <>
      <BackLink href="/admin/contenido/servidores" label={t("back")} />
      <PageHeader title={t("edit")} description={server.name} />
      <ServerForm server={server} />
    </>
  );
}
