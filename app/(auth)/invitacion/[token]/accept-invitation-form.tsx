"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitationForm({ token, email: loginEmail }: { token: string; email: string }) {
  const t = useTranslations("contacts.invitation");
  const [state, formAction] = useActionState(acceptInvitationAction, null);

  if (state?.ok) {
    const email = (state.data as { email?: string } | undefined)?.email ?? loginEmail;
    return (
      <div className="space-y-4">
        <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm break-words text-green-800">
          {t("done", { email })}
        </div>
        <Link
          href="/acceder"
          className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager store the new password under the address it will be used with. */}
      <input type="email" name="username" autoComplete="username" value={loginEmail} readOnly hidden />
      <Field name="password" type="password" label={t("password")} autoComplete="new-password" hint={t("passwordHint")} required error={fieldErrors?.password} />
      <Field name="passwordConfirmation" type="password" label={t("passwordConfirmation")} autoComplete="new-password" required error={fieldErrors?.passwordConfirmation} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
