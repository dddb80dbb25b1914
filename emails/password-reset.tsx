import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailLayout, textStyles } from "./components/layout";

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
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={resetUrl} style={textStyles.button}>
          {t("email.passwordReset.action")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("email.passwordReset.linkFallback")}</Text>
      <Text style={textStyles.small}>
        <Link href={resetUrl} style={textStyles.link}>
          {resetUrl}
        </Link>
      </Text>
      <Text style={textStyles.paragraph}>{t("email.passwordReset.expiry", { minutes: expiresInMinutes })}</Text>
      <Text style={textStyles.small}>{t("email.passwordReset.ignore")}</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = previewProps;
