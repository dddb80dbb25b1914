"use client";

import { useActionState, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import type { ActionResult, ActionState } from "@/lib/actions";
import { removePasskeyAction } from "./passkey-actions";

const dangerButton =
  "inline-flex w-full items-center justify-center rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
const secondaryButton =
  "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 sm:w-auto";

/** "Eliminar" next to a passkey: a modal <dialog> says what follows; only its confirm button posts. */
export function RemovePasskeyButton({ passkeyId, name }: { passkeyId: number; name: string }) {
  const t = useTranslations("passkeys.remove");
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const result = await removePasskeyAction(previous, formData);
    if (result.ok) dialog.current?.close();
    return result;
  }, null);

  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };

  return (
    <div className="shrink-0">
      <button ref={trigger} type="button" onClick={() => dialog.current?.showModal()} className={secondaryButton} aria-label={t("buttonLabel", { name })}>
        {t("button")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="space-y-4 p-5">
          <input type="hidden" name="passkeyId" value={passkeyId} />
          <h2 id={titleId} className="text-lg font-semibold break-words">
            {t("confirmTitle", { name })}
          </h2>
          <p className="text-sm text-slate-700">{t("confirmBody")}</p>
          {state && !state.ok && <FormAlert kind="error" message={state.error} />}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={close} className={secondaryButton} disabled={pending}>
              {t("cancel")}
            </button>
            <button type="submit" disabled={pending} aria-busy={pending} className={dangerButton}>
              {pending ? t("removing") : t("confirm")}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
