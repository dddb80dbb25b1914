import { Heading, Link, Text } from "@react-email/components";
import { formatAmount } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";

export type QuoteAcceptedEmailProps = {
  name: string;
  reference: string;
  subject: string;
  /** Cents of `currency`. */
  total: number;
  currency: string;
  quoteUrl: string;
  /** The invoice the acceptance created; null if the quote carries none (should not happen). */
  invoiceReference: string | null;
  invoiceUrl: string | null;
  locale?: string;
};

const previewProps: QuoteAcceptedEmailProps = {
  name: "María",
  reference: "OF-000007",
  subject: "Migración de la tienda online",
  total: 36300,
  currency: "EUR",
  quoteUrl: "http://localhost:3000/facturacion/ofertas/7",
  invoiceReference: "PRO-000124",
  invoiceUrl: "http://localhost:3000/facturacion/facturas/124",
  locale: "es",
};

export default function QuoteAcceptedEmail({
  name = previewProps.name,
  reference = previewProps.reference,
  subject = previewProps.subject,
  total = previewProps.total,
  currency = previewProps.currency,
  quoteUrl = previewProps.quoteUrl,
  invoiceReference = previewProps.invoiceReference,
  invoiceUrl = previewProps.invoiceUrl,
  locale = previewProps.locale,
}: Partial<QuoteAcceptedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("email.quoteAccepted.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("email.quoteAccepted.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>
        {t("email.quoteAccepted.intro", { reference, subject, total: formatAmount(total, currency, lang) })}
      </Text>
      {invoiceReference && invoiceUrl ? (
        <>
          <Text style={textStyles.paragraph}>{t("email.quoteAccepted.invoiceIssued", { invoiceReference })}</Text>
          <ActionButton href={invoiceUrl}>{t("email.quoteAccepted.action")}</ActionButton>
        </>
      ) : null}
      <Text style={textStyles.small}>
        <Link href={quoteUrl} style={textStyles.link}>
          {t("email.quoteAccepted.quoteLink")}
        </Link>
      </Text>
    </EmailLayout>
  );
}

QuoteAcceptedEmail.PreviewProps = previewProps;
