import { Heading, Text } from "@react-email/components";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type ServiceWelcomeEmailProps = {
  name: string;
  productName: string;
  domain: string;
  /** The panel user; null for a product without a control panel. No password is ever put in this message. */
  panelUsername: string | null;
  /** The service page in the portal ("Acceder a cPanel" signs in from there). */
  serviceUrl: string;
  /** Where the customer chooses the panel password (the generated one is never sent). */
  setPasswordUrl: string;
  locale?: string;
};

const previewProps: ServiceWelcomeEmailProps = {
  name: "María",
  productName: "Hosting Profesional",
  domain: "midominio.es",
  panelUsername: "midomini",
  serviceUrl: "http://localhost:3000/productos/12",
  setPasswordUrl: "http://localhost:3000/productos/12/contrasena",
  locale: "es",
};

export default function ServiceWelcomeEmail({
  name = previewProps.name,
  productName = previewProps.productName,
  domain = previewProps.domain,
  panelUsername = previewProps.panelUsername,
  serviceUrl = previewProps.serviceUrl,
  setPasswordUrl = previewProps.setPasswordUrl,
  locale = previewProps.locale,
}: Partial<ServiceWelcomeEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("email.serviceWelcome.preview", { domain })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("email.serviceWelcome.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t("email.serviceWelcome.intro", { product: productName, domain })}</Text>
      {panelUsername ? (
        <>
          <Text style={textStyles.paragraph}>{t("email.serviceWelcome.username", { username: panelUsername })}</Text>
          <Text style={textStyles.paragraph}>{t("email.serviceWelcome.password")}</Text>
          <ActionButton href={setPasswordUrl}>{t("email.serviceWelcome.setPassword")}</ActionButton>
          <LinkFallback href={setPasswordUrl}>{t("email.billing.linkFallback")}</LinkFallback>
          <Text style={textStyles.paragraph}>{t("email.serviceWelcome.login")}</Text>
        </>
      ) : null}
      <ActionButton href={serviceUrl}>{t("email.serviceWelcome.action")}</ActionButton>
      <LinkFallback href={serviceUrl}>{t("email.billing.linkFallback")}</LinkFallback>
    </EmailLayout>
  );
}

ServiceWelcomeEmail.PreviewProps = previewProps;
