import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasPermission } from "@/lib/auth/permissions";
import { getDomainSettings } from "@/lib/settings/get-settings";
import { textLink } from "../../facturacion/_components/styles";
import { domainPath } from "../_components/domain-paths";
import { ManageSection } from "./_components/section";
import { loadDomain } from "./load-domain";

type Props = { params: Promise<{ domainId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { domain } = await loadDomain((await params).domainId, "domains");
  return { title: domain.name };
}

/** The domain's summary (walkthrough §5.2): the header above, its name servers and the way to the pages. */
export default async function DomainOverviewPage({ params }: Props) {
  const { user, domain } = await loadDomain((await params).domainId, "domains");
  const t = await getTranslations("domainManage");
  const nameservers = domain.useDefaultNameservers || domain.nameservers.length === 0 ? (await getDomainSettings()).defaultNameservers : domain.nameservers;
  const canManage = hasPermission(user, "managedomains");
  return (
    <ManageSection title={t("summary.overviewTitle")} intro={canManage ? t("summary.overviewIntro") : undefined}>
      <div>
        <h3 className="text-sm font-semibold text-slate-800">
          {t("summary.nameservers")}{" "}
          <span className="font-normal text-slate-500">({domain.useDefaultNameservers ? t("nameservers.useDefault") : t("summary.customNameservers")})</span>
        </h3>
        <ul className="mt-2 space-y-1 text-sm break-all text-slate-700">
          {nameservers.map((host) => (
            <li key={host} className="font-mono">
              {host}
            </li>
          ))}
        </ul>
        {canManage && (
          <Link href={domainPath(domain.id, "nameservers")} className={`${textLink} mt-3 inline-block text-sm`}>
            {t("nav.nameservers")}
          </Link>
        )}
      </div>
    </ManageSection>
  );
}
