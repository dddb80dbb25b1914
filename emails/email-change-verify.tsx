import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailLayout, textStyles } from "./components/layout";

export type EmailChangeVerifyEmailProps = {
  name: string;
  verifyUrl: string;
  expiresInHours: number;
  locale?: string;
};

const previewProps: EmailChangeVerifyEmailProps = {
  name: "María",
  verifyUrl: "http://localhost:3000/verificar-correo/ejemplo-de-enlace",
  expiresInHours: 24,
  locale: "es",
};

/** Sent to the NEW address: following the link is what makes it the account's sign-in address. */
export default function EmailChangeVerifyEmail({
  name = previewProps.name,
  verifyUrl = previewProps.verifyUrl,
  expiresInHours = previewProps.expiresInHours,
  locale = previewProps.locale,
}: Partial<EmailChangeVerifyEmailProps>) {
  const t = translatorFor(locale);
  return (
    <EmailLayout locale={locale} preview={t("account.emails.emailChangeVerify.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("account.emails.emailChangeVerify.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("account.emails.emailChangeVerify.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t("account.emails.emailChangeVerify.intro")}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={verifyUrl} style={textStyles.button}>
          {t("account.emails.emailChangeVerify.action")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("account.emails.emailChangeVerify.linkFallback")}</Text>
      <Text style={textStyles.small}>
        <Link href={verifyUrl} style={textStyles.link}>
          {verifyUrl}
        </Link>
      </Text>
      <Text style={textStyles.paragraph}>{t("account.emails.emailChangeVerify.expiry", { hours: expiresInHours })}</Text>
      <Text style={textStyles.small}>{t("account.emails.emailChangeVerify.ignore")}</Text>
    </EmailLayout>
  );
}

EmailChangeVerifyEmail.PreviewProps = previewProps;
