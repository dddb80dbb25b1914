import type { ReactElement } from "react";
import DomainEppCodeEmail, { type DomainEppCodeEmailProps } from "@/emails/domain-epp-code";
import EmailChangeNoticeEmail, { type EmailChangeNoticeEmailProps } from "@/emails/email-change-notice";
import EmailChangeVerifyEmail, { type EmailChangeVerifyEmailProps } from "@/emails/email-change-verify";
import CancellationDeclinedEmail, { type CancellationDeclinedEmailProps } from "@/emails/cancellation-declined";
import CancellationRequestedEmail, { type CancellationRequestedEmailProps } from "@/emails/cancellation-requested";
import ContactInvitationEmail, { type ContactInvitationEmailProps } from "@/emails/contact-invitation";
import InvoiceCreatedEmail, { type InvoiceCreatedEmailProps } from "@/emails/invoice-created";
import NetworkIncidentEmail, { type NetworkIncidentEmailProps } from "@/emails/network-incident";
import InvoiceReminderEmail, { type InvoiceReminderEmailProps } from "@/emails/invoice-reminder";
import OverdueNoticeEmail, { overdueLevel, type OverdueNoticeEmailProps } from "@/emails/overdue-notice";
import PasswordChangedEmail, { type PasswordChangedEmailProps } from "@/emails/password-changed";
import PasswordResetEmail, { type PasswordResetEmailProps } from "@/emails/password-reset";
import PaymentReceivedEmail, { type PaymentReceivedEmailProps } from "@/emails/payment-received";
import QuoteAcceptedEmail, { type QuoteAcceptedEmailProps } from "@/emails/quote-accepted";
import TwoFactorChangedEmail, { type TwoFactorChangedEmailProps } from "@/emails/two-factor-changed";
import PasskeyChangedEmail, { type PasskeyChangedEmailProps } from "@/emails/passkey-changed";
import ServiceCancelledEmail, { type ServiceCancelledEmailProps } from "@/emails/service-cancelled";
import ServiceSuspendedEmail, { type ServiceSuspendedEmailProps } from "@/emails/service-suspended";
import ServiceWelcomeEmail, { type ServiceWelcomeEmailProps } from "@/emails/service-welcome";
import TicketNoticeEmail, { type TicketNoticeEmailProps } from "@/emails/ticket-notice";
import TicketStaffReplyEmail, { type TicketStaffReplyEmailProps } from "@/emails/ticket-staff-reply";
import DomainRenewalReminderEmail, { type DomainRenewalReminderEmailProps } from "@/emails/domain-renewal-reminder";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

type Translator = ReturnType<typeof translatorFor>;

type EmailTemplate<Data> = {
  render: (data: Data, locale: Locale) => ReactElement;
  subject: (t: Translator, data: Data) => string;
  /**
   * Fields that must reach the recipient and nobody else (a transfer code): the message sent carries
   * them, the copy kept in the sent-email log is rendered with a placeholder in their place.
   */
  secrets?: readonly (keyof Data & string)[];
};

