import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/app/_components/form-alert";
import { getSessionUser } from "@/lib/auth/session";
import { PasskeySignIn } from "./passkey-sign-in";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ restablecida?: string }> }) {
  if (await getSessionUser()) redirect("/");
  const { restablecida } = await searchParams;
  const t = await getTranslations("auth.signIn");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-5 text-sm text-slate-600">{t("intro")}</p>
      {restablecida === "1" && (
        <div className="mb-4">
          <FormAlert kind="success" message="auth.reset.done" />
        </div>
      )}
      <SignInForm />
      <PasskeySignIn />
    </div>
  );
}
