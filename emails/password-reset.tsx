import { Heading, Text } from "@react-email/components";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type PasswordResetEmailProps = {
  name: string;
  resetUrl: string;
  expiresInMinutes: number;
  locale?: string;
};

const previewProps: PasswordResetEmailProps = {
  name: "María",
  resetUrl: "http://localhost:3000/recuperar/ejemplo-de-enlace",
  expiresInMinutes: 60,
  locale: "es",
};

export default function PasswordResetEmail({
  name = previewProps.name,
  resetUrl = previewProps.resetUrl,
  expiresInMinutes = previewProps.expiresInMinutes,
  locale = previewProps.locale,
}: Partial<PasswordResetEmailProps>) {
  const t = translatorFor(locale);
  return (
    <EmailLayout locale={locale} preview={t("email.passwordReset.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("email.passwordReset.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.passwordReset.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t("email.passwordReset.intro")}</Text>
      <ActionButton href={resetUrl}>{t("email.passwordReset.action")}</ActionButton>
      <LinkFallback href={resetUrl}>{t("email.passwordReset.linkFallback")}</LinkFallback>
      <Text style={textStyles.paragraph}>{t("email.passwordReset.expiry", { minutes: expiresInMinutes })}</Text>
      <Text style={textStyles.small}>{t("email.passwordReset.ignore")}</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = previewProps;
