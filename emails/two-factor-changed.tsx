import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { formatNoticeTime, SecurityNotice } from "./components/security-notice";

export type TwoFactorChange = "enabled" | "disabled" | "backupCodesRegenerated";

export type TwoFactorChangedEmailProps = {
  name: string;
  change: TwoFactorChange;
  /** When the change happened; an ISO string keeps the props serializable for previews. */
  when: Date | string;
  ip: string | null;
  locale?: string;
};

const previewProps: TwoFactorChangedEmailProps = {
  name: "María",
  change: "disabled",
  when: "2026-03-14T09:30:00.000Z",
  ip: "203.0.113.7",
  locale: "es",
};

/** Sent whenever two-step verification is switched on or off or its backup codes are replaced. */
export default function TwoFactorChangedEmail({
  name = previewProps.name,
  change = previewProps.change,
  when = previewProps.when,
  ip = previewProps.ip,
  locale = previewProps.locale,
}: Partial<TwoFactorChangedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <SecurityNotice
      locale={lang}
      preview={t(`email.twoFactorChanged.${change}.preview`)}
      heading={t(`email.twoFactorChanged.${change}.heading`)}
      greeting={t("email.twoFactorChanged.greeting", { name })}
      body={t(`email.twoFactorChanged.${change}.body`, { when: formatNoticeTime(lang, when), ip: ip || t("email.twoFactorChanged.unknownIp") })}
      advice={t(`email.twoFactorChanged.${change}.advice`)}
      notYou={t("email.twoFactorChanged.notYou")}
    />
  );
}

TwoFactorChangedEmail.PreviewProps = previewProps;
