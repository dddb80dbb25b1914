import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RequestResetForm } from "./request-reset-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forgot");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgot");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-5 text-sm text-slate-600">{t("intro")}</p>
      <RequestResetForm />
    </div>
  );
}
