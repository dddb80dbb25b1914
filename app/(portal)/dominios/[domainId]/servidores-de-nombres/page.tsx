import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDomainSettings } from "@/lib/settings/get-settings";
import { ManageSection } from "../_components/section";
import { loadDomain } from "../load-domain";
import { NameserversForm } from "./nameservers-form";

type Props = { params: Promise<{ domainId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainManage.nameservers");
  return { title: `${t("title")} · ${domain.name}` };
}

/** "Servidores de nombres" (walkthrough §5.1.1, §5.2.2). */
export default async function NameserversPage({ params }: Props) {
  const { domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainManage.nameservers");
  const { defaultNameservers } = await getDomainSettings();
  return (
    <ManageSection title={t("title")} intro={t("intro")}>
      <NameserversForm domainId={domain.id} useDefault={domain.useDefaultNameservers} current={domain.useDefaultNameservers ? [] : domain.nameservers} defaults={defaultNameservers} />
    </ManageSection>
  );
}
