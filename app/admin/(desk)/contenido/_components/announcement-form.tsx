"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { deleteAnnouncementAction, saveAnnouncementAction } from "../actions";
import { BodyField } from "./body-field";
import { CheckboxField, ConfirmDeleteButton, Outcome } from "./form-bits";

export type AnnouncementDraft = { id: number; title: string; body: string; publishedAtInput: string; published: boolean };

/** New (no `announcement`) or edit. The date is Madrid time; customers see it from then on if published. */
export function AnnouncementForm({ announcement, nowInput }: { announcement?: AnnouncementDraft; nowInput: string }) {
  const t = useTranslations("adminContent.announcements");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(saveAnnouncementAction);
  const failed = result && !result.ok;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <input type="hidden" name="id" value={announcement ? String(announcement.id) : ""} />
      <Field name="title" label={t("titleField")} defaultValue={submittedValue("title") ?? announcement?.title} error={fieldErrors?.title} />
      <BodyField kind="announcement" defaultValue={submittedValue("body") ?? announcement?.body} error={fieldErrors?.body} />
      <Field
        name="publishedAt"
        type="datetime-local"
        label={t("publishedAt")}
        hint={t("publishedAtHint")}
        defaultValue={submittedValue("publishedAt") ?? announcement?.publishedAtInput ?? nowInput}
        error={fieldErrors?.publishedAt}
      />
      <CheckboxField name="published" label={t("published")} hint={t("publishedHint")} defaultChecked={failed ? submittedValue("published") === "on" : (announcement?.published ?? true)} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("saving")}>{announcement ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}

export function DeleteAnnouncementButton({ id, title }: { id: number; title: string }) {
  const t = useTranslations("adminContent.announcements");
  return <ConfirmDeleteButton action={deleteAnnouncementAction} id={id} label={t("delete", { title })} question={t("deleteQuestion", { title })} confirmLabel={t("deleteConfirm")} />;
}
