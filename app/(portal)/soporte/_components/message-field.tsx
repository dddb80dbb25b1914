"use client";

import { FieldFrame } from "@/app/_components/field-frame";

export function MessageField({ label, defaultValue, error, rows = 8 }: { label: string; defaultValue?: string; error?: string; rows?: number }) {
  return (
    <FieldFrame name="message" label={label} error={error}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          name="message"
          rows={rows}
          required
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none ${
            error ? "border-red-500" : "border-slate-300"
          }`}
        />
      )}
    </FieldFrame>
  );
}
