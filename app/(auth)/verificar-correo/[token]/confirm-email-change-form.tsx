"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { confirmEmailChangeAction } from "../actions";

/** A button rather than a change on page load: mail scanners open links, and must not confirm anything. */
export function ConfirmEmailChangeForm({ token, newEmail, signedIn }: { token: string; newEmail: string; signedIn: boolean }) {
  const t = useTranslations("account.verifyEmail");
  const [state, formAction] = useActionState(confirmEmailChangeAction, null);
  const next = signedIn ? { href: "/cuenta", label: t("toAccount") } : { href: "/acceder", label: t("toSignIn") };

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm break-words text-green-800">
          {t("done", { email: state.data?.newEmail ?? newEmail })}
        </p>
        <Link href={next.href} className="inline-block text-sm font-medium text-brand-700 hover:underline">
          {next.label}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <p className="text-sm break-words text-slate-700">{t("intro", { email: newEmail })}</p>
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
      {state && !state.ok ? (
        <Link href={next.href} className="inline-block text-sm font-medium text-brand-700 hover:underline">
          {next.label}
        </Link>
      ) : (
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      )}
    </form>
  );
}
