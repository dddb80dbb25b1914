import { Heading, Text } from "@react-email/components";
import { formatDate } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";

export type CancellationRequestedEmailProps = {
  name: string;
  productName: string;
  domain: string;
  type: "immediate" | "end_of_period";
  /** 'YYYY-MM-DD': the day the service ends. */
  effectiveDate: string;
  /** False when the customer asked not to renew the associated domain. */
  keepDomainRenewal: boolean;
  serviceUrl: string;
  locale?: string;
};

const previewProps: CancellationRequestedEmailProps = {
  name: "María",
  productName: "Hosting Profesional",
  domain: "ejemplo-tienda.es",
  type: "end_of_period",
  effectiveDate: "2026-11-30",
  keepDomainRenewal: true,
  serviceUrl: "http://localhost:3000/productos/1",
  locale: "es",
};

export default function CancellationRequestedEmail({
  name = previewProps.name,
  productName = previewProps.productName,
  domain = previewProps.domain,
  type = previewProps.type,
  effectiveDate = previewProps.effectiveDate,
  keepDomainRenewal = previewProps.keepDomainRenewal,
  serviceUrl = previewProps.serviceUrl,
  locale = previewProps.locale,
}: Partial<CancellationRequestedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  const date = formatDate(effectiveDate, lang);
  return (
    <EmailLayout locale={lang} preview={t("services.emails.cancellationRequested.preview", { domain })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("services.emails.cancellationRequested.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("services.emails.cancellationRequested.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>
        {t(type === "immediate" ? "services.emails.cancellationRequested.immediate" : "services.emails.cancellationRequested.endOfPeriod", { productName, domain, date })}
      </Text>
      {!keepDomainRenewal && <Text style={textStyles.paragraph}>{t("services.emails.cancellationRequested.domainNotRenewed", { domain })}</Text>}
      <Text style={textStyles.paragraph}>{t("services.emails.cancellationRequested.withdraw")}</Text>
      <ActionButton href={serviceUrl}>{t("services.emails.cancellationRequested.action")}</ActionButton>
      <Text style={textStyles.small}>{t("services.emails.cancellationRequested.notYou")}</Text>
    </EmailLayout>
  );
}

CancellationRequestedEmail.PreviewProps = previewProps;
