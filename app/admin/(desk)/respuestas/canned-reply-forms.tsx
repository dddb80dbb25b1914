"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FieldFrame } from "@/app/_components/field-frame";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import type { ActionResult } from "@/lib/actions";
import { deleteCannedReplyAction, saveCannedReplyAction } from "./actions";

export function CannedReplyForm() {
  const t = useTranslations("admin.canned");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(saveCannedReplyAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4 self-start rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <Field name="title" label={t("titleField")} required defaultValue={submittedValue("title")} error={fieldErrors?.title} />
      <FieldFrame name="body" label={t("body")} error={fieldErrors?.body}>
        {({ id, describedBy }) => (
          <textarea
            id={id}
            name="body"
            rows={6}
            required
            defaultValue={submittedValue("body")}
            aria-invalid={fieldErrors?.body ? true : undefined}
            aria-describedby={describedBy}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm"
          />
        )}
      </FieldFrame>
      {result && !result.ok && !fieldErrors && <FormAlert kind="error" message={result.error} />}
      {result?.ok && result.message && <FormAlert kind="success" message={result.message} />}
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function DeleteCannedReplyButton({ id, label }: { id: number; label: string }) {
  const [state, formAction] = useActionState<ActionResult | null, FormData>(deleteCannedReplyAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={String(id)} />
      <button type="submit" className="text-sm text-red-700 underline-offset-2 hover:underline">
        {label}
      </button>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
    </form>
  );
}
