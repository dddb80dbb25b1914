"use client";

import { useActionState, useId, useRef } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import type { ActionResult, ActionState } from "@/lib/actions";
import { dangerButton, primaryButton, secondaryButton } from "./button-styles";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/** A field's message first (the action's own reason for this form), else the general one. */
function refusalOf(state: ActionState): string | null {
  if (!state || state.ok) return null;
  const fieldMessage = Object.values(state.fieldErrors ?? {}).find(Boolean);
  return fieldMessage ?? state.error;
}

/**
 * A button that opens a modal <dialog> (focus moves into it, Escape closes it, the page behind is
 * inert) stating what will happen; only its confirm button posts the form. A refusal is shown inside
 * the dialog, next to the buttons; a success closes it (an action that redirects has left by then).
 * `tone="danger"` is for what cannot be undone.
 */
export function ConfirmDialogForm({
  action,
  fields,
  triggerLabel,
  triggerAriaLabel,
  triggerClassName,
  title,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  tone = "primary",
}: {
  action: Action;
  fields: Record<string, string>;
  triggerLabel: string;
  triggerAriaLabel?: string;
  triggerClassName?: string;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  tone?: "primary" | "danger";
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const result = await action(previous, formData);
    if (result.ok) dialog.current?.close();
    return result;
  }, null);
  const refusal = refusalOf(state);

  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };

  return (
    <div className="print:hidden">
      <button ref={trigger} type="button" onClick={() => dialog.current?.showModal()} className={triggerClassName ?? primaryButton} aria-label={triggerAriaLabel}>
        {triggerLabel}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="space-y-4 p-5">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-lg font-semibold break-words">
            {title}
          </h2>
          <div className="max-h-[55vh] space-y-3 overflow-y-auto text-sm text-slate-700">{children}</div>
          {refusal && <FormAlert kind="error" message={refusal} />}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={close} className={secondaryButton} disabled={pending}>
              {cancelLabel}
            </button>
            <button type="submit" disabled={pending} aria-busy={pending} className={tone === "danger" ? dangerButton : primaryButton}>
              {pending ? pendingLabel : confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
