"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitationForm({ token, email: loginEmail, name }: { token: string; email: string; name: string }) {
  const t = useTranslations("contacts.invitation");
  const form = useRememberingForm(acceptInvitationAction);
  const { formAction, formRef, formKey, result } = form;

  if (result?.ok) {
    const email = result.data?.email ?? loginEmail;
    return (
      <div className="space-y-4">
        <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm break-words text-green-800">
          {t("done", { email })}
        </div>
        <Link
          href="/acceder"
          className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  }

  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      {result && !result.ok && <FormAlert kind="error" message={result.error} />}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields
        labels={{ password: t("password"), confirmation: t("passwordConfirmation") }}
        hint={t("passwordHint")}
        email={loginEmail}
        personName={name}
        form={form}
      />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
