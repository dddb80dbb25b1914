"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { FieldFrame } from "@/app/_components/field-frame";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { AttachmentsField } from "@/app/(portal)/soporte/_components/attachments-field";
import { TICKET_PRIORITIES } from "@/lib/support/ticket-priorities";
import { mergeTicketAction, staffReplyAction, ticketNoteAction, ticketPropertiesAction } from "./actions";

const INPUT = "block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none";

function TextArea({ name, label, rows = 6, defaultValue, error }: { name: string; label: string; rows?: number; defaultValue?: string; error?: string }) {
  return (
    <FieldFrame name={name} label={label} error={error}>
      {({ id, describedBy }) => (
        <textarea id={id} name={name} rows={rows} required defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={`${INPUT} ${error ? "border-red-500" : ""}`} />
      )}
    </FieldFrame>
  );
}

function Select({ name, label, defaultValue, options, error }: { name: string; label: string; defaultValue: string; options: { value: string; label: string }[]; error?: string }) {
  return (
    <FieldFrame name={name} label={label} error={error}>
      {({ id, describedBy }) => (
        <select id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={INPUT}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

function Outcome({ result, fieldErrors }: { result: ReturnType<typeof useRememberingForm>["result"]; fieldErrors?: Record<string, string> }) {
  if (!result) return null;
  if (result.ok) return result.message ? <FormAlert kind="success" message={result.message} /> : null;
  return fieldErrors ? null : <FormAlert kind="error" message={result.error} />;
}

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {hint && <p className="mt-1 text-sm text-slate-600">{hint}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}

export function StaffReplyForm({
  ticketId,
  statuses,
  cannedReplies,
  attachmentsHint,
}: {
  ticketId: number;
  statuses: readonly string[];
  cannedReplies: { id: number; title: string; body: string }[];
  attachmentsHint: string;
}) {
  const t = useTranslations("admin.ticket.reply");
  const statusLabel = useTranslations("support.ticketStatus");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(staffReplyAction);
  const cannedRef = useRef<HTMLSelectElement>(null);
  const insertCanned = () => {
    const chosen = cannedReplies.find((reply) => String(reply.id) === cannedRef.current?.value);
    const message = formRef.current?.querySelector<HTMLTextAreaElement>('textarea[name="message"]');
    if (!chosen || !message) return;
    message.value = message.value ? `${message.value}\n\n${chosen.body}` : chosen.body;
    message.focus();
  };
  return (
    <Section id="staff-reply" title={t("title")}>
      <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="ticketId" value={String(ticketId)} />
        {cannedReplies.length > 0 && (
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
              <label htmlFor="canned-reply">{t("canned")}</label>
              <select id="canned-reply" ref={cannedRef} className={INPUT} defaultValue="">
                <option value="">{t("cannedNone")}</option>
                {cannedReplies.map((reply) => (
                  <option key={reply.id} value={reply.id}>
                    {reply.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" onClick={insertCanned} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-50">
              {t("insert")}
            </button>
          </div>
        )}
        <TextArea name="message" label={t("message")} rows={8} defaultValue={submittedValue("message")} error={fieldErrors?.message} />
        <AttachmentsField hint={attachmentsHint} error={fieldErrors?.attachments} />
        <Select
          name="statusAfter"
          label={t("statusAfter")}
          defaultValue={submittedValue("statusAfter") ?? "answered"}
          options={statuses.map((status) => ({ value: status, label: statusLabel(status) }))}
          error={fieldErrors?.statusAfter}
        />
        <Outcome result={result} fieldErrors={fieldErrors} />
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </form>
    </Section>
  );
}

export function TicketNoteForm({ ticketId }: { ticketId: number }) {
  const t = useTranslations("admin.ticket.note");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(ticketNoteAction);
  return (
    <Section id="staff-note" title={t("title")} hint={t("hint")}>
      <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="ticketId" value={String(ticketId)} />
        <TextArea name="note" label={t("message")} rows={3} defaultValue={submittedValue("note")} error={fieldErrors?.note} />
        <Outcome result={result} fieldErrors={fieldErrors} />
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </form>
    </Section>
  );
}

export function TicketPropertiesForm({
  ticket,
  statuses,
  departments,
  staff,
}: {
  statuses: readonly string[];
  ticket: { id: number; status: string; priority: string; departmentId: number; assignedStaffUserId: number | null };
  departments: { id: number; name: string }[];
  staff: { id: number; name: string }[];
}) {
  const t = useTranslations("admin.ticket.properties");
  const statusLabel = useTranslations("support.ticketStatus");
  const priorityLabel = useTranslations("support.priority");
  const { formAction, formRef, formKey, result, fieldErrors } = useRememberingForm(ticketPropertiesAction);
  return (
    <Section id="staff-properties" title={t("title")}>
      <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
        <input type="hidden" name="ticketId" value={String(ticket.id)} />
        <Select name="status" label={t("status")} defaultValue={ticket.status} options={statuses.map((value) => ({ value, label: statusLabel(value) }))} error={fieldErrors?.status} />
        <Select name="priority" label={t("priority")} defaultValue={ticket.priority} options={TICKET_PRIORITIES.map((value) => ({ value, label: priorityLabel(value) }))} error={fieldErrors?.priority} />
        <Select
          name="departmentId"
          label={t("department")}
          defaultValue={String(ticket.departmentId)}
          options={departments.map((department) => ({ value: String(department.id), label: department.name }))}
          error={fieldErrors?.departmentId}
        />
        <Select
          name="assignedStaffUserId"
          label={t("assigned")}
          defaultValue={ticket.assignedStaffUserId ? String(ticket.assignedStaffUserId) : ""}
          options={[{ value: "", label: t("assignNone") }, ...staff.map((member) => ({ value: String(member.id), label: member.name }))]}
          error={fieldErrors?.assignedStaffUserId}
        />
        <Outcome result={result} fieldErrors={fieldErrors} />
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </form>
    </Section>
  );
}

export function MergeTicketForm({ ticketId }: { ticketId: number }) {
  const t = useTranslations("admin.ticket.merge");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(mergeTicketAction);
  return (
    <Section id="staff-merge" title={t("title")} hint={t("hint")}>
      <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
        <input type="hidden" name="ticketId" value={String(ticketId)} />
        <FieldFrame name="targetReference" label={t("reference")} error={fieldErrors?.targetReference}>
          {({ id, describedBy }) => (
            <input
              id={id}
              name="targetReference"
              inputMode="numeric"
              defaultValue={submittedValue("targetReference")}
              aria-invalid={fieldErrors?.targetReference ? true : undefined}
              aria-describedby={describedBy}
              className={INPUT}
            />
          )}
        </FieldFrame>
        <Outcome result={result} fieldErrors={fieldErrors} />
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </form>
    </Section>
  );
}
