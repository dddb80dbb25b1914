"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/actions";
import { staffCodeAction, staffPasswordAction, type StaffCodeStep, type StaffSignInState } from "./actions";

export function StaffSignInForm() {
  const t = useTranslations("admin.signIn");
  const [state, formAction] = useActionState<StaffSignInState, FormData>(staffPasswordAction, null);
  if (state && !state.ok && "step" in state) return <StaffCodeForm step={state} />;
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok && !fieldErrors && <FormAlert kind="error" message={state.error} />}
      <Field name="email" type="email" label={t("email")} autoComplete="username" inputMode="email" required error={fieldErrors?.email} />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required error={fieldErrors?.password} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

function StaffCodeForm({ step }: { step: StaffCodeStep }) {
  const t = useTranslations("admin.signIn");
  const [state, formAction] = useActionState<ActionResult | null, FormData>(staffCodeAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate>
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{step.enrolment ? t("enrolTitle") : t("codeTitle")}</h2>
        <p className="mt-1 text-sm text-slate-600">{step.enrolment ? t("enrolIntro") : t("codeIntro")}</p>
      </div>
      {step.enrolment && (
        <div className="flex flex-col items-center gap-2 rounded-md border border-slate-200 p-3">
          {/* A data: URL drawn on the server; the secret never goes to a QR service. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={step.enrolment.qrDataUrl} alt={t("qrAlt")} width={180} height={180} />
          <p className="text-sm text-slate-600">{t("enrolSecret")}</p>
          <code className="font-mono text-sm break-all" data-testid="enrol-secret">
            {step.enrolment.secret}
          </code>
        </div>
      )}
      {state && !state.ok && !fieldErrors && <FormAlert kind="error" message={state.error} />}
      <input type="hidden" name="pendingToken" value={step.pendingToken} />
      <Field name="code" label={t("code")} autoComplete="one-time-code" inputMode="numeric" required error={fieldErrors?.code} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <a href="/admin/acceso" className="text-sm text-slate-600 underline-offset-2 hover:underline">
          {t("startOver")}
        </a>
        <SubmitButton pendingLabel={t("codeSubmitting")}>{t("codeSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
