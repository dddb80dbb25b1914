"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { disableTwoFactorAction } from "../actions";

/** Two clicks and two proofs: "Desactivar" opens the form, which then asks for the password and a code. */
export function DisableTwoFactorForm() {
  const t = useTranslations("twoFactor.disable");
  const [state, formAction] = useActionState(disableTwoFactorAction, null);
  const [open, setOpen] = useState(false);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;

  if (state?.ok) return <FormAlert kind="success" message={state.message ?? "twoFactor.disable.done"} />;
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex w-full items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 font-semibold text-red-700 shadow-sm hover:bg-red-50 sm:w-auto"
      >
        {t("start")}
      </button>
    );
  }
  return (
    <form action={formAction} className="space-y-4 rounded-md border border-red-200 bg-red-50/40 p-4" noValidate>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {state && !state.ok && !fieldErrors && <FormAlert kind="error" message={state.error} />}
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required error={fieldErrors?.password} />
      <Field name="code" label={t("code")} autoComplete="one-time-code" required error={fieldErrors?.code} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
        <button type="button" onClick={() => setOpen(false)} className="rounded-md px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          {t("cancel")}
        </button>
        <SubmitButton pendingLabel={t("submitting")}>{t("confirm")}</SubmitButton>
      </div>
    </form>
  );
}
