"use client";

import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { browserPasskeyErrorKey } from "@/lib/auth/passkeys-browser";
import { passkeySignInAction, passkeySignInOptionsAction } from "./passkey-actions";

/**
 * "Iniciar sesión con una llave de acceso": the browser lists the passkeys it holds for this site, the
 * person picks one and confirms with fingerprint, face or PIN; no email, password or code is typed.
 */
export function PasskeySignIn() {
  const t = useTranslations("passkeys.signIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const signInWithPasskey = () => {
    setError(null);
    startTransition(async () => {
      if (!browserSupportsWebAuthn()) {
        setError("passkeys.errors.unsupported");
        return;
      }
      const started = await passkeySignInOptionsAction();
      if (!started.ok || !started.data) {
        setError(started.ok ? "passkeys.errors.verificationFailed" : started.error);
        return;
      }
      let response;
      try {
        response = await startAuthentication({ optionsJSON: started.data });
      } catch (failure) {
        setError(browserPasskeyErrorKey(failure));
        return;
      }
      // Navigates to the dashboard on success; only a refusal comes back.
      const result = await passkeySignInAction(JSON.stringify(response));
      if (!result.ok) setError(result.error);
    });
  };

  return (
    <div className="mt-6 space-y-3 border-t border-slate-200 pt-5" data-passkey-sign-in>
      <p className="text-center text-sm text-slate-500">{t("or")}</p>
      {error && <FormAlert kind="error" message={error} />}
      <button
        type="button"
        onClick={signInWithPasskey}
        disabled={pending}
        aria-busy={pending}
        className="inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? t("pending") : t("button")}
      </button>
    </div>
  );
}
