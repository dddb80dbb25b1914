import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailLayout, textStyles } from "./components/layout";

export type ContactInvitationEmailProps = {
  name: string;
  /** The account holder (or sub-account) who gave the access. */
  inviterName: string;
  accountName: string;
  /** The address the invited person will sign in with. */
  loginEmail: string;
  invitationUrl: string;
  expiresInDays: number;
  locale?: string;
};

const previewProps: ContactInvitationEmailProps = {
  name: "Pablo",
  inviterName: "María García",
  accountName: "Diseños García S.L.",
  loginEmail: "pablo@example.com",
  invitationUrl: "http://localhost:3000/invitacion/ejemplo-de-enlace",
  expiresInDays: 7,
  locale: "es",
};

export default function ContactInvitationEmail({
  name = previewProps.name,
  inviterName = previewProps.inviterName,
  accountName = previewProps.accountName,
  loginEmail = previewProps.loginEmail,
  invitationUrl = previewProps.invitationUrl,
  expiresInDays = previewProps.expiresInDays,
  locale = previewProps.locale,
}: Partial<ContactInvitationEmailProps>) {
  const t = translatorFor(locale);
  return (
    <EmailLayout locale={locale} preview={t("contacts.invitationEmail.preview", { accountName })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("contacts.invitationEmail.heading")}
      </Heading>
      <Text style={textStyles.paragraph}>{t("contacts.invitationEmail.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t("contacts.invitationEmail.intro", { inviterName, accountName })}</Text>
      <Text style={textStyles.paragraph}>{t("contacts.invitationEmail.loginEmail", { email: loginEmail })}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={invitationUrl} style={textStyles.button}>
          {t("contacts.invitationEmail.action")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("contacts.invitationEmail.linkFallback")}</Text>
      <Text style={textStyles.small}>
        <Link href={invitationUrl} style={textStyles.link}>
          {invitationUrl}
        </Link>
      </Text>
      <Text style={textStyles.paragraph}>{t("contacts.invitationEmail.expiry", { days: expiresInDays })}</Text>
      <Text style={textStyles.small}>{t("contacts.invitationEmail.ignore")}</Text>
    </EmailLayout>
  );
}

ContactInvitationEmail.PreviewProps = previewProps;
