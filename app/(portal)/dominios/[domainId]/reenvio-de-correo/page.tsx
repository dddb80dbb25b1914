import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { forwardsLimit, listEmailForwards } from "@/lib/domains/dns/email-forwards";
import { BackLink } from "../../../facturacion/_components/back-link";
import { loadDomain } from "../load-domain";
import { AddForwardForm, DeleteForwardButton } from "./forward-forms";

type Params = { domainId: string };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dns.forwards");
  return { title: t("title") };
}

/** "Redirección de correo electrónico" (§5.2.8): alias@domain -> another address, up to the limit per domain. */
export default async function EmailForwardingPage({ params }: { params: Promise<Params> }) {
  const { user, domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("dns.forwards");
  const forwards = await listEmailForwards(user.scope, domain.id);
  const limit = forwardsLimit();
  return (
    <>
      <BackLink href={`/dominios/${domain.id}`} label={t("back", { domain: domain.name })} />
      <PageHeader title={t("title")} description={t("description", { domain: domain.name })} />
      <p className="mb-4 text-sm text-slate-600">{t("mxNote")}</p>
      <section aria-labelledby="forwards-list" className="mb-6 rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 id="forwards-list" className="border-b border-slate-100 px-4 py-3 text-base font-semibold text-slate-900">
          {t("list")}
        </h2>
        {forwards.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {forwards.map((forward) => {
              const alias = `${forward.localPart}@${domain.name}`;
              return (
                <li key={forward.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <p className="min-w-0 break-all text-sm text-slate-800">
                    <span className="font-medium">{alias}</span> → {forward.destination}
                  </p>
                  <DeleteForwardButton domainId={domain.id} forwardId={forward.id} label={t("removeLabel", { alias })} />
                </li>
              );
            })}
          </ul>
        )}
        <p className="border-t border-slate-100 px-4 py-3 text-xs text-slate-500">{t("limit", { limit, count: forwards.length })}</p>
      </section>
      <section aria-labelledby="forwards-add" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="forwards-add" className="mb-3 text-base font-semibold text-slate-900">
          {t("add")}
        </h2>
        <AddForwardForm domainId={domain.id} domain={domain.name} />
      </section>
    </>
  );
}
