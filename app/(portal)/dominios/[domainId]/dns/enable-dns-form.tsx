"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { enableDnsAction } from "./actions";

export function EnableDnsForm({ domainId }: { domainId: number }) {
  const t = useTranslations("dns.editor");
  const [result, formAction] = useActionState(enableDnsAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="domainId" value={String(domainId)} />
      {result && !result.ok && <FormAlert kind="error" message={result.error} />}
      <SubmitButton pendingLabel={t("enabling")}>{t("enable")}</SubmitButton>
    </form>
  );
}
