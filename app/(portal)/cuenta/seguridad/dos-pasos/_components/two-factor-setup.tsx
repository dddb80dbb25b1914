"use client";

import { Fragment, useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { confirmTwoFactorAction } from "../actions";
import { BackupCodes } from "./backup-codes";

type TwoFactorSetupProps = {
  qrDataUrl: string;
  secret: string;
  setupToken: string;
  issuer: string;
  email: string;
};

/** Scan, type the code, and (once it is right) the backup codes in place of the form. */
export function TwoFactorSetup({ qrDataUrl, secret, setupToken, issuer, email }: TwoFactorSetupProps) {
  const t = useTranslations("twoFactor.setup");
  const [state, formAction] = useActionState(confirmTwoFactorAction, null);
  if (state?.ok && state.data) return <BackupCodes codes={state.data.backupCodes} issuer={issuer} email={email} />;

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const step = "flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white";
  return (
    <ol className="space-y-6">
      <li className="flex gap-3">
        <span className={step} aria-hidden="true">1</span>
        <p className="pt-0.5 text-sm text-slate-700">{t("stepApp")}</p>
      </li>
      <li className="flex gap-3">
        <span className={step} aria-hidden="true">2</span>
        <div className="min-w-0 flex-1 space-y-3">
          <p className="pt-0.5 text-sm text-slate-700">{t("stepScan")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server; next/image has nothing to optimise */}
          <img src={qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="size-48 rounded-md border border-slate-200 bg-white sm:size-52" />
          <div className="space-y-1">
            <p className="text-sm text-slate-700">{t("manualEntry")}</p>
            {/* Groups of four, wrapped only between groups, as people type it from the screen. */}
            <p className="font-mono text-base tracking-wider text-slate-900 select-all" data-testid="totp-secret">
              {secret.match(/.{1,4}/g)?.map((group, index) => (
                <Fragment key={index}>
                  {index > 0 && " "}
                  <span className="whitespace-nowrap">{group}</span>
                </Fragment>
              ))}
            </p>
            <p className="text-xs text-slate-500">{t("manualEntryHint")}</p>
          </div>
        </div>
      </li>
      <li className="flex gap-3">
        <span className={step} aria-hidden="true">3</span>
        <form action={formAction} className="min-w-0 flex-1 space-y-4" noValidate>
          <p className="pt-0.5 text-sm text-slate-700">{t("stepCode")}</p>
          {state && !state.ok && !fieldErrors && <FormAlert kind="error" message={state.error} />}
          <input type="hidden" name="setupToken" value={setupToken} />
          <div className="max-w-xs">
            <Field name="code" label={t("code")} autoComplete="one-time-code" inputMode="numeric" required error={fieldErrors?.code} />
          </div>
          <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
        </form>
      </li>
    </ol>
  );
}
