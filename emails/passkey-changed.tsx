import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { formatNoticeTime, SecurityNotice } from "./components/security-notice";

export type PasskeyChange = "added" | "removed";

export type PasskeyChangedEmailProps = {
  name: string;
  change: PasskeyChange;
  /** The name the person gave the passkey ("Portátil del trabajo"). */
  deviceName: string;
  /** When the change happened; an ISO string keeps the props serializable for previews. */
  when: Date | string;
  ip: string | null;
  locale?: string;
};

const previewProps: PasskeyChangedEmailProps = {
  name: "María",
  change: "added",
  deviceName: "Portátil del trabajo",
  when: "2026-03-14T09:30:00.000Z",
  ip: "203.0.113.7",
  locale: "es",
};

/** Sent whenever a passkey is added to or removed from the account's login. */
export default function PasskeyChangedEmail({
  name = previewProps.name,
  change = previewProps.change,
  deviceName = previewProps.deviceName,
  when = previewProps.when,
  ip = previewProps.ip,
  locale = previewProps.locale,
}: Partial<PasskeyChangedEmailProps>) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <SecurityNotice
      locale={lang}
      preview={t(`passkeys.email.${change}.preview`)}
      heading={t(`passkeys.email.${change}.heading`)}
      greeting={t("passkeys.email.greeting", { name })}
      body={t(`passkeys.email.${change}.body`, { deviceName, when: formatNoticeTime(lang, when), ip: ip || t("passkeys.email.unknownIp") })}
      advice={t(`passkeys.email.${change}.advice`)}
      notYou={t("passkeys.email.notYou")}
    />
  );
}

PasskeyChangedEmail.PreviewProps = previewProps;
