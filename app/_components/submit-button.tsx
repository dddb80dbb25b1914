"use client";

import { useFormStatus } from "react-dom";

/** Disabled with a progress label while the action runs, so a double click cannot submit twice. */
export function SubmitButton({ children, pendingLabel, className = "" }: { children: React.ReactNode; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto ${className}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
