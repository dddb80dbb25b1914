import { Heading, Text } from "@react-email/components";
import { LOCALE_TAGS, toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailLayout, textStyles } from "./components/layout";

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
  // Spell the time zone out: the customer reads this to judge whether the change was theirs.
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
    <EmailLayout locale={lang} preview={t("email.passwordChanged.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("email.passwordChanged.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.passwordChanged.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>
        {t("email.passwordChanged.body", { when: formattedWhen, ip: ip || t("email.passwordChanged.unknownIp") })}
      </Text>
      <Text style={textStyles.paragraph}>{t("email.passwordChanged.sessions")}</Text>
      <Text style={textStyles.small}>{t("email.passwordChanged.notYou")}</Text>
    </EmailLayout>
  );
}

PasswordChangedEmail.PreviewProps = previewProps;
