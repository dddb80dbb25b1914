import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { formatNoticeTime, SecurityNotice } from "./components/security-notice";

export type EmailChangeNoticeEmailProps = {
  name: string;
  newEmail: string;
  /** When it was asked for; an ISO string keeps the props serializable for previews. */
  when: Date | string;
  ip: string | null;
  locale?: string;
};

const previewProps: EmailChangeNoticeEmailProps = {
  name: "María",
  newEmail: "maria.nueva@example.com",
  when: "2026-03-14T09:30:00.000Z",
  ip: "203.0.113.7",
  locale: "es",
};

/** Sent to the OLD address: a heads-up with no link, so a stolen password cannot quietly move the account. */
export default function EmailChangeNoticeEmail({
  name = previewProps.name,
  newEmail = previewProps.newEmail,
  when = previewProps.when,
  ip = previewProps.ip,
  locale = previewProps.locale,
}: Partial<EmailChangeNoticeEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <SecurityNotice
      locale={lang}
      preview={t("account.emails.emailChangeNotice.preview")}
      heading={t("account.emails.emailChangeNotice.heading")}
      greeting={t("account.emails.emailChangeNotice.greeting", { name })}
      body={t("account.emails.emailChangeNotice.body", {
        newEmail,
        when: formatNoticeTime(lang, when),
        ip: ip || t("account.emails.emailChangeNotice.unknownIp"),
      })}
      advice={t("account.emails.emailChangeNotice.untilConfirmed")}
      notYou={t("account.emails.emailChangeNotice.notYou")}
    />
  );
}

EmailChangeNoticeEmail.PreviewProps = previewProps;
