"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { requestEppCodeAction } from "../actions";

/** Asks the registrar for the code and emails it to the registrant; the page says only where it went. */
export function EppForm({ domainId }: { domainId: number }) {
  const t = useTranslations("domainManage.epp");
  const [state, formAction] = useActionState(requestEppCodeAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="domainId" value={String(domainId)} />
      {state &&
        (state.ok ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("sent", { email: state.data?.email ?? "" })}
          </p>
        ) : (
          <FormAlert kind="error" message={state.error} />
        ))}
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
