"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { createIncidentAction, postIncidentUpdateAction, resolveIncidentAction } from "../actions";
import { Outcome, SelectField, TextAreaField } from "./form-bits";

const OPEN_STATUSES = ["reported", "investigating", "in_progress", "outage", "scheduled"] as const;
const PRIORITIES = ["low", "medium", "high", "critical"] as const;

function useStatusOptions() {
  const t = useTranslations("knowledge.status.issueStatus");
  return OPEN_STATUSES.map((status) => ({ value: status, label: t(status) }));
}

export function NewIncidentForm({ servers, nowInput }: { servers: { id: number; name: string; hostname: string }[]; nowInput: string }) {
  const t = useTranslations("adminContent.incidents");
  const statusOptions = useStatusOptions();
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(createIncidentAction);
  const submitted = result && !result.ok ? submittedValue : () => undefined;
  // The ticked servers, kept across a refusal like the other fields (submittedValue holds one value per name).
  const [tickedOnSubmit, setTickedOnSubmit] = useState<string[]>([]);
  const ticked = (id: number) => Boolean(result && !result.ok) && tickedOnSubmit.includes(String(id));
  return (
    <form
      key={formKey}
      ref={formRef}
      action={formAction}
      onSubmit={(event) => setTickedOnSubmit(new FormData(event.currentTarget).getAll("serverIds").map(String))}
      className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      noValidate
    >
      <Field name="title" label={t("titleField")} defaultValue={submitted("title")} error={fieldErrors?.title} />
      <TextAreaField name="description" label={t("descriptionField")} hint={t("descriptionHint")} defaultValue={submitted("description")} error={fieldErrors?.description} rows={5} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="status" label={t("status")} defaultValue={submitted("status") ?? "investigating"} error={fieldErrors?.status} options={statusOptions} />
        <SelectField
          name="priority"
          label={t("priority")}
          defaultValue={submitted("priority") ?? "medium"}
          error={fieldErrors?.priority}
          options={PRIORITIES.map((priority) => ({ value: priority, label: t(`priorities.${priority}`) }))}
        />
        <Field name="startsAt" type="datetime-local" label={t("startsAt")} hint={t("madridTime")} defaultValue={submitted("startsAt") ?? nowInput} error={fieldErrors?.startsAt} />
        <Field name="endsAt" type="datetime-local" label={t("endsAt")} hint={t("endsAtHint")} defaultValue={submitted("endsAt")} error={fieldErrors?.endsAt} />
      </div>
      <fieldset className="space-y-2" aria-describedby={fieldErrors?.serverIds ? "field-serverIds-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t("servers")}</legend>
        {servers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noServers")}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {servers.map((server) => (
              <li key={server.id}>
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="serverIds" value={String(server.id)} defaultChecked={ticked(server.id)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                  <span className="min-w-0 break-words">
                    {server.name} <span className="text-slate-500">({server.hostname})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {fieldErrors?.serverIds && <ServersError message={fieldErrors.serverIds} />}
      </fieldset>
      <p className="text-sm text-slate-600">{t("noticeHint")}</p>
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("saving")}>{t("create")}</SubmitButton>
    </form>
  );
}

function ServersError({ message }: { message: string }) {
  const t = useTranslations();
  return (
    <p id="field-serverIds-error" className="text-sm text-red-700" role="alert">
      {t(message)}
    </p>
  );
}

export function IncidentUpdateForm({ issueId, status }: { issueId: number; status: string }) {
  const t = useTranslations("adminContent.incidents");
  const statusOptions = useStatusOptions();
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(postIncidentUpdateAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-4" noValidate>
      <input type="hidden" name="issueId" value={String(issueId)} />
      <SelectField name="status" label={t("newStatus")} defaultValue={submittedValue("status") ?? status} error={fieldErrors?.status} options={statusOptions} />
      <TextAreaField name="message" label={t("message")} defaultValue={submittedValue("message")} error={fieldErrors?.message} rows={4} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("saving")}>{t("postUpdate")}</SubmitButton>
    </form>
  );
}

export function ResolveIncidentForm({ issueId }: { issueId: number }) {
  const t = useTranslations("adminContent.incidents");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(resolveIncidentAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-4" noValidate>
      <input type="hidden" name="issueId" value={String(issueId)} />
      <TextAreaField name="resolution" label={t("resolution")} defaultValue={submittedValue("resolution") ?? t("resolutionDefault")} error={fieldErrors?.resolution} rows={3} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("saving")} className="!bg-green-700 hover:!bg-green-800">
        {t("resolve")}
      </SubmitButton>
    </form>
  );
}
