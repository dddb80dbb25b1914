"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { addForwardAction, deleteForwardAction } from "./actions";

export function AddForwardForm({ domainId, domain }: { domainId: number; domain: string }) {
  const t = useTranslations("dns.forwards");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(addForwardAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="domainId" value={String(domainId)} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="localPart" label={t("alias", { domain })} hint={t("aliasHint")} autoComplete="off" defaultValue={submittedValue("localPart") ?? ""} required error={fieldErrors?.localPart} />
        <Field name="destination" label={t("destination")} hint={t("destinationHint")} type="email" autoComplete="off" defaultValue={submittedValue("destination") ?? ""} required error={fieldErrors?.destination} />
      </div>
      {result && (result.ok ? <FormAlert kind="success" message={result.message ?? "dns.forwards.added"} /> : <FormAlert kind="error" message={result.error} />)}
      <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
    </form>
  );
}

export function DeleteForwardButton({ domainId, forwardId, label }: { domainId: number; forwardId: number; label: string }) {
  const t = useTranslations("dns.forwards");
  const [result, formAction] = useActionState(deleteForwardAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-1 sm:items-end">
      <input type="hidden" name="domainId" value={String(domainId)} />
      <input type="hidden" name="forwardId" value={String(forwardId)} />
      <button type="submit" aria-label={label} className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 sm:w-auto">
        {t("remove")}
      </button>
      {result && !result.ok && <FormAlert kind="error" message={result.error} />}
    </form>
  );
}