/** What each template needs from its caller; the locale is added by sendEmail. */
export type TemplateData = {
  "password-reset": Omit<PasswordResetEmailProps, "locale">;
  "password-changed": Omit<PasswordChangedEmailProps, "locale">;
  "invoice-created": Omit<InvoiceCreatedEmailProps, "locale">;
  "payment-received": Omit<PaymentReceivedEmailProps, "locale">;
  "invoice-reminder": Omit<InvoiceReminderEmailProps, "locale">;
  "overdue-notice": Omit<OverdueNoticeEmailProps, "locale">;
  "quote-accepted": Omit<QuoteAcceptedEmailProps, "locale">;
  "email-change-verify": Omit<EmailChangeVerifyEmailProps, "locale">;
  "email-change-notice": Omit<EmailChangeNoticeEmailProps, "locale">;
  "contact-invitation": Omit<ContactInvitationEmailProps, "locale">;
  "two-factor-changed": Omit<TwoFactorChangedEmailProps, "locale">;
  "passkey-changed": Omit<PasskeyChangedEmailProps, "locale">;
  "service-welcome": Omit<ServiceWelcomeEmailProps, "locale">;
  "service-suspended": Omit<ServiceSuspendedEmailProps, "locale">;
  "service-cancelled": Omit<ServiceCancelledEmailProps, "locale">;
  "network-incident": Omit<NetworkIncidentEmailProps, "locale">;
  "ticket-notice": Omit<TicketNoticeEmailProps, "locale">;
  "ticket-staff-reply": Omit<TicketStaffReplyEmailProps, "locale">;
  "cancellation-requested": Omit<CancellationRequestedEmailProps, "locale">;
  "cancellation-declined": Omit<CancellationDeclinedEmailProps, "locale">;
  "domain-epp-code": Omit<DomainEppCodeEmailProps, "locale">;
  "domain-renewal-reminder": Omit<DomainRenewalReminderEmailProps, "locale">;
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
  // Subjects tolerate missing data: the registry test (and a preview) call them with none.
  "invoice-created": {
    render: (data, locale) => <InvoiceCreatedEmail {...data} locale={locale} />,
    subject: (t, data) => t("email.invoiceCreated.subject", { reference: data.reference ?? "" }),
  },
  "payment-received": {
    render: (data, locale) => <PaymentReceivedEmail {...data} locale={locale} />,
    subject: (t, data) => t("email.paymentReceived.subject", { reference: data.reference ?? "" }),
  },
  "invoice-reminder": {
    render: (data, locale) => <InvoiceReminderEmail {...data} locale={locale} />,
    subject: (t, data) => t("email.invoiceReminder.subject", { reference: data.reference ?? "" }),
  },
  "overdue-notice": {
    render: (data, locale) => <OverdueNoticeEmail {...data} locale={locale} />,
    subject: (t, data) => t(`email.overdueNotice.subject${overdueLevel(data.level)}`, { reference: data.reference ?? "" }),
  },
  "quote-accepted": {
    render: (data, locale) => <QuoteAcceptedEmail {...data} locale={locale} />,
    subject: (t, data) => t("email.quoteAccepted.subject", { reference: data.reference ?? "" }),
  },
  "email-change-verify": {
    render: (data, locale) => <EmailChangeVerifyEmail {...data} locale={locale} />,
    subject: (t) => t("account.emails.emailChangeVerify.subject"),
  },
  "email-change-notice": {
    render: (data, locale) => <EmailChangeNoticeEmail {...data} locale={locale} />,
    subject: (t) => t("account.emails.emailChangeNotice.subject"),
  },
  "contact-invitation": {
    render: (data, locale) => <ContactInvitationEmail {...data} locale={locale} />,
    subject: (t, data) => t("contacts.invitationEmail.subject", { accountName: data.accountName ?? "" }),
  },
  "two-factor-changed": {
    render: (data, locale) => <TwoFactorChangedEmail {...data} locale={locale} />,
    subject: (t, data) => t(`email.twoFactorChanged.subject.${data.change ?? "enabled"}`),
  },
  "passkey-changed": {
    render: (data, locale) => <PasskeyChangedEmail {...data} locale={locale} />,
    subject: (t, data) => t(`passkeys.email.subject.${data.change ?? "added"}`),
  },
  "service-welcome": {
    render: (data, locale) => <ServiceWelcomeEmail {...data} locale={locale} />,
    subject: (t, data) => t("email.serviceWelcome.subject", { domain: data.domain ?? "" }),
  },
  "service-suspended": {
    render: (data, locale) => <ServiceSuspendedEmail {...data} locale={locale} />,
    subject: (t, data) => t("email.serviceSuspended.subject", { domain: data.domain ?? "" }),
  },
  "service-cancelled": {
    render: (data, locale) => <ServiceCancelledEmail {...data} locale={locale} />,
    subject: (t, data) => t("services.emails.serviceCancelled.subject", { domain: data.domain ?? "" }),
  },
  "network-incident": {
    render: (data, locale) => <NetworkIncidentEmail {...data} locale={locale} />,
    subject: (t, data) => t(data.scheduled ? "knowledge.incidentEmail.subject.scheduled" : "knowledge.incidentEmail.subject.incident", { title: data.title ?? "" }),
  },
  "ticket-staff-reply": {
    render: (data, locale) => <TicketStaffReplyEmail {...data} locale={locale} />,
    subject: (t, data) => t("admin.email.staffReply.subject", { reference: data.reference ?? "", subject: data.subject ?? "" }),
  },
  "ticket-notice": {
    render: (data, locale) => <TicketNoticeEmail {...data} locale={locale} />,
    subject: (t, data) =>
      t(data.audience === "department" ? (data.kind === "replied" ? "support.email.departmentReplied.subject" : "support.email.departmentOpened.subject") : "support.email.customer.subject", {
        reference: data.reference ?? "",
        subject: data.subject ?? "",
      }),
  },
  "cancellation-requested": {
    render: (data, locale) => <CancellationRequestedEmail {...data} locale={locale} />,
    subject: (t, data) => t("services.emails.cancellationRequested.subject", { domain: data.domain ?? "" }),
  },
  "cancellation-declined": {
    render: (data, locale) => <CancellationDeclinedEmail {...data} locale={locale} />,
    subject: (t, data) => t("adminQueues.email.declined.subject", { domain: data.domain ?? "" }),
  },
  "domain-epp-code": {
    render: (data, locale) => <DomainEppCodeEmail {...data} locale={locale} />,
    subject: (t, data) => t("domainManage.email.eppCode.subject", { domain: data.domain ?? "" }),
    secrets: ["eppCode"],
  },
  "domain-renewal-reminder": {
    render: (data, locale) => <DomainRenewalReminderEmail {...data} locale={locale} />,
    subject: (t, data) =>
      (data.daysLeft ?? 0) < 0
        ? t("domainOrders.reminder.subjectAfter", { domain: data.domain ?? "" })
        : t("domainOrders.reminder.subjectBefore", { domain: data.domain ?? "", days: data.daysLeft ?? 0 }),
  },
};
