import { Heading, Text } from "@react-email/components";
import { formatAmount, formatDateTime } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type PaymentReceivedEmailProps = {
  name: string;
  /** The tax invoice number ("F2026-000123"); the proforma reference if it has none yet. */
  reference: string;
  /** Cents of `currency`. */
  total: number;
  currency: string;
  /** An ISO string keeps the props serializable for previews. */
  paidAt: Date | string | null;
  /** Whether the PDF travels with this message (it does unless rendering it failed). */
  hasAttachment: boolean;
  invoiceUrl: string;
  locale?: string;
};

const previewProps: PaymentReceivedEmailProps = {
  name: "María",
  reference: "F2026-000123",
  total: 14506,
  currency: "EUR",
  paidAt: "2026-03-04T10:15:00.000Z",
  hasAttachment: true,
  invoiceUrl: "http://localhost:3000/facturacion/facturas/123",
  locale: "es",
};

export default function PaymentReceivedEmail({
  name = previewProps.name,
  reference = previewProps.reference,
  total = previewProps.total,
  currency = previewProps.currency,
  paidAt = previewProps.paidAt,
  hasAttachment = previewProps.hasAttachment,
  invoiceUrl = previewProps.invoiceUrl,
  locale = previewProps.locale,
}: Partial<PaymentReceivedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("email.paymentReceived.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("email.paymentReceived.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>
        {t("email.paymentReceived.intro", { reference, total: formatAmount(total, currency, lang) })}
      </Text>
      {paidAt ? (
        <Text style={textStyles.paragraph}>{t("email.paymentReceived.paidAt", { date: formatDateTime(new Date(paidAt), lang) })}</Text>
      ) : null}
      <Text style={textStyles.paragraph}>
        {hasAttachment ? t("email.paymentReceived.attachment") : t("email.paymentReceived.noAttachment")}
      </Text>
      <ActionButton href={invoiceUrl}>{t("email.paymentReceived.action")}</ActionButton>
      <LinkFallback href={invoiceUrl}>{t("email.billing.linkFallback")}</LinkFallback>
    </EmailLayout>
  );
}

PaymentReceivedEmail.PreviewProps = previewProps;
