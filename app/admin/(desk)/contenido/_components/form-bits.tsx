"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FieldFrame } from "@/app/_components/field-frame";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import type { ActionResult, ActionState } from "@/lib/actions";

export type StaffFormAction<T = undefined> = (previous: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

/** The form-level outcome: the success message, or the error when no field carries it. */
export function Outcome({ result, fieldErrors }: { result: ActionResult<unknown> | undefined; fieldErrors?: Record<string, string> }) {
  if (!result) return null;
  if (result.ok) return result.message ? <FormAlert kind="success" message={result.message} /> : null;
  return fieldErrors ? null : <FormAlert kind="error" message={result.error} />;
}

const CONTROL = "block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";
export const controlClass = (error?: string) => `${CONTROL} ${error ? "border-red-500" : "border-slate-300"}`;

export function TextAreaField({ name, label, defaultValue, error, hint, rows = 4 }: { name: string; label: string; defaultValue?: string; error?: string; hint?: string; rows?: number }) {
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <textarea id={id} name={name} rows={rows} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={controlClass(error)} />
      )}
    </FieldFrame>
  );
}

export function SelectField({ name, label, defaultValue, error, options }: { name: string; label: string; defaultValue?: string; error?: string; options: { value: string; label: string }[] }) {
  return (
    <FieldFrame name={name} label={label} error={error}>
      {({ id, describedBy }) => (
        <select id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={controlClass(error)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked?: boolean; hint?: string }) {
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
        <span>{label}</span>
      </label>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

export const SECONDARY_BUTTON = "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 sm:w-auto";

/**
 * A destructive action behind a second, explicit click: the first button only asks, naming what
 * goes; "Sí, eliminar" posts the id.
 */
export function ConfirmDeleteButton({ action, id, label, question, confirmLabel }: { action: StaffFormAction; id: number; label: string; question: string; confirmLabel: string }) {
  const t = useTranslations("adminContent.common");
  const [asking, setAsking] = useState(false);
  const { formAction, formKey, result, fieldErrors } = useRememberingForm(action);
  return (
    <div className="space-y-2">
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)} className="text-left text-sm font-medium text-red-700 underline-offset-2 hover:underline">
          {label}
        </button>
      ) : (
        <form key={formKey} action={formAction} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3" role="group" aria-label={label}>
          <input type="hidden" name="id" value={String(id)} />
          <p className="text-sm text-red-900">{question}</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <SubmitButton pendingLabel={t("deleting")} className="!bg-red-700 hover:!bg-red-800">
              {confirmLabel}
            </SubmitButton>
            <button type="button" onClick={() => setAsking(false)} className={SECONDARY_BUTTON}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      <Outcome result={result} fieldErrors={fieldErrors} />
    </div>
  );
}
