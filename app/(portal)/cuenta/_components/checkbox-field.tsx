"use client";

import { useTranslations } from "next-intl";

/** A checkbox with its label beside it; unticked, the browser sends nothing for it. */
export function CheckboxField({ name, label, defaultChecked, error, hint }: { name: string; label: string; defaultChecked?: boolean; error?: string; hint?: string }) {
  const t = useTranslations();
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-3">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="mt-0.5 size-5 shrink-0 rounded border-slate-300 accent-brand-600"
        />
        <label htmlFor={id} className="text-sm text-slate-700">
          {label}
        </label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="pl-8 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="pl-8 text-sm text-red-700" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}
