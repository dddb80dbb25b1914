"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { resendInvitationAction } from "../actions";

export function ResendInvitationForm({ contactId }: { contactId: number }) {
  const t = useTranslations("contacts.access");
  const [state, formAction, pending] = useActionState(resendInvitationAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="contactId" value={contactId} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
      >
        {pending ? t("resending") : t("resend")}
      </button>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
    </form>
  );
}
