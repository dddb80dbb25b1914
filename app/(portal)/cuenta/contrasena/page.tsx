import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./_components/change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.password");
  return { title: t("title") };
}

/** "Cambiar contraseña" (walkthrough §3.2): the signed-in person's own password, sub-accounts included. */
export default async function ChangePasswordPage() {
  const user = await requireUser();
  const t = await getTranslations("security.password");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ChangePasswordForm email={user.email} name={user.name} />
    </>
  );
}
