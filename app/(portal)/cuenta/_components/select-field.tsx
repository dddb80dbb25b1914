"use client";

import { FieldFrame } from "@/app/_components/field-frame";

export type SelectOption = { value: string; label: string; lang?: string };

type SelectFieldProps = {
  name: string;
  label: string;
  options: SelectOption[];
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  error?: string;
  hint?: string;
};

/** The select counterpart of the shared Field: same label, hint and error wiring. */
export function SelectField({ name, label, options, defaultValue, autoComplete, required, error, hint }: SelectFieldProps) {
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <select
          id={id}
          name={name}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none ${
            error ? "border-red-500" : "border-slate-300"
          }`}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
