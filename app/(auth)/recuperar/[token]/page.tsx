import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inspectResetToken } from "@/lib/account/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const state = await inspectResetToken(token);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-bold">{t("auth.reset.title")}</h1>
      {state.valid ? (
        <>
          <p className="mb-5 text-sm text-slate-600">{t("auth.reset.intro")}</p>
          <ResetPasswordForm
            token={token}
            securityQuestion={state.securityQuestion ? t(`common.securityQuestions.${state.securityQuestion}`) : null}
            email={state.email}
            name={state.name}
          />
        </>
      ) : (
        <div className="space-y-4">
          <p role="alert" className="text-sm text-red-800">
            {t("errors.resetTokenInvalid")}
          </p>
          <Link href="/recuperar" className="text-sm font-medium text-brand-700 hover:underline">
            {t("auth.reset.requestNew")}
          </Link>
        </div>
      )}
    </div>
  );
}
