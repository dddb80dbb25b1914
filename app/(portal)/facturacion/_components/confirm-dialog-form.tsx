"use client";

import { useActionState, useId, useRef } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import type { ActionResult, ActionState } from "@/lib/actions";
import { primaryButton, secondaryButton } from "./styles";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/**
 * A button that opens a modal <dialog> (focus moves into it, Escape closes it, the page behind is
 * inert) stating what will happen; only its confirm button posts the form. A refusal is shown inside
 * the dialog, next to the buttons.
 */
export function ConfirmDialogForm({
  action,
  fields,
  triggerLabel,
  title,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  triggerLabel: string;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(action, null);

  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };

  return (
    <div className="print:hidden">
      <button ref={trigger} type="button" onClick={() => dialog.current?.showModal()} className={primaryButton}>
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
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="max-h-[55vh] space-y-3 overflow-y-auto text-sm text-slate-700">{children}</div>
          {state && !state.ok && <FormAlert kind="error" message={state.error} />}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={close} className={secondaryButton} disabled={pending}>
              {cancelLabel}
            </button>
            <button type="submit" disabled={pending} aria-busy={pending} className={primaryButton}>
              {pending ? pendingLabel : confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
