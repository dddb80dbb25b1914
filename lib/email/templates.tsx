import type { ReactElement } from "react";
import PasswordChangedEmail, { type PasswordChangedEmailProps } from "@/emails/password-changed";
import PasswordResetEmail, { type PasswordResetEmailProps } from "@/emails/password-reset";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

type Translator = ReturnType<typeof translatorFor>;

type EmailTemplate<Data> = {
  render: (data: Data, locale: Locale) => ReactElement;
  subject: (t: Translator, data: Data) => string;
};

/** What each template needs from its caller; the locale is added by sendEmail. */
export type TemplateData = {
  "password-reset": Omit<PasswordResetEmailProps, "locale">;
  "password-changed": Omit<PasswordChangedEmailProps, "locale">;
};

export type TemplateName = keyof TemplateData;

export const templates: { [Name in TemplateName]: EmailTemplate<TemplateData[Name]> } = {
  "password-reset": {
    render: (data, locale) => <PasswordResetEmail {...data} locale={locale} />,
    subject: (t) => t("email.passwordReset.subject"),
  },
  "password-changed": {
    render: (data, locale) => <PasswordChangedEmail {...data} locale={locale} />,
    subject: (t) => t("email.passwordChanged.subject"),
  },
};
