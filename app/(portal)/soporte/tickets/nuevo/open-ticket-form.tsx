"use client";

import { useTranslations } from "next-intl";
import { FieldFrame } from "@/app/_components/field-frame";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import type { RelatedOption } from "@/lib/support/open-ticket";
import { TICKET_PRIORITIES } from "@/lib/support/ticket-priorities";
import { AttachmentsField } from "../../_components/attachments-field";
import { MessageField } from "../../_components/message-field";
import { openTicketAction } from "./actions";
import { SubjectWithSuggestions } from "./subject-with-suggestions";

const selectStyle = (error?: string) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none ${
    error ? "border-red-500" : "border-slate-300"
  }`;

export function OpenTicketForm({ departmentId, related, attachmentsHint }: { departmentId: number; related: RelatedOption[]; attachmentsHint: string | null }) {
  const t = useTranslations("support");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(openTicketAction);
  const formError = result && !result.ok ? (fieldErrors?.departmentId ?? (fieldErrors ? undefined : result.error)) : undefined;
  const services = related.filter((option) => option.kind === "service");
  const domains = related.filter((option) => option.kind === "domain");
  return (
    <form key={formKey} ref={formRef} action={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6" noValidate>
      <input type="hidden" name="departmentId" value={String(departmentId)} />
      <SubjectWithSuggestions defaultValue={submittedValue("subject")} error={fieldErrors?.subject} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FieldFrame name="related" label={t("open.related")} error={fieldErrors?.related}>
          {({ id, describedBy }) => (
            <select id={id} name="related" defaultValue={submittedValue("related") ?? ""} aria-invalid={fieldErrors?.related ? true : undefined} aria-describedby={describedBy} className={selectStyle(fieldErrors?.related)}>
              <option value="">{t("open.relatedNone")}</option>
              {services.length > 0 && (
                <optgroup label={t("open.relatedServices")}>
                  {services.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              )}
              {domains.length > 0 && (
                <optgroup label={t("open.relatedDomains")}>
                  {domains.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          )}
        </FieldFrame>
        <FieldFrame name="priority" label={t("open.priority")} error={fieldErrors?.priority}>
          {({ id, describedBy }) => (
            <select id={id} name="priority" defaultValue={submittedValue("priority") ?? "medium"} aria-describedby={describedBy} className={selectStyle(fieldErrors?.priority)}>
              {TICKET_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </div>
      <MessageField label={t("open.message")} defaultValue={submittedValue("message")} error={fieldErrors?.message} />
      {attachmentsHint !== null && <AttachmentsField hint={attachmentsHint} error={fieldErrors?.attachments} />}
      {formError && <FormAlert kind="error" message={formError} />}
      <SubmitButton pendingLabel={t("open.submitting")}>{t("open.submit")}</SubmitButton>
    </form>
  );
}
