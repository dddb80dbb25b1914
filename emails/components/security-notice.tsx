import { Heading, Text } from "@react-email/components";
import { LOCALE_TAGS, type Locale } from "@/lib/i18n/locales";
import { EmailLayout, textStyles } from "./layout";

/** Spells the Madrid time zone out: the customer reads this to judge whether the change was theirs. */
export function formatNoticeTime(locale: Locale, when: Date | string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Madrid",
    timeZoneName: "short",
  }).format(new Date(when));
}

type SecurityNoticeProps = {
  locale: Locale;
  preview: string;
  heading: string;
  greeting: string;
  body: string;
  advice: string;
  notYou: string;
};

/** The shape shared by account-security heads-ups: what happened, when and from where, and what to do if it was not them. */
export function SecurityNotice({ locale, preview, heading, greeting, body, advice, notYou }: SecurityNoticeProps) {
  return (
    <EmailLayout locale={locale} preview={preview}>
      <Heading as="h1" style={textStyles.heading}>
        {heading}
      </Heading>
      <Text style={textStyles.paragraph}>{greeting}</Text>
      <Text style={textStyles.paragraph}>{body}</Text>
      <Text style={textStyles.paragraph}>{advice}</Text>
      <Text style={textStyles.small}>{notYou}</Text>
    </EmailLayout>
  );
}
