"use client";

import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/actions";
import { browserPasskeyErrorKey } from "@/lib/auth/passkeys-browser";
import { finishPasskeyRegistrationAction, startPasskeyRegistrationAction } from "./passkey-actions";

type AddState = (ActionResult & { name?: string }) | null;

/**
 * "Añadir una llave de acceso": a name and the current password; then the browser asks the device to
 * create the passkey (fingerprint, face or PIN) and the server checks and keeps it.
 */
export function AddPasskeyForm() {
  const t = useTranslations("passkeys.add");
  const [state, formAction] = useActionState(async (previous: AddState, formData: FormData): Promise<AddState> => {
    if (!browserSupportsWebAuthn()) return { ok: false, error: "passkeys.errors.unsupported" };
    const started = await startPasskeyRegistrationAction(null, formData);
    if (!started.ok) return started;
    if (!started.data) return { ok: false, error: "passkeys.errors.verificationFailed" };
    const name = String(formData.get("passkeyName") ?? "").trim();
    let response;
    try {
      response = await startRegistration({ optionsJSON: started.data });
    } catch (failure) {
      return { ok: false, error: browserPasskeyErrorKey(failure) };
    }
    const finished = await finishPasskeyRegistrationAction({ name, response: JSON.stringify(response) });
    if (!finished.ok) return finished.fieldErrors?.name ? { ok: false, error: "errors.checkFields", fieldErrors: { passkeyName: finished.fieldErrors.name } } : finished;
    return { ...finished, name };
  }, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form action={formAction} className="space-y-4 rounded-md border border-slate-200 p-4" noValidate data-add-passkey>
      <h3 className="text-sm font-semibold text-slate-900">{t("title")}</h3>
      {state?.ok && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("done", { name: state.name ?? "" })}
        </div>
      )}
      {state && !state.ok && !fieldErrors && <FormAlert kind="error" message={state.error} />}
      <Field name="passkeyName" label={t("name")} hint={t("nameHint")} autoComplete="off" required error={fieldErrors?.passkeyName} />
      <Field
        name="passkeyPassword"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="current-password"
        required
        error={fieldErrors?.passkeyPassword}
      />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
