import { Heading, Text } from "@react-email/components";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";

export type TicketNoticeEmailProps = {
  /** "customer": the confirmation to whoever opened the ticket; "department": the notice to its staff. */
  audience: "customer" | "department";
  kind: "opened" | "replied";
  name: string;
  reference: string;
  subject: string;
  departmentName: string;
  message: string;
  /** The ticket in the portal for the customer, in the staff desk (/admin/tickets/…) for the department. */
  ticketUrl: string | null;
  locale?: string;
};

const previewProps: TicketNoticeEmailProps = {
  audience: "customer",
  kind: "opened",
  name: "María García",
  reference: "482913",
  subject: "No puedo enviar correos desde Outlook",
  departmentName: "Soporte técnico",
  message: "Desde esta mañana Outlook no envía correo.",
  ticketUrl: "http://localhost:3000/soporte/tickets/1",
  locale: "es",
};

export default function TicketNoticeEmail({
  audience = previewProps.audience,
  kind = previewProps.kind,
  name = previewProps.name,
  reference = previewProps.reference,
  subject = previewProps.subject,
  departmentName = previewProps.departmentName,
  message = previewProps.message,
  ticketUrl = previewProps.ticketUrl,
  locale = previewProps.locale,
}: Partial<TicketNoticeEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  const key = audience === "customer" ? "customer" : kind === "opened" ? "departmentOpened" : "departmentReplied";
  return (
    <EmailLayout locale={lang} preview={t(`support.email.${key}.preview`, { reference })}>
      <Heading as="h1" style={textStyles.heading}>
        {t(`support.email.${key}.heading`, { reference })}
      </Heading>
      <Text style={textStyles.paragraph}>{t(`support.email.${key}.intro`, { name, reference, subject, department: departmentName })}</Text>
      {/* The message as the customer wrote it: React escapes it, so nothing in it becomes markup. */}
      <Text style={{ ...textStyles.paragraph, whiteSpace: "pre-wrap", borderLeft: "3px solid #e5e7eb", paddingLeft: "12px" }}>{message}</Text>
      {ticketUrl ? <ActionButton href={ticketUrl}>{t("support.email.action")}</ActionButton> : null}
    </EmailLayout>
  );
}

TicketNoticeEmail.PreviewProps = previewProps;
