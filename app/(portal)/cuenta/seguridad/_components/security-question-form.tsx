"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { SelectField, type SelectOption } from "../../_components/select-field";
import { changeSecurityQuestionAction } from "./actions";

type FieldName = "currentAnswer" | "question" | "answer" | "answerConfirmation";

/** Walkthrough §3.3: the current answer (when one is set), a new question from the list, its answer twice. */
export function SecurityQuestionForm({ hasAnswer, questions }: { hasAnswer: boolean; questions: SelectOption[] }) {
  const t = useTranslations("security.question");
  // Empty after a save (the page shows the new question); after a refusal with the fields that were right.
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(changeSecurityQuestionAction);

  const kept = (field: FieldName) => {
    const wrong = fieldErrors?.[field] || (field === "answerConfirmation" && fieldErrors?.answer);
    return wrong ? "" : (submittedValue(field) ?? "");
  };

  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
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
