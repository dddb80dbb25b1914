"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { saveNameserversAction } from "../actions";

const FIELDS = ["ns1", "ns2", "ns3", "ns4", "ns5"] as const;

/** Default name servers or 2 to 5 custom ones; each box gets its own message, the registrar's refusal sits above the button. */
export function NameserversForm({ domainId, useDefault, current, defaults }: { domainId: number; useDefault: boolean; current: string[]; defaults: string[] }) {
  const t = useTranslations("domainManage.nameservers");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(saveNameserversAction);
  const initialMode = submittedValue("mode") ?? (useDefault ? "default" : "custom");
  return <FormBody key={formKey} {...{ t, formAction, formRef, result, fieldErrors, submittedValue, domainId, initialMode, current, defaults }} />;
}

function FormBody({
  t,
  formAction,
  formRef,
  result,
  fieldErrors,
  submittedValue,
  domainId,
  initialMode,
  current,
  defaults,
}: {
  t: ReturnType<typeof useTranslations>;
  formAction: (formData: FormData) => void;
  formRef: React.RefObject<HTMLFormElement | null>;
  result: ReturnType<typeof useRememberingForm>["result"];
  fieldErrors: Record<string, string> | undefined;
  submittedValue: (field: string) => string | undefined;
  domainId: number;
  initialMode: string;
  current: string[];
  defaults: string[];
}) {
  const [mode, setMode] = useState(initialMode);
  const radio = "h-4 w-4 border-slate-300 text-brand-600 focus:ring-brand-600";
  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="domainId" value={String(domainId)} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("choice")}</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="mode" value="default" checked={mode === "default"} onChange={() => setMode("default")} className={`mt-0.5 ${radio}`} />
          <span>
            <span className="font-medium text-slate-900">{t("useDefault")}</span>
            <span className="block break-all text-slate-500">{t("useDefaultHint", { list: defaults.join(", ") })}</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="mode" value="custom" checked={mode === "custom"} onChange={() => setMode("custom")} className={`mt-0.5 ${radio}`} />
          <span>
            <span className="font-medium text-slate-900">{t("useCustom")}</span>
            <span className="block text-slate-500">{t("useCustomHint")}</span>
          </span>
        </label>
      </fieldset>
      {mode === "custom" && (
        <div className="grid gap-4 sm:grid-cols-2">
          {FIELDS.map((field, index) => (
            <Field
              key={field}
              name={field}
              label={t("field", { number: index + 1 })}
              autoComplete="off"
              defaultValue={submittedValue(field) ?? current[index] ?? ""}
              required={index < 2}
              error={fieldErrors?.[field]}
            />
          ))}
        </div>
      )}
      {result && (result.ok ? <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{t("saved")}</p> : <FormAlert kind="error" message={result.error} />)}
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
