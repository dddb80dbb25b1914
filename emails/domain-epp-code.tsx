import { Heading, Text } from "@react-email/components";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailLayout, textStyles } from "./components/layout";

export type DomainEppCodeEmailProps = {
  name: string;
  domain: string;
  /** Secret: sent to the registrant only; the sent-email log keeps a placeholder instead (lib/email/templates.tsx). */
  eppCode: string;
  locale?: string;
};

const previewProps: DomainEppCodeEmailProps = {
  name: "María",
  domain: "ejemplo-tienda.es",
  eppCode: "Ab3-ejemplo#9",
  locale: "es",
};

export default function DomainEppCodeEmail({ name = previewProps.name, domain = previewProps.domain, eppCode = previewProps.eppCode, locale = previewProps.locale }: Partial<DomainEppCodeEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("domainManage.email.eppCode.preview", { domain })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("domainManage.email.eppCode.heading", { domain })}
      </Heading>
      <Text style={textStyles.paragraph}>{t("domainManage.email.eppCode.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t("domainManage.email.eppCode.intro", { domain })}</Text>
      <Text style={{ ...textStyles.paragraph, fontFamily: "monospace", fontSize: "17px" }}>
        {t("domainManage.email.eppCode.codeLabel")} <strong>{eppCode}</strong>
      </Text>
      <Text style={textStyles.small}>{t("domainManage.email.eppCode.notYou")}</Text>
    </EmailLayout>
  );
}

DomainEppCodeEmail.PreviewProps = previewProps;
