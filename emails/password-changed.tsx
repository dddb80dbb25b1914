import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { formatNoticeTime, SecurityNotice } from "./components/security-notice";

export type PasswordChangedEmailProps = {
  name: string;
  /** When the change happened; an ISO string keeps the props serializable for previews. */
  when: Date | string;
  ip: string | null;
  locale?: string;
};

const previewProps: PasswordChangedEmailProps = {
  name: "María",
  when: "2026-03-14T09:30:00.000Z",
  ip: "203.0.113.7",
  locale: "es",
};

export default function PasswordChangedEmail({
  name = previewProps.name,
  when = previewProps.when,
  ip = previewProps.ip,
  locale = previewProps.locale,
}: Partial<PasswordChangedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <SecurityNotice
      locale={lang}
      preview={t("email.passwordChanged.preview")}
      heading={t("email.passwordChanged.heading")}
      greeting={t("email.passwordChanged.greeting", { name })}
      body={t("email.passwordChanged.body", { when: formatNoticeTime(lang, when), ip: ip || t("email.passwordChanged.unknownIp") })}
      advice={t("email.passwordChanged.sessions")}
      notYou={t("email.passwordChanged.notYou")}
    />
  );
}

PasswordChangedEmail.PreviewProps = previewProps;
