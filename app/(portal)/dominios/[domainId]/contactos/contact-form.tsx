"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { SelectField, type SelectOption } from "../../../cuenta/_components/select-field";
import { saveDomainContactAction } from "../actions";

export type ContactValues = Record<TextField | "country", string>;

type TextField = "name" | "company" | "email" | "phone" | "address1" | "address2" | "city" | "state" | "postcode" | "taxId";
const AUTOCOMPLETE: Partial<Record<TextField, string>> = {
  name: "name",
  company: "organization",
  email: "email",
  phone: "tel",
  address1: "address-line1",
  address2: "address-line2",
  city: "address-level2",
  state: "address-level1",
  postcode: "postal-code",
};

/** One WHOIS contact; "copy my account details" fills the boxes from Mis datos for the customer to check and save. */
export function ContactForm({
  domainId,
  role,
  roleLabel,
  values,
  account,
  countries,
}: {
  domainId: number;
  role: string;
  roleLabel: string;
  values: ContactValues;
  account: ContactValues | null;
  countries: SelectOption[];
}) {
  const t = useTranslations("domainManage.contacts");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(saveDomainContactAction);
  const value = (field: keyof ContactValues) => submittedValue(field) ?? values[field];

  const copyFromAccount = () => {
    const form = formRef.current;
    if (!form || !account) return;
    for (const [field, fieldValue] of Object.entries(account)) {
      const control = form.elements.namedItem(field);
      if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) control.value = fieldValue;
    }
    form.querySelector<HTMLInputElement>("input[name=name]")?.focus();
  };

  const field = (name: TextField, options: { required?: boolean; hint?: string; type?: string; inputMode?: "tel" | "email" } = {}) => (
    <Field
      name={name}
      label={t(`fields.${name}`)}
      type={options.type}
      inputMode={options.inputMode}
      autoComplete={AUTOCOMPLETE[name] ?? "off"}
      defaultValue={value(name)}
      required={options.required}
      hint={options.hint}
      error={fieldErrors?.[name]}
    />
  );

  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="domainId" value={String(domainId)} />
      <input type="hidden" name="role" value={role} />
      {account && (
        <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
          <button type="button" onClick={copyFromAccount} className="inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 sm:w-auto">
            {t("copyFromAccount")}
          </button>
          <p className="text-xs text-slate-500">{t("copyHint")}</p>
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {field("name", { required: true })}
        {field("company")}
        {field("email", { required: true, type: "email", inputMode: "email" })}
        {field("phone", { required: true, type: "tel", inputMode: "tel", hint: t("fields.phoneHint") })}
        {field("address1", { required: true })}
        {field("address2")}
        {field("city", { required: true })}
        {field("state", { required: true })}
        {field("postcode", { required: true })}
        <SelectField name="country" label={t("fields.country")} options={countries} defaultValue={value("country")} autoComplete="country" required error={fieldErrors?.country} />
        {field("taxId", { hint: t("fields.taxIdHint") })}
      </div>
      {result && (result.ok ? <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{t("saved", { role: roleLabel })}</p> : <FormAlert kind="error" message={result.error} />)}
      <SubmitButton pendingLabel={t("submitting")}>{t("submit", { role: roleLabel })}</SubmitButton>
    </form>
  );
}
