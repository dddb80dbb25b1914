"use client";

import { createContext, useActionState, useContext, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions";
import { carryOutCancellationAction, declineCancellationAction, retryProvisioningAction } from "./actions";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

const PRIMARY =
  "inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
const SECONDARY =
  "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 sm:w-auto";

// A success takes the row out of the queue (the page is refreshed with the action's answer), so its
// message cannot live in the row's own form: it is lifted to this notice above the table.
const NoticeContext = createContext<(message: string) => void>(() => {});

export function QueueNotices({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <NoticeContext.Provider value={setMessage}>
      {message && (
        <div className="mb-4">
          <FormAlert kind="success" message={message} />
        </div>
      )}
      {children}
    </NoticeContext.Provider>
  );
}

/** The action's answer: a success goes to the notice above the table; a refusal stays with the form. */
function useQueueAction(action: Action) {
  const notify = useContext(NoticeContext);
  return useActionState(async (_previous: ActionState, formData: FormData) => {
    const result = await action(null, formData);
    if (result.ok && result.message) notify(result.message);
    return result;
  }, null);
}

/** A refusal of the hidden id (a row gone meanwhile) or of the whole request; a field's own message sits by the field. */
function Refusal({ state, field }: { state: ActionState; field?: string }) {
  if (!state || state.ok) return null;
  const fieldErrors = state.fieldErrors ?? {};
  const idError = Object.entries(fieldErrors).find(([name]) => name !== field)?.[1];
  if (field && fieldErrors[field] && !idError) return null;
  return <FormAlert kind="error" message={idError ?? state.error} />;
}

/** A button opening a modal <dialog> that says what will happen; only its confirm button posts. */
function QueueDialog({
  action,
  fields,
  triggerLabel,
  triggerClass,
  title,
  confirmLabel,
  pendingLabel,
  dismissLabel,
  children,
  field,
}: {
  action: Action;
  fields: Record<string, string>;
  triggerLabel: string;
  triggerClass: string;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  dismissLabel: string;
  children: (state: ActionState) => React.ReactNode;
  field?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useQueueAction(action);
  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };
  return (
    <>
      <button ref={trigger} type="button" onClick={() => dialog.current?.showModal()} className={triggerClass}>
        {triggerLabel}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="space-y-4 p-5" noValidate>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-lg font-semibold break-words">
            {title}
          </h2>
          <div className="space-y-3 text-sm text-slate-700">{children(state)}</div>
          <Refusal state={state} field={field} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={close} className={SECONDARY} disabled={pending}>
              {dismissLabel}
            </button>
            <button type="submit" disabled={pending} aria-busy={pending} className={PRIMARY}>
              {pending ? pendingLabel : confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

export function CarryOutCancellationButton({ requestId, domain, product }: { requestId: number; domain: string; product: string }) {
  const t = useTranslations("adminQueues.cancellations.carryOut");
  return (
    <QueueDialog
      action={carryOutCancellationAction}
      fields={{ requestId: String(requestId) }}
      triggerLabel={t("trigger")}
      triggerClass={PRIMARY}
      title={t("title", { domain })}
      confirmLabel={t("confirm")}
      pendingLabel={t("pending")}
      dismissLabel={t("dismiss")}
    >
      {() => <p>{t("body", { domain, product })}</p>}
    </QueueDialog>
  );
}

export function DeclineCancellationButton({ requestId, domain }: { requestId: number; domain: string }) {
  const t = useTranslations("adminQueues.cancellations.decline");
  const message = useTranslations();
  const id = useId();
  return (
    <QueueDialog
      action={declineCancellationAction}
      fields={{ requestId: String(requestId) }}
      triggerLabel={t("trigger")}
      triggerClass={SECONDARY}
      title={t("title", { domain })}
      confirmLabel={t("confirm")}
      pendingLabel={t("pending")}
      dismissLabel={t("dismiss")}
      field="reason"
    >
      {(state) => {
        const error = state && !state.ok ? state.fieldErrors?.reason : undefined;
        return (
          <div className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-slate-700">
              {t("reason")}
            </label>
            <textarea
              id={id}
              name="reason"
              rows={4}
              maxLength={2000}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none"
            />
            {error && (
              <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
                {message(error)}
              </p>
            )}
          </div>
        );
      }}
    </QueueDialog>
  );
}

/** No confirmation: a retry only does what the paid order already asked for. The button shows progress while the panel is called. */
export function RetryProvisioningButton({ serviceId }: { serviceId: number }) {
  const t = useTranslations("adminQueues.provisioning");
  const [state, formAction] = useQueueAction(retryProvisioningAction);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="serviceId" value={String(serviceId)} />
      <SubmitButton pendingLabel={t("retrying")} className="!px-3 !py-1.5 text-sm">
        {t("retry")}
      </SubmitButton>
      <Refusal state={state} />
    </form>
  );
}
