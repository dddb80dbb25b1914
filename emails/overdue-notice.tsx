import { Heading, Text } from "@react-email/components";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type OverdueNoticeLevel = 1 | 2 | 3;

export type OverdueNoticeEmailProps = {
  /** 1st, 2nd or 3rd (final) notice: the wording gets firmer with each. */
  level: OverdueNoticeLevel;
  name: string;
  reference: string;
  dueDate: string;
  daysOverdue: number;
  /** Cents of `currency`. */
  amountDue: number;
  currency: string;
  invoiceUrl: string;
  locale?: string;
};

const previewProps: OverdueNoticeEmailProps = {
  level: 1,
  name: "María",
  reference: "PRO-000123",
  dueDate: "2026-03-08",
  daysOverdue: 1,
  amountDue: 14506,
  currency: "EUR",
  invoiceUrl: "http://localhost:3000/facturacion/facturas/123",
  locale: "es",
};

export function overdueLevel(value: unknown): OverdueNoticeLevel {
  return value === 2 || value === 3 ? value : 1;
}

export default function OverdueNoticeEmail({
  level = previewProps.level,
  name = previewProps.name,
  reference = previewProps.reference,
  dueDate = previewProps.dueDate,
  daysOverdue = previewProps.daysOverdue,
  amountDue = previewProps.amountDue,
  currency = previewProps.currency,
  invoiceUrl = previewProps.invoiceUrl,
  locale = previewProps.locale,
}: Partial<OverdueNoticeEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  const notice = overdueLevel(level);
  const values = {
    reference,
    dueDate: formatDate(dueDate, lang),
    amountDue: formatAmount(amountDue, currency, lang),
    days: daysOverdue,
  };
  return (
    <EmailLayout locale={lang} preview={t("email.overdueNotice.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t(`email.overdueNotice.heading${notice}`)}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t(`email.overdueNotice.intro${notice}`, values)}</Text>
      {notice > 1 ? <Text style={textStyles.paragraph}>{t("email.overdueNotice.consequence")}</Text> : null}
      <ActionButton href={invoiceUrl}>{t("email.overdueNotice.action")}</ActionButton>
      <LinkFallback href={invoiceUrl}>{t("email.billing.linkFallback")}</LinkFallback>
      <Text style={textStyles.small}>{t("email.billing.ignoreIfPaid")}</Text>
    </EmailLayout>
  );
}

OverdueNoticeEmail.PreviewProps = previewProps;
