import { Heading, Text } from "@react-email/components";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";

export type CancellationDeclinedEmailProps = {
  name: string;
  productName: string;
  domain: string;
  /** What staff wrote when declining: the customer is owed the why. */
  reason: string;
  serviceUrl: string;
  locale?: string;
};

const previewProps: CancellationDeclinedEmailProps = {
  name: "María",
  productName: "Hosting Profesional",
  domain: "ejemplo-tienda.es",
  reason: "El servicio tiene un compromiso de permanencia hasta el 30 de noviembre.",
  serviceUrl: "http://localhost:3000/productos/1",
  locale: "es",
};

export default function CancellationDeclinedEmail({
  name = previewProps.name,
  productName = previewProps.productName,
  domain = previewProps.domain,
  reason = previewProps.reason,
  serviceUrl = previewProps.serviceUrl,
  locale = previewProps.locale,
}: Partial<CancellationDeclinedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("adminQueues.email.declined.preview", { domain })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("adminQueues.email.declined.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("adminQueues.email.declined.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t("adminQueues.email.declined.intro", { productName, domain })}</Text>
      <Text style={textStyles.paragraph}>
        <strong>{t("adminQueues.email.declined.reasonLabel")}</strong> {reason}
      </Text>
      <Text style={textStyles.paragraph}>{t("adminQueues.email.declined.again")}</Text>
      <ActionButton href={serviceUrl}>{t("adminQueues.email.declined.action")}</ActionButton>
    </EmailLayout>
  );
}

CancellationDeclinedEmail.PreviewProps = previewProps;
