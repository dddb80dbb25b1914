import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inspectEmailChangeToken } from "@/lib/account/change-email";
import { getSessionUser } from "@/lib/auth/session";
import { ConfirmEmailChangeForm } from "./confirm-email-change-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.verifyEmail");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Where the link sent to the new address leads. Outside the portal layout so it opens signed in or
 * out (often on a phone's mail app, with no session); the address changes only when the button is pressed.
 */
export default async function VerifyEmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const [state, user] = await Promise.all([inspectEmailChangeToken(token), getSessionUser()]);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-3 text-2xl font-bold">{t("account.verifyEmail.title")}</h1>
      {state.valid ? (
        <ConfirmEmailChangeForm token={token} newEmail={state.newEmail} signedIn={user !== null} />
      ) : (
        <div className="space-y-4">
          <p role="alert" className="text-sm text-red-800">
            {t("account.errors.emailChangeLinkInvalid")}
          </p>
          <Link href={user ? "/cuenta" : "/acceder"} className="text-sm font-medium text-brand-700 hover:underline">
            {t(user ? "account.verifyEmail.toAccount" : "account.verifyEmail.toSignIn")}
          </Link>
        </div>
      )}
    </div>
  );
}
