import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import type { DashboardClient } from "@/lib/account/dashboard-part";
import { LOCALE_TAGS, toLocale } from "@/lib/i18n/locales";
import { secondaryLink } from "./styles";

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([LOCALE_TAGS[toLocale(locale)]], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Su información" (walkthrough §2): the first box of the right column, with the way to update it. */
export async function ClientInfoCard({ client, updateHref }: { client: DashboardClient; updateHref: string }) {
  const t = await getTranslations("dashboard.clientInfo");
  const locale = await getLocale();
  const cityLine = [client.postcode, client.city].filter(Boolean).join(" ");
  const regionLine = [client.province !== client.city ? client.province : "", countryName(client.country, locale)].filter(Boolean).join(", ");
  return (
    <Card
      title={t("title")}
      titleId="su-informacion"
      actions={
        <Link href={updateHref} className={`${secondaryLink} py-1`} aria-label={t("updateLabel")}>
          {t("update")}
        </Link>
      }
    >
      <p className="font-semibold text-slate-900">
        {client.firstName} {client.lastName}
      </p>
      {client.companyName && <p className="text-slate-700">{client.companyName}</p>}
      <address className="mt-2 text-sm text-slate-700 not-italic">
        <span className="sr-only">{t("address")}: </span>
        {client.address1 && <span className="block">{client.address1}</span>}
        {client.address2 && <span className="block">{client.address2}</span>}
        {cityLine && <span className="block">{cityLine}</span>}
        {regionLine && <span className="block">{regionLine}</span>}
      </address>
      {client.email && (
        <p className="mt-2 text-sm">
          <span className="sr-only">{t("email")}: </span>
          <span className="text-slate-900">{client.email}</span>
        </p>
      )}
      <p className="mt-3 text-xs text-slate-500">{t("emailHint")}</p>
    </Card>
  );
}
