"use client";

import { useEffect, useId } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { dangerTriggerButton } from "@/app/_components/button-styles";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import type { ActionResult, ActionState } from "@/lib/actions";

type Action<T = undefined> = (previous: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

/** One field of a catalogue form, described by the (server) page: labels are already translated. */
export type FieldSpec =
  | { kind: "text" | "date" | "money"; name: string; label: string; defaultValue?: string; hint?: string; wide?: boolean }
  | { kind: "textarea"; name: string; label: string; defaultValue?: string; hint?: string; rows?: number; wide?: boolean }
  | { kind: "select"; name: string; label: string; defaultValue?: string; options: { value: string; label: string }[]; hint?: string; wide?: boolean }
  | { kind: "checkbox"; name: string; label: string; checked?: boolean; hint?: string; wide?: boolean }
  | { kind: "checkboxes"; name: string; label: string; checked: string[]; options: { value: string; label: string }[]; hint?: string; wide?: boolean };

const INPUT = "block w-full min-w-0 rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

function Control({ field, error, submitted }: { field: FieldSpec; error?: string; submitted: (name: string) => string | undefined }) {
  const t = useTranslations();
  const id = useId();
  const border = error ? "border-red-500" : "border-slate-300";
  if (field.kind === "checkbox") {
    return (
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name={field.name} defaultChecked={field.checked} className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-invalid={error ? true : undefined} />
          <span>{field.label}</span>
        </label>
        {field.hint && <p className="text-xs text-slate-500">{field.hint}</p>}
        {error && (
          <p className="text-sm text-red-700" role="alert">
            {t(error)}
          </p>
        )}
      </div>
    );
  }
  if (field.kind === "checkboxes") {
    return (
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{field.label}</legend>
        {field.hint && <p className="text-xs text-slate-500">{field.hint}</p>}
        <div className="grid gap-1 sm:grid-cols-2">
          {field.options.map((option) => (
            <label key={option.value} className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" name={field.name} value={option.value} defaultChecked={field.checked.includes(option.value)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
              <span className="break-words">{option.label}</span>
            </label>
          ))}
        </div>
        {error && (
          <p className="text-sm text-red-700" role="alert">
            {t(error)}
          </p>
        )}
      </fieldset>
    );
  }
  const value = submitted(field.name) ?? field.defaultValue;
  // Ids from useId: the same field name appears in many forms of one page (a form per price row).
  const describedBy = [error ? `${id}-error` : null, field.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name: field.name, defaultValue: value, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {field.label}
      </label>
      {field.kind === "textarea" ? (
        <textarea {...common} rows={field.rows ?? 3} className={`${INPUT} ${border}`} />
      ) : field.kind === "select" ? (
        <select {...common} className={`${INPUT} ${border}`}>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={field.kind === "date" ? "date" : "text"} inputMode={field.kind === "money" ? "decimal" : undefined} className={`${INPUT} ${border}`} />
      )}
      {field.hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {field.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}

/**
 * A catalogue form: hidden ids, the fields the page describes, the server's message next to each
 * field and the outcome under the button. After a refusal it keeps what was typed.
 */
export function CatalogForm<T = undefined>({
  action,
  hidden = {},
  fields,
  submitLabel,
  pendingLabel,
  label,
  columns = 1,
  openOnSuccess,
  secondary = false,
}: {
  action: Action<T>;
  hidden?: Record<string, string>;
  fields: FieldSpec[];
  submitLabel: string;
  pendingLabel: string;
  label?: string;
  columns?: 1 | 2 | 4;
  /** Opens `${prefix}${data.productId}` once the action succeeds (a new product's page). */
  openOnSuccess?: string;
  /** A plain button, for a form that only switches something (deactivate a code) rather than saving fields. */
  secondary?: boolean;
}) {
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(action);
  const router = useRouter();
  useEffect(() => {
    const data = result?.ok ? (result.data as { productId?: number } | undefined) : undefined;
    if (openOnSuccess && data?.productId) router.push(`${openOnSuccess}${data.productId}`);
  }, [result, openOnSuccess, router]);
  const grid = columns === 4 ? "sm:grid-cols-2 lg:grid-cols-4" : columns === 2 ? "sm:grid-cols-2" : "";
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-3" noValidate aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={`grid min-w-0 gap-3 ${grid}`}>
        {fields.map((field) => (
          <div key={field.name} className={`min-w-0 ${field.wide ? "sm:col-span-full" : ""}`}>
            <Control field={field} error={fieldErrors?.[field.name]} submitted={submittedValue} />
          </div>
        ))}
      </div>
      {result && !result.ok && <FormAlert kind="error" message={result.error} />}
      {result?.ok && result.message && <FormAlert kind="success" message={result.message} />}
      <SubmitButton pendingLabel={pendingLabel} className={secondary ? "border border-slate-300 !bg-white !text-slate-900 !shadow-none hover:!bg-slate-50" : ""}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/**
 * A deletion's two steps, through the portal's one confirm dialog: the button opens it saying what
 * will happen, and only its confirm button posts (with confirm=yes, which the server requires). A
 * refusal (a product with services) is shown inside the dialog.
 */
export function ConfirmDelete({
  fields,
  body,
  ...dialog
}: {
  action: Action;
  fields: Record<string, string>;
  triggerLabel: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel: string;
}) {
  return (
    <ConfirmDialogForm {...dialog} fields={{ ...fields, confirm: "yes" }} tone="danger" triggerClassName={dangerTriggerButton}>
      <p>{body}</p>
    </ConfirmDialogForm>
  );
}
