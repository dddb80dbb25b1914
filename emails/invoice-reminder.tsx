import { Heading, Text } from "@react-email/components";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type InvoiceReminderEmailProps = {
  name: string;
  reference: string;
  dueDate: string;
  /** Days from the day the reminder is sent to the due date (0 = due today). */
  daysLeft: number;
  /** Cents of `currency`. */
  amountDue: number;
  currency: string;
  invoiceUrl: string;
  locale?: string;
};

const previewProps: InvoiceReminderEmailProps = {
  name: "María",
  reference: "PRO-000123",
  dueDate: "2026-03-08",
  daysLeft: 3,
  amountDue: 14506,
  currency: "EUR",
  invoiceUrl: "http://localhost:3000/facturacion/facturas/123",
  locale: "es",
};

export default function InvoiceReminderEmail({
  name = previewProps.name,
  reference = previewProps.reference,
  dueDate = previewProps.dueDate,
  daysLeft = previewProps.daysLeft,
  amountDue = previewProps.amountDue,
  currency = previewProps.currency,
  invoiceUrl = previewProps.invoiceUrl,
  locale = previewProps.locale,
}: Partial<InvoiceReminderEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("email.invoiceReminder.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("email.invoiceReminder.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>
        {t("email.invoiceReminder.intro", {
          reference,
          dueDate: formatDate(dueDate, lang),
          amountDue: formatAmount(amountDue, currency, lang),
        })}{" "}
        {t("email.invoiceReminder.daysLeft", { days: Math.max(0, daysLeft) })}
      </Text>
      <ActionButton href={invoiceUrl}>{t("email.invoiceReminder.action")}</ActionButton>
      <LinkFallback href={invoiceUrl}>{t("email.billing.linkFallback")}</LinkFallback>
      <Text style={textStyles.small}>{t("email.billing.ignoreIfPaid")}</Text>
    </EmailLayout>
  );
}

InvoiceReminderEmail.PreviewProps = previewProps;
