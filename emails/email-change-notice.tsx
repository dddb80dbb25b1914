import { Heading, Text } from "@react-email/components";
import { LOCALE_TAGS, toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailLayout, textStyles } from "./components/layout";

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
  // Spell the time zone out: the customer reads this to judge whether the request was theirs.
  const formattedWhen = new Intl.DateTimeFormat(LOCALE_TAGS[lang], {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Madrid",
    timeZoneName: "short",
  }).format(new Date(when));
  return (
    <EmailLayout locale={lang} preview={t("account.emails.emailChangeNotice.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("account.emails.emailChangeNotice.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("account.emails.emailChangeNotice.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>
        {t("account.emails.emailChangeNotice.body", { newEmail, when: formattedWhen, ip: ip || t("account.emails.emailChangeNotice.unknownIp") })}
      </Text>
      <Text style={textStyles.paragraph}>{t("account.emails.emailChangeNotice.untilConfirmed")}</Text>
      <Text style={textStyles.small}>{t("account.emails.emailChangeNotice.notYou")}</Text>
    </EmailLayout>
  );
}

EmailChangeNoticeEmail.PreviewProps = previewProps;
