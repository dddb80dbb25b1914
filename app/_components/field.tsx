"use client";

import { FieldFrame } from "@/app/_components/field-frame";

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  error?: string;
  hint?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
};

/** Label, input and the server's message for this field, linked for screen readers. */
export function Field({ name, label, type = "text", autoComplete, defaultValue, required, error, hint, inputMode }: FieldProps) {
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          required={required}
          inputMode={inputMode}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 ${
            error ? "border-red-500" : "border-slate-300"
          }`}
        />
      )}
    </FieldFrame>
  );
}
