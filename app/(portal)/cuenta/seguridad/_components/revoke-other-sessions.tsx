"use client";

import { useActionState, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import type { ActionResult, ActionState } from "@/lib/actions";
import { revokeOtherSessionsAction } from "./actions";

const primaryButton =
  "inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
const secondaryButton =
  "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 sm:w-auto";

/**
 * "Cerrar las demás sesiones": the button opens a modal <dialog> saying what happens; only its confirm
 * button posts. The outcome stays on the page after the list is refreshed without the other sessions.
 */
export function RevokeOtherSessions({ hasOthers }: { hasOthers: boolean }) {
  const t = useTranslations("security.sessions");
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const result = await revokeOtherSessionsAction(previous, formData);
    if (result.ok) dialog.current?.close();
    return result;
  }, null);

  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };

  return (
    <div className="space-y-3">
      {state?.ok && <FormAlert kind="success" message={state.message ?? "security.sessions.revoked"} />}
      {hasOthers ? (
        <button ref={trigger} type="button" onClick={() => dialog.current?.showModal()} className={secondaryButton}>
          {t("revokeOthers")}
        </button>
      ) : (
        !state?.ok && <p className="text-sm text-slate-600">{t("none")}</p>
      )}
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {t("confirmTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("confirmBody")}</p>
          {state && !state.ok && <FormAlert kind="error" message={state.error} />}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={close} className={secondaryButton} disabled={pending}>
              {t("cancel")}
            </button>
            <button type="submit" disabled={pending} aria-busy={pending} className={primaryButton}>
              {pending ? t("revoking") : t("confirm")}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
