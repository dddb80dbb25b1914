import { Heading, Text } from "@react-email/components";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type InvoiceCreatedEmailProps = {
  name: string;
  /** Tax number when the invoice is already paid ("F2026-000123"), the proforma reference otherwise. */
  reference: string;
  issueDate: string;
  dueDate: string;
  /** Cents of `currency`. */
  total: number;
  amountDue: number;
  currency: string;
  /** Paid at once from the credit balance (automatic credit application). */
  paid: boolean;
  invoiceUrl: string;
  locale?: string;
};

const previewProps: InvoiceCreatedEmailProps = {
  name: "María",
  reference: "PRO-000123",
  issueDate: "2026-03-01",
  dueDate: "2026-03-08",
  total: 14506,
  amountDue: 14506,
  currency: "EUR",
  paid: false,
  invoiceUrl: "http://localhost:3000/facturacion/facturas/123",
  locale: "es",
};

export default function InvoiceCreatedEmail({
  name = previewProps.name,
  reference = previewProps.reference,
  issueDate = previewProps.issueDate,
  dueDate = previewProps.dueDate,
  total = previewProps.total,
  amountDue = previewProps.amountDue,
  currency = previewProps.currency,
  paid = previewProps.paid,
  invoiceUrl = previewProps.invoiceUrl,
  locale = previewProps.locale,
}: Partial<InvoiceCreatedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  const money = (amount: number) => formatAmount(amount, currency, lang);
  return (
    <EmailLayout locale={lang} preview={t("email.invoiceCreated.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("email.invoiceCreated.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t("email.invoiceCreated.intro", { reference, total: money(total) })}</Text>
      <Text style={textStyles.paragraph}>
        {t("email.billing.issueDate", { date: formatDate(issueDate, lang) })}
        <br />
        {t("email.billing.dueDate", { date: formatDate(dueDate, lang) })}
        <br />
        {t("email.billing.amountDue", { amount: money(amountDue) })}
      </Text>
      <Text style={textStyles.paragraph}>{paid ? t("email.invoiceCreated.paidByCredit") : t("email.invoiceCreated.payHint")}</Text>
      <ActionButton href={invoiceUrl}>{t("email.invoiceCreated.action")}</ActionButton>
      <LinkFallback href={invoiceUrl}>{t("email.billing.linkFallback")}</LinkFallback>
      <Text style={textStyles.small}>{t("email.billing.questions")}</Text>
    </EmailLayout>
  );
}

InvoiceCreatedEmail.PreviewProps = previewProps;
