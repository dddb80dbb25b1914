"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/actions";
import { updateProfileAction } from "../actions";
import { CheckboxField } from "./checkbox-field";
import { SelectField, type SelectOption } from "./select-field";

export type ProfileFormValues = {
  firstName: string;
  lastName: string;
  companyName: string;
  taxId: string;
  address1: string;
  address2: string;
  city: string;
  province: string;
  postcode: string;
  country: string;
  phone: string;
  language: string;
  marketingOptIn: boolean;
  defaultBillingContactId: string;
};

type FormState = { result: ActionResult; submitted: FormData | null; submission: number } | null;

// React resets a form after its action, and a select's reset does not follow a changed defaultValue.
// So the fields are mounted afresh after every submission (keyed by its number), with the saved values
// as defaults, or with what was typed when the save is refused.
async function submit(previous: FormState, formData: FormData): Promise<FormState> {
  const result = await updateProfileAction(null, formData);
  return { result, submitted: result.ok ? null : formData, submission: (previous?.submission ?? 0) + 1 };
}

type ProfileFormProps = {
  values: ProfileFormValues;
  email: string | null;
  /** Already translated: "Pendiente de verificar: nuevo@…", when a change waits for its link. */
  pendingEmailNote: string | null;
  emailHint: string;
  /** The owner changes the address in the box below the form; others only read it. */
  canChangeEmail: boolean;
  countries: SelectOption[];
  languages: SelectOption[];
  billingContacts: SelectOption[];
};

export function ProfileForm({ values, email, pendingEmailNote, emailHint, canChangeEmail, countries, languages, billingContacts }: ProfileFormProps) {
  const t = useTranslations("account.details");
  const [state, formAction] = useActionState(submit, null);
  const formRef = useRef<HTMLFormElement>(null);
  const result = state?.result;
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;

  useEffect(() => {
    // Straight to the first field to fix, so keyboard and screen-reader users need not hunt for it.
    if (fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [fieldErrors]);

  const text = (name: Exclude<keyof ProfileFormValues, "marketingOptIn">) => {
    const submitted = state?.submitted?.get(name);
    return typeof submitted === "string" ? submitted : values[name];
  };
  const marketingOptIn = state?.submitted ? state.submitted.has("marketingOptIn") : values.marketingOptIn;
  const fieldset = "space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  const legend = "px-1 text-base font-semibold text-slate-900";

  return (
    <form key={state?.submission ?? 0} ref={formRef} action={formAction} className="space-y-6" noValidate>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.personal")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="firstName" label={t("fields.firstName")} autoComplete="given-name" defaultValue={text("firstName")} required error={fieldErrors?.firstName} />
          <Field name="lastName" label={t("fields.lastName")} autoComplete="family-name" defaultValue={text("lastName")} required error={fieldErrors?.lastName} />
          <Field name="companyName" label={t("fields.companyName")} autoComplete="organization" defaultValue={text("companyName")} error={fieldErrors?.companyName} />
          <Field name="taxId" label={t("fields.taxId")} autoComplete="off" hint={t("hints.taxId")} defaultValue={text("taxId")} error={fieldErrors?.taxId} />
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.address")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field name="address1" label={t("fields.address1")} autoComplete="address-line1" defaultValue={text("address1")} required error={fieldErrors?.address1} />
          </div>
          <div className="sm:col-span-2">
            <Field name="address2" label={t("fields.address2")} autoComplete="address-line2" hint={t("hints.address2")} defaultValue={text("address2")} error={fieldErrors?.address2} />
          </div>
          <Field name="postcode" label={t("fields.postcode")} autoComplete="postal-code" defaultValue={text("postcode")} required error={fieldErrors?.postcode} />
          <Field name="city" label={t("fields.city")} autoComplete="address-level2" defaultValue={text("city")} required error={fieldErrors?.city} />
          <Field name="province" label={t("fields.province")} autoComplete="address-level1" defaultValue={text("province")} required error={fieldErrors?.province} />
          <SelectField name="country" label={t("fields.country")} autoComplete="country" options={countries} defaultValue={text("country")} required error={fieldErrors?.country} />
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.contact")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <dl className="min-w-0 space-y-1">
            <dt className="text-sm font-medium text-slate-700">{t("fields.email")}</dt>
            <dd className="py-2 break-words text-slate-900">{email ?? "—"}</dd>
            {pendingEmailNote && (
              <dd className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-sm break-words text-amber-900">{pendingEmailNote}</dd>
            )}
            <dd className="text-xs text-slate-500">{emailHint}</dd>
            {canChangeEmail && (
              <dd>
                <a href="#correo-de-acceso" className="text-sm font-medium text-brand-700 hover:underline">
                  {t("changeEmailLink")}
                </a>
              </dd>
            )}
          </dl>
          <Field name="phone" label={t("fields.phone")} type="tel" autoComplete="tel" inputMode="tel" hint={t("hints.phone")} defaultValue={text("phone")} error={fieldErrors?.phone} />
          <div className="sm:col-span-2">
            <SelectField
              name="defaultBillingContactId"
              label={t("fields.defaultBillingContact")}
              options={[{ value: "", label: t("billingContactNone") }, ...billingContacts]}
              hint={t(billingContacts.length > 0 ? "hints.defaultBillingContact" : "hints.noBillingContacts")}
              defaultValue={text("defaultBillingContactId")}
              error={fieldErrors?.defaultBillingContactId}
            />
          </div>
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.preferences")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="language" label={t("fields.language")} autoComplete="language" options={languages} hint={t("hints.language")} defaultValue={text("language")} required error={fieldErrors?.language} />
        </div>
        <CheckboxField name="marketingOptIn" label={t("fields.marketingOptIn")} defaultChecked={marketingOptIn} error={fieldErrors?.marketingOptIn} />
      </fieldset>

      <div className="space-y-3">
        {result && (result.ok ? <FormAlert kind="success" message={result.message ?? "account.details.saved"} /> : <FormAlert kind="error" message={result.error} />)}
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
