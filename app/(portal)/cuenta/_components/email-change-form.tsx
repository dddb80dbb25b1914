"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/actions";
import { requestEmailChangeAction } from "../actions";

type FormState = { result: ActionResult; newEmail: string; submission: number } | null;

// Remounted after each submission (React resets a form after its action): a refused address is put
// back for correction; the password never is.
async function submit(previous: FormState, formData: FormData): Promise<FormState> {
  const result = await requestEmailChangeAction(null, formData);
  const typed = formData.get("newEmail");
  return { result, newEmail: !result.ok && typeof typed === "string" ? typed : "", submission: (previous?.submission ?? 0) + 1 };
}

type EmailChangeFormProps = {
  email: string | null;
  /** Already translated, naming the address that waits for its link; null when none does. */
  pendingNote: string | null;
};

/** "Correo electrónico de acceso": the owner's sign-in address, changed only through a link sent to the new one. */
export function EmailChangeForm({ email, pendingNote }: EmailChangeFormProps) {
  const t = useTranslations("account");
  const [state, formAction] = useActionState(submit, null);
  const formRef = useRef<HTMLFormElement>(null);
  const result = state?.result;
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;

  useEffect(() => {
    if (fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [fieldErrors]);

  return (
    <section id="correo-de-acceso" aria-labelledby="correo-de-acceso-titulo" className="mt-6 scroll-mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="correo-de-acceso-titulo" className="text-base font-semibold text-slate-900">
        {t("email.title")}
      </h2>
      <p className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">{t("details.emailNotice")}</p>
      <dl className="min-w-0 space-y-1">
        <dt className="text-sm font-medium text-slate-700">{t("email.current")}</dt>
        <dd className="break-words text-slate-900">{email ?? "—"}</dd>
      </dl>
      {pendingNote && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm break-words text-amber-900" role="status">
          {pendingNote}
        </p>
      )}
      <p className="text-sm text-slate-600">{t("email.intro")}</p>
      <form key={state?.submission ?? 0} ref={formRef} action={formAction} className="space-y-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="newEmail"
            type="email"
            label={t("email.fields.newEmail")}
            autoComplete="email"
            inputMode="email"
            defaultValue={state?.newEmail ?? ""}
            required
            error={fieldErrors?.newEmail}
          />
          <Field
            name="currentPassword"
            type="password"
            label={t("email.fields.currentPassword")}
            autoComplete="current-password"
            hint={t("email.hints.currentPassword")}
            required
            error={fieldErrors?.currentPassword}
          />
        </div>
        {result && (result.ok ? <FormAlert kind="success" message={result.message ?? "account.email.requested"} /> : <FormAlert kind="error" message={result.error} />)}
        <SubmitButton pendingLabel={t("email.submitting")}>{t("email.submit")}</SubmitButton>
      </form>
    </section>
  );
}
