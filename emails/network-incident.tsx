import { Heading, Text } from "@react-email/components";
import { formatDateTime } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ActionButton } from "./components/action-button";
import { EmailLayout, textStyles } from "./components/layout";
import { LinkFallback } from "./components/link-fallback";

export type NetworkIncidentEmailProps = {
  name: string;
  title: string;
  /** Planned maintenance rather than an incident. */
  scheduled: boolean;
  description: string;
  /** ISO timestamps. */
  startsAt: string;
  endsAt: string | null;
  /** The client's services on the affected servers (their domains). */
  services: string[];
  statusUrl: string;
  locale?: string;
};

const previewProps: NetworkIncidentEmailProps = {
  name: "María",
  title: "Lentitud en el Servidor Madrid 01",
  scheduled: false,
  description: "Estamos investigando tiempos de respuesta altos en las webs de este servidor.",
  startsAt: "2026-03-08T09:40:00.000Z",
  endsAt: null,
  services: ["ejemplo-tienda.es"],
  statusUrl: "http://localhost:3000/soporte/estado",
  locale: "es",
};

export default function NetworkIncidentEmail({
  name = previewProps.name,
  title = previewProps.title,
  scheduled = previewProps.scheduled,
  description = previewProps.description,
  startsAt = previewProps.startsAt,
  endsAt = previewProps.endsAt,
  services = previewProps.services,
  statusUrl = previewProps.statusUrl,
  locale = previewProps.locale,
}: Partial<NetworkIncidentEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  const kind = scheduled ? "scheduled" : "incident";
  return (
    <EmailLayout locale={lang} preview={t(`knowledge.incidentEmail.preview.${kind}`)}>
      <Heading as="h1" style={textStyles.heading}>
        {title}
      </Heading>
      <Text style={textStyles.paragraph}>{t("email.billing.greeting", { name })}</Text>
      <Text style={textStyles.paragraph}>{t(`knowledge.incidentEmail.intro.${kind}`, { count: services.length, services: services.join(", ") })}</Text>
      <Text style={textStyles.paragraph}>{description}</Text>
      <Text style={textStyles.paragraph}>
        {t("knowledge.incidentEmail.starts", { date: formatDateTime(new Date(startsAt), lang) })}
        {endsAt ? ` · ${t("knowledge.incidentEmail.ends", { date: formatDateTime(new Date(endsAt), lang) })}` : ""}
      </Text>
      <ActionButton href={statusUrl}>{t("knowledge.incidentEmail.action")}</ActionButton>
      <LinkFallback href={statusUrl}>{t("email.billing.linkFallback")}</LinkFallback>
      <Text style={textStyles.small}>{t("knowledge.incidentEmail.why")}</Text>
    </EmailLayout>
  );
}

NetworkIncidentEmail.PreviewProps = previewProps;
