"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { PasswordTips } from "@/app/_components/password-tips";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { changePanelPasswordAction } from "./actions";

export function PanelPasswordForm({ serviceId, email, personalWords }: { serviceId: number; email: string; personalWords: string }) {
  const t = useTranslations();
  const form = useRememberingForm(changePanelPasswordAction);
  const { formAction, formRef, formKey, result } = form;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="serviceId" value={String(serviceId)} />
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-4">
            <NewPasswordFields
              labels={{ password: t("services.password.newPassword"), confirmation: t("services.password.confirmPassword") }}
              hint={t("services.password.hint")}
              email={email}
              personName={personalWords}
              form={form}
            />
          </div>
          <PasswordTips id="panel-password-tips" />
        </div>
      </div>
      <div className="space-y-3">
        {result && (result.ok ? <FormAlert kind="success" message={result.message ?? "services.password.saved"} /> : <FormAlert kind="error" message={result.error} />)}
        <SubmitButton pendingLabel={t("services.password.submitting")}>{t("services.password.submit")}</SubmitButton>
      </div>
    </form>
  );
}
