"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { signInAction, type SignInState } from "./actions";
import { TwoFactorCodeForm } from "./two-factor-code-form";

export function SignInForm() {
  const t = useTranslations("auth.signIn");
  const [state, formAction] = useActionState<SignInState, FormData>(signInAction, null);
  if (state && !state.ok && "step" in state) return <TwoFactorCodeForm pendingToken={state.pendingToken} />;
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok && !fieldErrors && <FormAlert kind="error" message={state.error} />}
      <Field name="email" type="email" label={t("email")} autoComplete="username" inputMode="email" required error={fieldErrors?.email} />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required error={fieldErrors?.password} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Link href="/recuperar" className="text-sm text-brand-700 underline-offset-2 hover:underline">
          {t("forgotPassword")}
        </Link>
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
