import { Heading, Text } from "@react-email/components";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";

export type ServiceCancelledEmailProps = {
  name: string;
  productName: string;
  domain: string;
  serviceUrl: string;
  locale?: string;
};

const previewProps: ServiceCancelledEmailProps = {
  name: "María",
  productName: "Hosting Profesional",
  domain: "ejemplo-tienda.es",
  serviceUrl: "http://localhost:3000/productos/1",
  locale: "es",
};

/** The cancellation the customer asked for has been carried out (by the cron or by staff). */
export default function ServiceCancelledEmail({
  name = previewProps.name,
  productName = previewProps.productName,
  domain = previewProps.domain,
  serviceUrl = previewProps.serviceUrl,
  locale = previewProps.locale,
}: Partial<ServiceCancelledEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("services.emails.serviceCancelled.preview", { domain })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("services.emails.serviceCancelled.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("services.emails.serviceCancelled.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t("services.emails.serviceCancelled.intro", { productName, domain })}</Text>
      <Text style={textStyles.paragraph}>{t("services.emails.serviceCancelled.invoices")}</Text>
      <ActionButton href={serviceUrl}>{t("services.emails.serviceCancelled.action")}</ActionButton>
    </EmailLayout>
  );
}

ServiceCancelledEmail.PreviewProps = previewProps;
