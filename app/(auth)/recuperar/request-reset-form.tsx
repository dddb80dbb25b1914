"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { requestResetAction } from "./actions";

export function RequestResetForm() {
  const t = useTranslations("auth.forgot");
  const [state, formAction] = useActionState(requestResetAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormAlert kind="success" message={state.message ?? "auth.forgot.sent"} />
        <Link href="/acceder" className="text-sm text-brand-700 hover:underline">
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok && !fieldErrors && <FormAlert kind="error" message={state.error} />}
      <Field name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" required error={fieldErrors?.email} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Link href="/acceder" className="text-sm text-brand-700 hover:underline">
          {t("backToSignIn")}
        </Link>
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
