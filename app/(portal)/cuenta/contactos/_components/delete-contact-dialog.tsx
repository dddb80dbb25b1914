"use client";

import { useActionState, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { deleteContactAction } from "../actions";

const dangerButton =
  "inline-flex w-full items-center justify-center rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
const quietButton =
  "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 sm:w-auto";

/**
 * "Eliminar el contacto" opens a modal dialog saying what will happen; only its confirm button posts,
 * with the confirm field the action requires. A refusal shows inside the dialog.
 */
export function DeleteContactDialog({ contactId, name, isDefaultBilling, hasAccess }: { contactId: number; name: string; isDefaultBilling: boolean; hasAccess: boolean }) {
  const t = useTranslations("contacts.delete");
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(deleteContactAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.confirm ?? state.fieldErrors?.contactId ?? state.error) : null;

  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };

  return (
    <div>
      <button
        ref={trigger}
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="inline-flex w-full items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 sm:w-auto"
      >
        {t("trigger")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="space-y-4 p-5">
          <input type="hidden" name="contactId" value={contactId} />
          <input type="hidden" name="confirm" value="yes" />
          <h2 id={titleId} className="text-lg font-semibold break-words">
            {t("title", { name })}
          </h2>
          <div className="space-y-2 text-sm text-slate-700">
            <p className="font-medium">{t("body")}</p>
            {isDefaultBilling && <p>{t("defaultBilling")}</p>}
            {hasAccess && <p>{t("access")}</p>}
            <p>{t("tickets")}</p>
          </div>
          {error && <FormAlert kind="error" message={error} />}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={close} className={quietButton} disabled={pending}>
              {t("cancel")}
            </button>
            <button type="submit" disabled={pending} aria-busy={pending} className={dangerButton}>
              {pending ? t("deleting") : t("confirm")}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
