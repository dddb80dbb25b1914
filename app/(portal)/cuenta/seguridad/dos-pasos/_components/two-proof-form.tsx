"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions";

type Texts = "twoFactor.disable" | "twoFactor.regenerate";

/**
 * Two clicks and two proofs: a button opens the form, which then asks for the password and a code
 * (from the app or a backup code). Switching two-step verification off and replacing the backup
 * codes both go through it.
 */
export function TwoProofForm<T>({
  action,
  texts,
  tone,
  done,
}: {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  texts: Texts;
  tone: "danger" | "neutral";
  done: (result: { ok: true; data?: T; message?: string }) => ReactNode;
}) {
  const t = useTranslations(texts);
  const [state, formAction] = useActionState(action, null);
  const [open, setOpen] = useState(false);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const danger = tone === "danger";

  if (state?.ok) return done(state);
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={`inline-flex w-full items-center justify-center rounded-md border bg-white px-4 py-2 font-semibold shadow-sm sm:w-auto ${
          danger ? "border-red-300 text-red-700 hover:bg-red-50" : "border-slate-300 text-slate-800 hover:bg-slate-50"
        }`}
      >
        {t("start")}
      </button>
    );
  }
  return (
    <form action={formAction} className={`space-y-4 rounded-md border p-4 ${danger ? "border-red-200 bg-red-50/40" : "border-slate-200 bg-slate-50"}`} noValidate>
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
