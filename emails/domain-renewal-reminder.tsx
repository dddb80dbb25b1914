import { Heading, Text } from "@react-email/components";
import { formatDate } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type DomainRenewalReminderEmailProps = {
  name: string;
  domain: string;
  expiryDate: string;
  /** Days until expiry; negative once expired. */
  daysLeft: number;
  autoRenew: boolean;
  renewUrl: string;
  locale?: string;
};

const previewProps: DomainRenewalReminderEmailProps = {
  name: "María",
  domain: "midominio.es",
  expiryDate: "2026-03-08",
  daysLeft: 30,
  autoRenew: true,
  renewUrl: "http://localhost:3000/dominios/renovar",
  locale: "es",
};

/** The renewal reminders (30, 15, 7 and 1 days before expiry, 3 days after), ICANN ERRP-like. */
export default function DomainRenewalReminderEmail({
  name = previewProps.name,
  domain = previewProps.domain,
  expiryDate = previewProps.expiryDate,
  daysLeft = previewProps.daysLeft,
  autoRenew = previewProps.autoRenew,
  renewUrl = previewProps.renewUrl,
  locale = previewProps.locale,
}: Partial<DomainRenewalReminderEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  const expiry = formatDate(expiryDate, lang);
  return (
    <EmailLayout locale={lang} preview={t("domainOrders.reminder.preview", { domain })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("domainOrders.reminder.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{daysLeft < 0 ? t("domainOrders.reminder.after", { domain, expiry }) : t("domainOrders.reminder.before", { domain, expiry })}</Text>
      <Text style={textStyles.paragraph}>{autoRenew ? t("domainOrders.reminder.autoRenew") : t("domainOrders.reminder.manual")}</Text>
      <ActionButton href={renewUrl}>{t("domainOrders.reminder.action")}</ActionButton>
      <LinkFallback href={renewUrl}>{t("email.billing.linkFallback")}</LinkFallback>
    </EmailLayout>
  );
}

DomainRenewalReminderEmail.PreviewProps = previewProps;
