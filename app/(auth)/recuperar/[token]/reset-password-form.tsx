"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token, securityQuestion }: { token: string; securityQuestion: string | null }) {
  const t = useTranslations("auth.reset");
  const [state, formAction] = useActionState(resetPasswordAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
      <input type="hidden" name="token" value={token} />
      <Field name="password" type="password" label={t("password")} autoComplete="new-password" hint={t("passwordHint")} required error={fieldErrors?.password} />
      <Field name="passwordConfirmation" type="password" label={t("passwordConfirmation")} autoComplete="new-password" required error={fieldErrors?.passwordConfirmation} />
      {securityQuestion && <Field name="securityAnswer" label={securityQuestion} autoComplete="off" required error={fieldErrors?.securityAnswer} />}
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
