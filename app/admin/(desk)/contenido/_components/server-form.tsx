"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import type { StaffServer } from "@/lib/staff/content/content-desk";
import { saveServerAction } from "../actions";
import { CheckboxField, Outcome, TextAreaField } from "./form-bits";

/** A server as the desk lists it, without the account count the form does not show. */
export type ServerDraft = Omit<StaffServer, "accounts">;

/** New or edit. The panel credential's variable is write-only here: the form says whether one is set, never which. */
export function ServerForm({ server }: { server?: ServerDraft }) {
  const t = useTranslations("adminContent.servers");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(saveServerAction);
  const failed = result && !result.ok;
  const value = (field: string, saved: string | undefined) => submittedValue(field) ?? saved;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <input type="hidden" name="id" value={server ? String(server.id) : ""} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label={t("name")} defaultValue={value("name", server?.name)} error={fieldErrors?.name} />
        <Field name="location" label={t("location")} defaultValue={value("location", server?.location ?? undefined)} error={fieldErrors?.location} />
        <Field name="hostname" label={t("hostname")} defaultValue={value("hostname", server?.hostname)} error={fieldErrors?.hostname} />
        <Field name="ipAddress" label={t("ipAddress")} defaultValue={value("ipAddress", server?.ipAddress)} error={fieldErrors?.ipAddress} />
        <Field name="port" label={t("port")} inputMode="numeric" defaultValue={value("port", String(server?.port ?? 2087))} error={fieldErrors?.port} />
        <Field name="username" label={t("username")} defaultValue={value("username", server?.username ?? "root")} error={fieldErrors?.username} />
        <Field name="serverGroup" label={t("serverGroup")} hint={t("serverGroupHint")} defaultValue={value("serverGroup", server?.serverGroup ?? "default")} error={fieldErrors?.serverGroup} />
        <Field name="maxAccounts" label={t("maxAccounts")} inputMode="numeric" defaultValue={value("maxAccounts", String(server?.maxAccounts ?? 200))} error={fieldErrors?.maxAccounts} />
      </div>
      <TextAreaField name="nameservers" label={t("nameservers")} hint={t("nameserversHint")} defaultValue={value("nameservers", server?.nameservers.join("\n"))} error={fieldErrors?.nameservers} rows={3} />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t("credential")}</legend>
        <p className="text-sm text-slate-600" data-testid="credential-state">
          {server?.credentialSet ? t("credentialSet") : t("credentialNotSet")}
        </p>
        {/* Never pre-filled: what is stored is not sent back to the browser. */}
        <Field name="tokenEnv" label={server?.credentialSet ? t("tokenEnvReplace") : t("tokenEnvSet")} hint={t("tokenEnvHint")} defaultValue={failed ? submittedValue("tokenEnv") : ""} error={fieldErrors?.tokenEnv} />
        {server?.credentialSet && <CheckboxField name="clearTokenEnv" label={t("clearTokenEnv")} />}
      </fieldset>
      <CheckboxField name="active" label={t("active")} hint={t("activeHint")} defaultChecked={failed ? submittedValue("active") === "on" : (server?.active ?? true)} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("saving")}>{server ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
