"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { modifyPrivateNameserverAction, registerPrivateNameserverAction } from "../actions";

/** Register a glue record, or (with `editing`) new addresses for one; the host is fixed while modifying. */
export function PrivateNameserverForm({ domainId, domainName, editing }: { domainId: number; domainName: string; editing: { host: string; ipv4: string[]; ipv6: string[] } | null }) {
  const t = useTranslations("domainManage.privateNameservers");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(
    // Modifying redirects with its notice on success, so only its refusals come back here.
    (editing ? modifyPrivateNameserverAction : registerPrivateNameserverAction) as typeof registerPrivateNameserverAction,
  );
  const host = result?.ok ? "" : (submittedValue("host") ?? "");
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="domainId" value={String(domainId)} />
      {editing ? (
        <>
          <input type="hidden" name="host" value={editing.host} />
          {fieldErrors?.host && <FormAlert kind="error" message={fieldErrors.host} />}
        </>
      ) : (
        <Field name="host" label={t("hostField")} hint={t("hostHint", { domain: domainName })} autoComplete="off" defaultValue={host} required error={fieldErrors?.host} />
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="ipv4" label={t("ipv4Field")} hint={t("ipv4Hint")} autoComplete="off" defaultValue={submittedValue("ipv4") ?? editing?.ipv4.join(", ") ?? ""} error={fieldErrors?.ipv4} />
        <Field name="ipv6" label={t("ipv6Field")} hint={t("ipv6Hint")} autoComplete="off" defaultValue={submittedValue("ipv6") ?? editing?.ipv6.join(", ") ?? ""} error={fieldErrors?.ipv6} />
      </div>
      {result &&
        (result.ok ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("registered", { host: result.data?.host ?? "" })}
          </p>
        ) : (
          <FormAlert kind="error" message={result.error} />
        ))}
      <SubmitButton pendingLabel={t("submitting")}>{editing ? t("save") : t("register")}</SubmitButton>
    </form>
  );
}
