"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

export type FieldControlProps = { id: string; describedBy: string | undefined };

type FieldFrameProps = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/** Label, hint and the server's message around any form control, linked by id for screen readers. */
export function FieldFrame({ name, label, error, hint, children }: FieldFrameProps) {
  const t = useTranslations();
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
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
