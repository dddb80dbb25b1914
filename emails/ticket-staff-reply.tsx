import { Heading, Text } from "@react-email/components";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";

/** Staff answered the customer's ticket: the reply as written (internal notes never come here) and the link to answer. */
export type TicketStaffReplyEmailProps = {
  name: string;
  staffName: string;
  reference: string;
  subject: string;
  message: string;
  ticketUrl: string;
  locale?: string;
};

const previewProps: TicketStaffReplyEmailProps = {
  name: "María García",
  staffName: "Sergio Soporte",
  reference: "517204",
  subject: "Reactivar mi-blog-personal.es tras pagar la factura pendiente",
  message: "Hola, María: en cuanto se registra el pago, el servicio se reactiva solo.",
  ticketUrl: "http://localhost:3000/soporte/tickets/1",
  locale: "es",
};

export default function TicketStaffReplyEmail({
  name = previewProps.name,
  staffName = previewProps.staffName,
  reference = previewProps.reference,
  subject = previewProps.subject,
  message = previewProps.message,
  ticketUrl = previewProps.ticketUrl,
  locale = previewProps.locale,
}: Partial<TicketStaffReplyEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <EmailLayout locale={lang} preview={t("admin.email.staffReply.preview", { reference })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("admin.email.staffReply.heading", { reference })}
      </Heading>
      <Text style={textStyles.paragraph}>{t("admin.email.staffReply.intro", { name, staffName, reference, subject })}</Text>
      <Text style={{ ...textStyles.paragraph, whiteSpace: "pre-wrap", borderLeft: "3px solid #e5e7eb", paddingLeft: "12px" }}>{message}</Text>
      <ActionButton href={ticketUrl}>{t("admin.email.staffReply.action")}</ActionButton>
    </EmailLayout>
  );
}

TicketStaffReplyEmail.PreviewProps = previewProps;
