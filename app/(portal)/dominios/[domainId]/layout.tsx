import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/_components/status-badge";
import { hasPermission } from "@/lib/auth/permissions";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { textLink } from "../../facturacion/_components/styles";
import { domainPath, DOMAINS_PATH, RENEW_PATH, type DomainPageKey } from "../_components/domain-paths";
import { DOMAIN_TONES } from "../_components/domain-tones";
import { DomainNav } from "./_components/domain-nav";
import { loadDomain } from "./load-domain";

const MANAGE_PAGES: DomainPageKey[] = ["autoRenew", "nameservers", "lock", "addons", "contacts", "privateNameservers", "dns", "emailForwarding", "epp"];

/** A domain's pages: the summary header and the "Administrar" menu on the left (walkthrough §5.2). */
export default async function DomainLayout({ children, params }: { children: React.ReactNode; params: Promise<{ domainId: string }> }) {
  const { domainId } = await params;
  const { user, domain } = await loadDomain(domainId, "domains");
  const t = await getTranslations("domainManage");
  const locale = await getLocale();
  const canManage = hasPermission(user, "managedomains");
  const pages: DomainPageKey[] = canManage ? ["overview", ...MANAGE_PAGES] : ["overview"];
  const links = [...pages.map((page) => ({ href: domainPath(domain.id, page), label: t(`nav.${page}`) })), ...(canManage ? [{ href: RENEW_PATH, label: t("nav.renew") }] : [])];
  const facts: { label: string; value: string }[] = [
    { label: t("summary.registered"), value: formatDate(domain.registrationDate, locale) },
    { label: t("summary.expires"), value: domain.expiryDate ? formatDate(domain.expiryDate, locale) : t("list.noExpiry") },
    { label: t("summary.renewal"), value: t("list.price", { amount: formatAmount(domain.recurringAmount, domain.currency, locale), years: domain.registrationPeriodYears }) },
    { label: t("summary.autoRenew"), value: domain.autoRenew ? t("list.autoRenewOn") : t("list.autoRenewOff") },
    { label: t("summary.lock"), value: domain.registrarLock ? t("summary.on") : t("summary.off") },
  ];
  return (
    <div className="space-y-6">
      <div>
        <Link href={DOMAINS_PATH} className={`${textLink} text-sm`}>
          ← {t("summary.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold break-all text-slate-900">{domain.name}</h1>
          <StatusBadge label={t(`status.${domain.status}`)} tone={DOMAIN_TONES[domain.status]} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-3 lg:grid-cols-5">
          {facts.map((fact) => (
            <div key={fact.label} className="min-w-0">
              <dt className="text-xs text-slate-500">{fact.label}</dt>
              <dd className="font-medium text-slate-900">{fact.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
        <div className="lg:sticky lg:top-4 lg:w-64 lg:shrink-0">
          <DomainNav label={t("nav.label")} openLabel={t("nav.open", { page: "{page}" })} links={links} />
        </div>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
