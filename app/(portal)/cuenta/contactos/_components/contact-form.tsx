"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/actions";
import { SelectField, type SelectOption } from "../../_components/select-field";
import { saveContactAction } from "../actions";

export type ContactFormValues = {
  firstName: string;
  lastName: string;
  companyName: string;
  email: string;
  phone: string;
  address1: string;
  city: string;
  province: string;
  postcode: string;
  country: string;
  emailPreferences: string[];
  hasAccess: boolean;
  permissions: string[];
};

type TextField = "firstName" | "lastName" | "companyName" | "email" | "phone" | "address1" | "city" | "province" | "postcode" | "country";

type FormState = { result: ActionResult; submitted: FormData | null; submission: number } | null;

// A successful save redirects to the contact's page; what comes back here is a refusal. The fields are
// then mounted afresh (keyed by the submission) with what was typed, since React resets a form after
// its action and a select's reset does not follow a changed defaultValue.
async function submit(previous: FormState, formData: FormData): Promise<FormState> {
  const result = await saveContactAction(null, formData);
  return { result, submitted: result.ok ? null : formData, submission: (previous?.submission ?? 0) + 1 };
}

type ContactFormProps = {
  /** "nuevo" or the contact's id. */
  contactId: string;
  isNew: boolean;
  values: ContactFormValues;
  countries: SelectOption[];
  preferenceKeys: readonly string[];
  permissionKeys: readonly string[];
  /** Only the owner sees (and may send) the access box and the permissions. */
  canManageAccess: boolean;
  /** A sub-account's sign-in address can only be changed by the owner. */
  emailLocked: boolean;
};

export function ContactForm({ contactId, isNew, values, countries, preferenceKeys, permissionKeys, canManageAccess, emailLocked }: ContactFormProps) {
  const t = useTranslations("contacts");
  const [state, formAction] = useActionState(submit, null);
  const formRef = useRef<HTMLFormElement>(null);
  const result = state?.result;
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  const submitted = state?.submitted ?? null;
  const [access, setAccess] = useState(values.hasAccess);

  useEffect(() => {
    // Straight to the first field to fix, so keyboard and screen-reader users need not hunt for it.
    if (fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [fieldErrors]);

  const text = (name: TextField) => {
    const typed = submitted?.get(name);
    return typeof typed === "string" ? typed : values[name];
  };
  const checked = (name: "emailPreferences" | "permissions", key: string) =>
    submitted ? submitted.getAll(name).includes(key) : values[name].includes(key);

  const fieldset = "space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  const legend = "px-1 text-base font-semibold text-slate-900";

  return (
    <form key={state?.submission ?? 0} ref={formRef} action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="contactId" value={contactId} />

      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.personal")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="firstName" label={t("fields.firstName")} autoComplete="off" defaultValue={text("firstName")} required error={fieldErrors?.firstName} />
          <Field name="lastName" label={t("fields.lastName")} autoComplete="off" defaultValue={text("lastName")} required error={fieldErrors?.lastName} />
          <Field name="companyName" label={t("fields.companyName")} autoComplete="off" defaultValue={text("companyName")} error={fieldErrors?.companyName} />
          {emailLocked ? (
            <dl className="min-w-0 space-y-1">
              <dt className="text-sm font-medium text-slate-700">{t("fields.email")}</dt>
              <dd className="py-2 break-words text-slate-900">{values.email}</dd>
              <dd className="text-xs text-slate-500">{t("hints.emailLocked")}</dd>
              {/* Sent unchanged, so the server's "only the owner may change it" rule has nothing to refuse. */}
              <input type="hidden" name="email" value={values.email} />
            </dl>
          ) : (
            <Field
              name="email"
              type="email"
              label={t("fields.email")}
              autoComplete="off"
              inputMode="email"
              hint={access ? `${t("hints.email")} ${t("hints.emailAccess")}` : t("hints.email")}
              defaultValue={text("email")}
              required
              error={fieldErrors?.email}
            />
          )}
          <Field name="phone" label={t("fields.phone")} type="tel" autoComplete="off" inputMode="tel" hint={t("hints.phone")} defaultValue={text("phone")} error={fieldErrors?.phone} />
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.address")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field name="address1" label={t("fields.address1")} autoComplete="off" defaultValue={text("address1")} error={fieldErrors?.address1} />
          </div>
          <Field name="postcode" label={t("fields.postcode")} autoComplete="off" defaultValue={text("postcode")} error={fieldErrors?.postcode} />
          <Field name="city" label={t("fields.city")} autoComplete="off" defaultValue={text("city")} error={fieldErrors?.city} />
          <Field name="province" label={t("fields.province")} autoComplete="off" defaultValue={text("province")} error={fieldErrors?.province} />
          <SelectField name="country" label={t("fields.country")} options={countries} defaultValue={text("country")} error={fieldErrors?.country} />
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.preferences")}</legend>
        <p className="text-sm text-slate-600">{t("preferences.intro")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {preferenceKeys.map((key) => (
            <Choice key={key} name="emailPreferences" value={key} label={t(`preferences.${key}`)} hint={t(`preferences.${key}Hint`)} defaultChecked={checked("emailPreferences", key)} />
          ))}
        </div>
      </fieldset>

      {canManageAccess && (
        <fieldset className={fieldset}>
          <legend className={legend}>{t("sections.access")}</legend>
          <div className="space-y-1">
            <div className="flex items-start gap-3">
              <input
                id="field-hasAccess"
                name="hasAccess"
                type="checkbox"
                checked={access}
                onChange={(event) => setAccess(event.target.checked)}
                aria-describedby="field-hasAccess-hint"
                className="mt-0.5 size-5 shrink-0 rounded border-slate-300 accent-brand-600"
              />
              <label htmlFor="field-hasAccess" className="text-sm font-medium text-slate-800">
                {t("access.checkbox")}
              </label>
            </div>
            <p id="field-hasAccess-hint" className="pl-8 text-xs text-slate-500">
              {t("access.hint")}
            </p>
          </div>
          {access && (
            <fieldset className="space-y-3 border-t border-slate-100 pt-4">
              <legend className="text-sm font-semibold text-slate-800">{t("access.permissions")}</legend>
              <p className="text-xs text-slate-500">{t("access.permissionsHint")}</p>
              <div className="grid gap-3 sm:grid-cols-2">
                {permissionKeys.map((key) => (
                  <Choice
                    key={key}
                    name="permissions"
                    value={key}
                    label={t(`permissions.${key}.label`)}
                    hint={t(`permissions.${key}.hint`)}
                    defaultChecked={checked("permissions", key)}
                  />
                ))}
              </div>
            </fieldset>
          )}
        </fieldset>
      )}

      <div className="space-y-3">
        {result && !result.ok && <FormAlert kind="error" message={result.error} />}
        <SubmitButton pendingLabel={t("form.submitting")}>{isNew ? t("form.submitNew") : t("form.submit")}</SubmitButton>
      </div>
    </form>
  );
}

/** One box of a checkbox group: the group posts the ticked values under one name. */
function Choice({ name, value, label, hint, defaultChecked }: { name: string; value: string; label: string; hint: string; defaultChecked: boolean }) {
  const id = `field-${name}-${value}`;
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        name={name}
        value={value}
        type="checkbox"
        defaultChecked={defaultChecked}
        aria-describedby={`${id}-hint`}
        className="mt-0.5 size-5 shrink-0 rounded border-slate-300 accent-brand-600"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      </div>
    </div>
  );
}
