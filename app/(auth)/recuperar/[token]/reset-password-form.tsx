"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { resetPasswordAction } from "../actions";

type ResetPasswordFormProps = { token: string; securityQuestion: string | null; email: string; name: string };

export function ResetPasswordForm({ token, securityQuestion, email, name }: ResetPasswordFormProps) {
  const t = useTranslations("auth.reset");
  const form = useRememberingForm(resetPasswordAction);
  const { formAction, formRef, formKey, result, fieldErrors } = form;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      {result && !result.ok && <FormAlert kind="error" message={result.error} />}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields
        labels={{ password: t("password"), confirmation: t("passwordConfirmation") }}
        hint={t("passwordHint")}
        email={email}
        personName={name}
        form={form}
      />
      {securityQuestion && <Field name="securityAnswer" label={securityQuestion} autoComplete="off" required error={fieldErrors?.securityAnswer} />}
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
