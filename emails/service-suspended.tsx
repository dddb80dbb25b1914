import { Heading, Text } from "@react-email/components";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type ServiceSuspendedEmailProps = {
  name: string;
  productName: string;
  domain: string;
  /** The overdue invoice that suspended the service. */
  reference: string;
  dueDate: string;
  /** Cents of `currency`. */
  amountDue: number;
  currency: string;
  invoiceUrl: string;
  locale?: string;
};

const previewProps: ServiceSuspendedEmailProps = {
  name: "María",
  productName: "Hosting Profesional",
  domain: "midominio.es",
  reference: "PRO-000123",
  dueDate: "2026-03-08",
  amountDue: 14506,
  currency: "EUR",
  invoiceUrl: "http://localhost:3000/facturacion/facturas/123",
  locale: "es",
};

export default function ServiceSuspendedEmail({
  name = previewProps.name,
  productName = previewProps.productName,
  domain = previewProps.domain,
  reference = previewProps.reference,
  dueDate = previewProps.dueDate,
  amountDue = previewProps.amountDue,
  currency = previewProps.currency,
  invoiceUrl = previewProps.invoiceUrl,
  locale = previewProps.locale,
}: Partial<ServiceSuspendedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("email.serviceSuspended.preview", { domain })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("email.serviceSuspended.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>
        {t("email.serviceSuspended.intro", {
          product: productName,
          domain,
          reference,
          dueDate: formatDate(dueDate, lang),
          amountDue: formatAmount(amountDue, currency, lang),
        })}
      </Text>
      <Text style={textStyles.paragraph}>{t("email.serviceSuspended.restore")}</Text>
      <ActionButton href={invoiceUrl}>{t("email.serviceSuspended.action")}</ActionButton>
      <LinkFallback href={invoiceUrl}>{t("email.billing.linkFallback")}</LinkFallback>
    </EmailLayout>
  );
}

ServiceSuspendedEmail.PreviewProps = previewProps;
