import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { domainPath, RENEW_PATH, type DomainPageKey } from "./domain-paths";

const MANAGE_LINKS: { key: "manage" | "nameservers" | "lock" | "contacts" | "autoRenew" | "epp"; page: DomainPageKey }[] = [
  { key: "manage", page: "overview" },
  { key: "nameservers", page: "nameservers" },
  { key: "lock", page: "lock" },
  { key: "contacts", page: "contacts" },
  { key: "autoRenew", page: "autoRenew" },
  { key: "epp", page: "epp" },
];

/**
 * The walkthrough's wrench next to each domain: a disclosure (no script needed) with the management
 * pages and "Renovar". Without `managedomains` only the overview is offered.
 */
export async function DomainActionsMenu({ domainId, domainName, canManage }: { domainId: number; domainName: string; canManage: boolean }) {
  const t = await getTranslations("domainManage.list.menu");
  const links = canManage ? MANAGE_LINKS : MANAGE_LINKS.slice(0, 1);
  return (
    <details className="group relative inline-block">
      <summary
        aria-label={t("label", { domain: domainName })}
        title={t("label", { domain: domainName })}
        className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-slate-700 hover:bg-slate-50 [&::-webkit-details-marker]:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18v3h3l6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z" />
        </svg>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3 w-3 transition group-open:rotate-180" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
      </summary>
      <ul className="z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg sm:absolute sm:right-0">
        {links.map((link) => (
          <li key={link.key}>
            <Link href={domainPath(domainId, link.page)} className="block px-3 py-2 text-slate-800 hover:bg-slate-50">
              {t(link.key)}
            </Link>
          </li>
        ))}
        {canManage && (
          <li>
            <Link href={RENEW_PATH} className="block px-3 py-2 text-slate-800 hover:bg-slate-50">
              {t("renew")}
            </Link>
          </li>
        )}
      </ul>
    </details>
  );
}
