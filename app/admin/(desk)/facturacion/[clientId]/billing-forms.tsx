"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FieldFrame } from "@/app/_components/field-frame";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import type { ActionResult, ActionState } from "@/lib/actions";
import {
  cancelProformaAction,
  createInvoiceAction,
  recordManualPaymentAction,
  refundToCreditAction,
  removeClientFileAction,
  sendInvoiceEmailAction,
  uploadClientFileAction,
} from "./actions";

type Action<T = undefined> = (previous: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

function Outcome({ result, fieldErrors }: { result: ActionResult<unknown> | undefined; fieldErrors?: Record<string, string> }) {
  if (!result) return null;
  if (result.ok) return result.message ? <FormAlert kind="success" message={result.message} /> : null;
  return fieldErrors ? null : <FormAlert kind="error" message={result.error} />;
}

const SECONDARY = "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 sm:w-auto";

/** One button posting the invoice id (cancel, send): the outcome shows under it. */
function InvoiceButton({ action, invoiceId, label, pendingLabel }: { action: Action; invoiceId: number; label: string; pendingLabel: string }) {
  const { formAction, formKey, result, fieldErrors } = useRememberingForm(action);
  return (
    <form key={formKey} action={formAction} className="space-y-2">
      <input type="hidden" name="invoiceId" value={String(invoiceId)} />
      <SubmitButton pendingLabel={pendingLabel} className="!bg-white !text-slate-900 border border-slate-300 !shadow-none hover:!bg-slate-50">
        {label}
      </SubmitButton>
      <Outcome result={result} fieldErrors={fieldErrors} />
    </form>
  );
}

export function CancelProformaButton({ invoiceId, reference }: { invoiceId: number; reference: string }) {
  const t = useTranslations("admin.billing.cancel");
  return <InvoiceButton action={cancelProformaAction} invoiceId={invoiceId} label={t("submit", { reference })} pendingLabel={t("submitting")} />;
}

export function SendInvoiceButton({ invoiceId, reference }: { invoiceId: number; reference: string }) {
  const t = useTranslations("admin.billing.send");
  return <InvoiceButton action={sendInvoiceEmailAction} invoiceId={invoiceId} label={t("submit", { reference })} pendingLabel={t("submitting")} />;
}

export function ManualPaymentForm({ invoiceId, reference, amountDue }: { invoiceId: number; reference: string; amountDue: string }) {
  const t = useTranslations("admin.billing.payment");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(recordManualPaymentAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate aria-label={t("formLabel", { reference })}>
      <input type="hidden" name="invoiceId" value={String(invoiceId)} />
      <Field name="amount" label={t("amount")} inputMode="decimal" defaultValue={submittedValue("amount") ?? amountDue} error={fieldErrors?.amount} />
      <Field name="reference" label={t("reference")} hint={t("referenceHint")} defaultValue={submittedValue("reference")} error={fieldErrors?.reference} />
      <FieldFrame name="method" label={t("method")}>
        {({ id }) => (
          <select id={id} name="method" defaultValue={submittedValue("method") ?? "bank_transfer"} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base">
            <option value="bank_transfer">{t("methods.bank_transfer")}</option>
            <option value="manual">{t("methods.manual")}</option>
          </select>
        )}
      </FieldFrame>
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function RefundToCreditForm({ invoiceId, reference }: { invoiceId: number; reference: string }) {
  const t = useTranslations("admin.billing.refund");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(refundToCreditAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate aria-label={t("formLabel", { reference })}>
      <input type="hidden" name="invoiceId" value={String(invoiceId)} />
      <Field name="amount" label={t("amount")} inputMode="decimal" defaultValue={submittedValue("amount")} error={fieldErrors?.amount} />
      <Field name="reason" label={t("reason")} defaultValue={submittedValue("reason")} error={fieldErrors?.reason} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

const LINE_NUMBERS = [1, 2, 3, 4, 5];

export function NewInvoiceForm({ clientId }: { clientId: number }) {
  const t = useTranslations("admin.billing.create");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(createInvoiceAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="clientId" value={String(clientId)} />
      <FieldFrame name="document" label={t("document")}>
        {({ id }) => (
          <select id={id} name="document" defaultValue={submittedValue("document") ?? "invoice"} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base">
            <option value="invoice">{t("documents.invoice")}</option>
            <option value="quote">{t("documents.quote")}</option>
          </select>
        )}
      </FieldFrame>
      <Field name="subject" label={t("subject")} hint={t("subjectHint")} defaultValue={submittedValue("subject")} error={fieldErrors?.subject} />
      {LINE_NUMBERS.map((n) => (
        <fieldset key={n} className="grid gap-2 sm:grid-cols-[1fr_6rem_8rem]">
          <legend className="sr-only">{t("line", { n })}</legend>
          <Field name={`description${n}`} label={t("description", { n })} defaultValue={submittedValue(`description${n}`)} error={fieldErrors?.[`description${n}`]} />
          <Field name={`quantity${n}`} label={t("quantity")} inputMode="numeric" defaultValue={submittedValue(`quantity${n}`)} error={fieldErrors?.[`quantity${n}`]} />
          <Field name={`unitAmount${n}`} label={t("unitAmount")} inputMode="decimal" defaultValue={submittedValue(`unitAmount${n}`)} error={fieldErrors?.[`unitAmount${n}`]} />
        </fieldset>
      ))}
      <Field name="notes" label={t("notes")} defaultValue={submittedValue("notes")} error={fieldErrors?.notes} />
      <p className="text-sm text-slate-600">{t("taxHint")}</p>
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function UploadClientFileForm({ clientId, hint }: { clientId: number; hint: string }) {
  const t = useTranslations("admin.files");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(uploadClientFileAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="clientId" value={String(clientId)} />
      <Field name="title" label={t("titleField")} defaultValue={submittedValue("title")} error={fieldErrors?.title} />
      <FieldFrame name="file" label={t("file")} hint={hint} error={fieldErrors?.file}>
        {({ id, describedBy }) => (
          <input
            id={id}
            name="file"
            type="file"
            accept=".png,.jpg,.jpeg,.gif,.pdf,.zip,.txt,.log"
            aria-invalid={fieldErrors?.file ? true : undefined}
            aria-describedby={describedBy}
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        )}
      </FieldFrame>
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("uploading")}>{t("upload")}</SubmitButton>
    </form>
  );
}

export function RemoveClientFileButton({ fileId, title }: { fileId: number; title: string }) {
  const t = useTranslations("admin.files");
  const { formAction, formKey, result, fieldErrors } = useRememberingForm(removeClientFileAction);
  return (
    <form key={formKey} action={formAction} className="space-y-2">
      <input type="hidden" name="fileId" value={String(fileId)} />
      <button type="submit" className={SECONDARY}>
        {t("remove", { title })}
      </button>
      <Outcome result={result} fieldErrors={fieldErrors} />
    </form>
  );
}
