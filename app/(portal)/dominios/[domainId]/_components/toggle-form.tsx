"use client";

import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions";

/** One button that posts fixed fields (auto-renew, lock on); a refusal is shown next to it. */
export function ToggleForm({
  action,
  fields,
  label,
  pendingLabel,
  secondary = false,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  secondary?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
      <SubmitButton pendingLabel={pendingLabel} className={secondary ? "border border-slate-300 !bg-white !text-slate-800 hover:!bg-slate-50" : ""}>
        {label}
      </SubmitButton>
    </form>
  );
}
