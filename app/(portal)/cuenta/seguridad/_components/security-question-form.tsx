"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/actions";
import { SelectField, type SelectOption } from "../../_components/select-field";
import { changeSecurityQuestionAction } from "./actions";

type FormState = { result: ActionResult; submitted: FormData | null; submission: number } | null;

// Remounted after every submission: empty after a save (the page shows the new question), and after a
// refusal with the choice and the fields that were right.
async function submit(previous: FormState, formData: FormData): Promise<FormState> {
  const result = await changeSecurityQuestionAction(null, formData);
  return { result, submitted: result.ok ? null : formData, submission: (previous?.submission ?? 0) + 1 };
}

type FieldName = "currentAnswer" | "question" | "answer" | "answerConfirmation";

/** Walkthrough §3.3: the current answer (when one is set), a new question from the list, its answer twice. */
export function SecurityQuestionForm({ hasAnswer, questions }: { hasAnswer: boolean; questions: SelectOption[] }) {
  const t = useTranslations("security.question");
  const [state, formAction] = useActionState(submit, null);
  const formRef = useRef<HTMLFormElement>(null);
  const result = state?.result;
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;

  useEffect(() => {
    if (fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [fieldErrors]);

  const kept = (field: FieldName) => {
    const wrong = fieldErrors?.[field] || (field === "answerConfirmation" && fieldErrors?.answer);
    const value = state?.submitted?.get(field);
    return !wrong && typeof value === "string" ? value : "";
  };

  return (
    <form key={state?.submission ?? 0} ref={formRef} action={formAction} className="space-y-4" noValidate>
      {hasAnswer && (
        <Field
          name="currentAnswer"
          label={t("fields.currentAnswer")}
          autoComplete="off"
          hint={t("hints.currentAnswer")}
          defaultValue={kept("currentAnswer")}
          required
          error={fieldErrors?.currentAnswer}
        />
      )}
      <SelectField name="question" label={t("fields.question")} options={questions} defaultValue={kept("question")} required error={fieldErrors?.question} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="answer" label={t("fields.answer")} autoComplete="off" hint={t("hints.answer")} defaultValue={kept("answer")} required error={fieldErrors?.answer} />
        <Field
          name="answerConfirmation"
          label={t("fields.answerConfirmation")}
          autoComplete="off"
          defaultValue={kept("answerConfirmation")}
          required
          error={fieldErrors?.answerConfirmation}
        />
      </div>
      <div className="space-y-3">
        {result && (result.ok ? <FormAlert kind="success" message={result.message ?? "security.question.saved"} /> : <FormAlert kind="error" message={result.error} />)}
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
