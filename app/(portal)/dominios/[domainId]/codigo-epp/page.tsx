import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentDomainContacts } from "@/lib/domains/manage/contacts";
import { ManageSection, Warning } from "../_components/section";
import { loadDomain } from "../load-domain";
import { EppForm } from "./epp-form";

type Props = { params: Promise<{ domainId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainManage.epp");
  return { title: `${t("title")} · ${domain.name}` };
}

/** "Obtener código EPP" (walkthrough §5.2.9): never shown here, emailed to the registrant. */
export default async function EppCodePage({ params }: Props) {
  const { user, domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainManage.epp");
  const { registrant } = await currentDomainContacts(user.scope, domain);
  return (
    <ManageSection title={t("title")} intro={t("intro")}>
      <p className="text-sm break-all text-slate-800">{t("recipient", { email: registrant.email })}</p>
      {domain.registrarLock && <Warning>{t("lockedNote")}</Warning>}
      <EppForm domainId={domain.id} />
    </ManageSection>
  );
}
