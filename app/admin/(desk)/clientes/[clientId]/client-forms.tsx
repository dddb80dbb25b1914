"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FieldFrame } from "@/app/_components/field-frame";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { addClientCreditAction, addClientNoteAction, addManualChargeAction, impersonateClientAction, updateClientDetailsAction } from "./actions";

const INPUT = "block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none";

function Outcome({ result, fieldErrors }: { result: ReturnType<typeof useRememberingForm>["result"]; fieldErrors?: Record<string, string> }) {
  if (!result) return null;
  if (result.ok) return result.message ? <FormAlert kind="success" message={result.message} /> : null;
  return fieldErrors ? null : <FormAlert kind="error" message={result.error} />;
}

export function ImpersonateButton({ clientId }: { clientId: number }) {
  const t = useTranslations("admin.impersonation");
  const { formAction, formRef, formKey, result, fieldErrors } = useRememberingForm(impersonateClientAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-2">
      <input type="hidden" name="clientId" value={String(clientId)} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("starting")}>{t("start")}</SubmitButton>
    </form>
  );
}

export function MoneyForm({ clientId, kind }: { clientId: number; kind: "credit" | "charge" }) {
  const t = useTranslations(`admin.clients.${kind}`);
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(kind === "credit" ? addClientCreditAction : addManualChargeAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="clientId" value={String(clientId)} />
      <Field name="amount" label={t("amount")} hint={t("amountHint")} inputMode="decimal" defaultValue={submittedValue("amount")} error={fieldErrors?.amount} />
      <Field name="reason" label={t("reason")} defaultValue={submittedValue("reason")} error={fieldErrors?.reason} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function ClientNoteForm({ clientId }: { clientId: number }) {
  const t = useTranslations("admin.clients.notes");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(addClientNoteAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="clientId" value={String(clientId)} />
      <FieldFrame name="note" label={t("label")} error={fieldErrors?.note}>
        {({ id, describedBy }) => (
          <textarea id={id} name="note" rows={3} defaultValue={submittedValue("note")} aria-invalid={fieldErrors?.note ? true : undefined} aria-describedby={describedBy} className={INPUT} />
        )}
      </FieldFrame>
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export type ClientDetailsValues = Record<
  "firstName" | "lastName" | "companyName" | "taxId" | "address1" | "address2" | "city" | "province" | "postcode" | "country" | "phone" | "language",
  string
> & { marketingOptIn: boolean };

const TEXT_FIELDS = ["firstName", "lastName", "companyName", "taxId", "address1", "address2", "city", "province", "postcode", "country", "phone"] as const;

export function ClientDetailsForm({ clientId, values }: { clientId: number; values: ClientDetailsValues }) {
  const t = useTranslations("admin.clients.edit");
  const field = useTranslations("account.details.fields");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(updateClientDetailsAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="clientId" value={String(clientId)} />
      <div className="grid gap-3 sm:grid-cols-2">
        {TEXT_FIELDS.map((name) => (
          <Field key={name} name={name} label={field(name)} defaultValue={submittedValue(name) ?? values[name]} error={fieldErrors?.[name]} />
        ))}
        <FieldFrame name="language" label={field("language")} error={fieldErrors?.language}>
          {({ id, describedBy }) => (
            <select id={id} name="language" defaultValue={submittedValue("language") ?? values.language} aria-describedby={describedBy} className={INPUT}>
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          )}
        </FieldFrame>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="marketingOptIn" defaultChecked={values.marketingOptIn} className="size-4" />
        {field("marketingOptIn")}
      </label>
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
