"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { FieldFrame } from "@/app/_components/field-frame";
import { FormAlert } from "@/app/_components/form-alert";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { primaryButton, secondaryButton } from "../../../facturacion/_components/styles";
import { requestCancellationAction } from "./actions";

type CancellationType = "immediate" | "end_of_period";

/**
 * "Solicitar cancelación" (§4.1.4): reason, type and the associated domain's renewal. Sending it
 * first opens a dialog saying what will happen; only its confirm button posts the form.
 */
export function CancelForm({ serviceId, domain, endOfPeriodDate, ownsDomain }: { serviceId: number; domain: string; endOfPeriodDate: string | null; ownsDomain: boolean }) {
  const t = useTranslations("services.cancel");
  const tAll = useTranslations();
  const form = useRememberingForm(requestCancellationAction);
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = form;
  const [type, setType] = useState<CancellationType>((submittedValue("type") as CancellationType | undefined) ?? "end_of_period");
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const typeError = fieldErrors?.type;

  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };

  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="serviceId" value={String(serviceId)} />
      <div className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <FieldFrame name="reason" label={t("reason")} hint={t("reasonHint")} error={fieldErrors?.reason}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              name="reason"
              rows={4}
              required
              maxLength={2000}
              defaultValue={submittedValue("reason") ?? ""}
              aria-invalid={fieldErrors?.reason ? true : undefined}
              aria-describedby={describedBy}
              className={`block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 ${
                fieldErrors?.reason ? "border-red-500" : "border-slate-300"
              }`}
            />
          )}
        </FieldFrame>

        <fieldset aria-describedby={typeError ? "cancel-type-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t("type")}</legend>
          <div className="mt-2 space-y-2">
            {(["end_of_period", "immediate"] as const).map((option) => (
              <label key={option} className="flex items-start gap-2 text-sm text-slate-800">
                <input type="radio" name="type" value={option} checked={type === option} onChange={() => setType(option)} className="mt-1" />
                <span>
                  {t(`types.${option}`)}
                  {option === "end_of_period" && endOfPeriodDate && <span className="block text-xs text-slate-600">{t("endOfPeriodDate", { date: endOfPeriodDate })}</span>}
                </span>
              </label>
            ))}
          </div>
          {typeError && (
            <p id="cancel-type-error" role="alert" className="mt-1 text-sm text-red-700">
              {tAll(typeError)}
            </p>
          )}
        </fieldset>

        {ownsDomain && (
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" name="skipDomainRenewal" defaultChecked={submittedValue("skipDomainRenewal") === "on"} className="mt-1" />
            <span>{t("skipDomain", { domain })}</span>
          </label>
        )}
      </div>

      {result && !result.ok && <FormAlert kind="error" message={result.error} />}
      <button ref={trigger} type="button" onClick={() => dialog.current?.showModal()} className={primaryButton}>
        {t("submit")}
      </button>

      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {t("confirmTitle")}
          </h2>
          <div className="space-y-3 text-sm text-slate-700">
            <p>{t(type === "immediate" ? "confirmImmediate" : "confirmEndOfPeriod", { domain })}</p>
            <p>{t("confirmWithdraw")}</p>
          </div>
          <ConfirmButtons confirmLabel={t("confirm")} pendingLabel={t("submitting")} backLabel={t("back")} onBack={close} />
        </div>
      </dialog>
    </form>
  );
}

// Inside the form: the confirm button sends it. After a refusal the form is mounted afresh (its key
// changes), so the dialog is gone and the message shows by the field.
function ConfirmButtons({ confirmLabel, pendingLabel, backLabel, onBack }: { confirmLabel: string; pendingLabel: string; backLabel: string; onBack: () => void }) {
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <button type="button" onClick={onBack} className={secondaryButton} disabled={pending}>
        {backLabel}
      </button>
      <button type="submit" className={primaryButton} disabled={pending} aria-busy={pending}>
        {pending ? pendingLabel : confirmLabel}
      </button>
    </div>
  );
}
