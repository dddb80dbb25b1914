"use client";

import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import type { ActionResult, ActionState } from "@/lib/actions";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/**
 * One button posting hidden ids to a server action; the server's answer (a message key) shows right
 * under the button, and the button says it is working while the action runs.
 */
export function ActionForm({
  action,
  fields,
  label,
  pendingLabel,
  variant = "primary",
  className = "",
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const style =
    variant === "primary"
      ? "bg-brand-600 text-white shadow-sm hover:bg-brand-700 font-semibold"
      : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 font-medium";
  return (
    <form action={formAction} className={`space-y-2 print:hidden ${className}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className={`inline-flex w-full items-center justify-center rounded-md px-4 py-2 text-sm disabled:cursor-wait disabled:opacity-70 sm:w-auto ${style}`}
      >
        {pending ? pendingLabel : label}
      </button>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
    </form>
  );
}
