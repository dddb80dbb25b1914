"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { PasswordTips } from "@/app/_components/password-tips";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const t = useTranslations();
  // Empty after a change; after a refusal with what was typed, except the fields that were wrong.
  const form = useRememberingForm(changePasswordAction);
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = form;

  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-6" noValidate>
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <p className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">{t("security.password.sessionsNotice")}</p>
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-4">
            <Field
              name="currentPassword"
              type="password"
              label={t("security.password.fields.currentPassword")}
              autoComplete="current-password"
              defaultValue={fieldErrors?.currentPassword ? "" : (submittedValue("currentPassword") ?? "")}
              required
              error={fieldErrors?.currentPassword}
            />
            <NewPasswordFields
              names={{ password: "newPassword", confirmation: "confirmPassword" }}
              labels={{ password: t("security.password.fields.newPassword"), confirmation: t("security.password.fields.confirmPassword") }}
              hint={t("security.password.hints.newPassword")}
              email={email}
              personName={name}
              form={form}
            />
          </div>
          <PasswordTips id="password-tips" />
        </div>
      </div>
      <div className="space-y-3">
        {result && (result.ok ? <FormAlert kind="success" message={result.message ?? "security.password.saved"} /> : <FormAlert kind="error" message={result.error} />)}
        <SubmitButton pendingLabel={t("security.password.submitting")}>{t("security.password.submit")}</SubmitButton>
      </div>
    </form>
  );
}
