"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { primaryButton } from "../_components/styles";
import { addFundsAction } from "./actions";

type FormState = { result: Awaited<ReturnType<typeof addFundsAction>>; amount: string; submission: number } | null;

// React resets the form after an action; the typed amount is put back when the server refuses it.
async function submit(previous: FormState, formData: FormData): Promise<FormState> {
  const result = await addFundsAction(null, formData);
  const amount = formData.get("amount");
  return { result, amount: typeof amount === "string" ? amount : "", submission: (previous?.submission ?? 0) + 1 };
}

export function AddFundsForm({ hint }: { hint: string }) {
  const t = useTranslations("billing.addFunds");
  const [state, formAction, pending] = useActionState(submit, null);
  const result = state?.result;
  const fieldError = result && !result.ok ? result.fieldErrors?.amount : undefined;
  const formError = result && !result.ok && !fieldError ? result.error : undefined;
  return (
    <form key={state?.submission ?? 0} action={formAction} className="space-y-4" noValidate>
      <Field
        name="amount"
        label={t("amountLabel")}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={state?.amount ?? ""}
        required
        hint={hint}
        error={fieldError}
      />
      {formError && <FormAlert kind="error" message={formError} />}
      <button type="submit" disabled={pending} aria-busy={pending} className={primaryButton}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
