"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { createMailboxAction } from "../actions";

/** "Crear una cuenta de correo electrónico": name@domain, a password the portal's policy accepts, and a quota. */
export function MailboxForm({ serviceId, domain, email, personalWords, defaultQuotaMb }: { serviceId: number; domain: string; email: string; personalWords: string; defaultQuotaMb: number }) {
  const t = useTranslations("services.service.mailbox");
  const form = useRememberingForm(createMailboxAction);
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = form;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="serviceId" value={String(serviceId)} />
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-4">
          <Field
            name="localPart"
            label={t("localPart")}
            hint={t("localPartHint", { domain })}
            autoComplete="off"
            defaultValue={fieldErrors?.localPart ? "" : (submittedValue("localPart") ?? "")}
            required
            error={fieldErrors?.localPart}
          />
          <Field
            name="quotaMb"
            label={t("quota")}
            hint={t("quotaHint")}
            inputMode="numeric"
            defaultValue={submittedValue("quotaMb") ?? String(defaultQuotaMb)}
            required
            error={fieldErrors?.quotaMb}
          />
        </div>
        <div className="space-y-4">
          <NewPasswordFields labels={{ password: t("password"), confirmation: t("confirmation") }} hint={t("passwordHint")} email={email} personName={personalWords} form={form} />
        </div>
      </div>
      {result && (result.ok ? <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{t("created", { email: result.data?.email ?? "" })}</p> : <FormAlert kind="error" message={result.error} />)}
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
