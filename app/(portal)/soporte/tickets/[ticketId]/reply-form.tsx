"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { AttachmentsField } from "../../_components/attachments-field";
import { MessageField } from "../../_components/message-field";
import { replyTicketAction } from "./actions";

/** "Responder": a message and files; on a closed ticket it says that replying re-opens it. */
export function ReplyForm({ ticketId, closed, attachmentsHint, acceptsAttachments }: { ticketId: number; closed: boolean; attachmentsHint: string; acceptsAttachments: boolean }) {
  const t = useTranslations("support.reply");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(replyTicketAction);
  const formError = result && !result.ok && !fieldErrors ? result.error : undefined;
  return (
    <section aria-labelledby="ticket-reply" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="ticket-reply" className="mb-3 text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      {closed && <p className="mb-3 text-sm text-slate-600">{t("reopenHint")}</p>}
      <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="ticketId" value={String(ticketId)} />
        <MessageField label={t("message")} rows={6} defaultValue={submittedValue("message")} error={fieldErrors?.message} />
        {acceptsAttachments && <AttachmentsField hint={attachmentsHint} error={fieldErrors?.attachments} />}
        {formError && <FormAlert kind="error" message={formError} />}
        {result?.ok && result.message && <FormAlert kind="success" message={result.message} />}
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </form>
    </section>
  );
}
