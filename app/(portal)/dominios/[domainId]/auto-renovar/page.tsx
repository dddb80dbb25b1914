import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { setAutoRenewAction } from "../actions";
import { ManageSection, Notice, Warning } from "../_components/section";
import { ToggleForm } from "../_components/toggle-form";
import { loadDomain } from "../load-domain";

type Props = { params: Promise<{ domainId: string }>; searchParams: Promise<{ aviso?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainManage.autoRenew");
  return { title: `${t("title")} · ${domain.name}` };
}

/** "Auto-renovar" (walkthrough §5.2.1). */
export default async function AutoRenewPage({ params, searchParams }: Props) {
  const { domain } = await loadDomain((await params).domainId);
  const { aviso } = await searchParams;
  const t = await getTranslations("domainManage.autoRenew");
  const locale = await getLocale();
  return (
    <ManageSection title={t("title")} intro={t("intro")}>
      {(aviso === "activada" || aviso === "desactivada") && <Notice>{t("saved")}</Notice>}
      {domain.autoRenew ? (
        <p className="text-sm font-medium text-green-800">{t("stateOn")}</p>
      ) : (
        <Warning>{t("stateOff", { date: domain.expiryDate ? formatDate(domain.expiryDate, locale) : "—" })}</Warning>
      )}
      <ToggleForm
        action={setAutoRenewAction}
        fields={{ domainId: String(domain.id), autoRenew: domain.autoRenew ? "off" : "on" }}
        label={domain.autoRenew ? t("disable") : t("enable")}
        pendingLabel={t("submitting")}
        secondary={domain.autoRenew}
      />
    </ManageSection>
  );
}
