"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/actions";
import { twoFactorSignInAction } from "./actions";

/** Step 2 of signing in: the code from the authenticator app, or one of the backup codes. */
export function TwoFactorCodeForm({ pendingToken }: { pendingToken: string }) {
  const t = useTranslations("twoFactor.signIn");
  const [state, formAction] = useActionState<ActionResult | null, FormData>(twoFactorSignInAction, null);
  const [backup, setBackup] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const expired = state && !state.ok && state.error === "twoFactor.errors.signInExpired";

  useEffect(() => {
    // The password step is gone from the screen: put the cursor where the code goes.
    formRef.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
  }, [backup, state]);

  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate>
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{backup ? t("backupIntro") : t("intro")}</p>
      </div>
      {state && !state.ok && !fieldErrors && <FormAlert kind="error" message={state.error} />}
      <input type="hidden" name="pendingToken" value={pendingToken} />
      {/* Keyed so switching between app code and backup code starts from an empty, correctly typed field. */}
      <Field
        key={backup ? "backup" : "app"}
        name="code"
        label={backup ? t("backupCode") : t("code")}
        autoComplete={backup ? "off" : "one-time-code"}
        inputMode={backup ? "text" : "numeric"}
        required
        error={fieldErrors?.code}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex flex-col gap-2 text-sm">
          <button type="button" onClick={() => setBackup(!backup)} className="text-left text-brand-700 underline-offset-2 hover:underline">
            {backup ? t("useApp") : t("useBackupCode")}
          </button>
          {/* A full reload: the password step starts afresh, with a new pending token. */}
          <a href="/acceder" className={`underline-offset-2 hover:underline ${expired ? "font-semibold text-brand-700" : "text-slate-600"}`}>
            {t("startOver")}
          </a>
        </div>
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
