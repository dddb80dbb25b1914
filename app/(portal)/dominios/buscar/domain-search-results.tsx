import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { StatusBadge, type BadgeTone } from "@/app/_components/status-badge";
import { formatAmount } from "@/lib/i18n/format";
import type { DomainSearchOutcome, DomainSearchResult, DomainSearchRow } from "@/lib/domains/search-domains";
import { secondaryButton } from "../../facturacion/_components/styles";
import { AddFoundDomainForm } from "../registrar/domain-order-forms";

const TONES: Record<DomainSearchOutcome, BadgeTone> = {
  available: "green",
  taken: "red",
  transferable: "blue",
  notRegistered: "amber",
  unknown: "slate",
};

const HELP: Partial<Record<DomainSearchOutcome, "transferable" | "notRegistered" | "unknown">> = {
  transferable: "transferable",
  notRegistered: "notRegistered",
  unknown: "unknown",
};

type Found = Extract<DomainSearchResult, { ok: true }>;

export async function DomainSearchResults({ result, locale, canOrder = false }: { result: Found; locale: string; canOrder?: boolean }) {
  const t = await getTranslations("domains.search.results");
  const tRoot = await getTranslations();
  const requested = result.rows.filter((row) => row.requested);
  const others = result.rows.filter((row) => !row.requested);

  return (
    <Card title={t("title", { query: result.query })} titleId="resultados-dominio">
      {result.registrarError && (
        <p role="alert" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {tRoot(result.registrarError)}
        </p>
      )}
      {requested.length > 0 && (
        <ResultGroup heading={others.length > 0 ? t("requested") : undefined} rows={requested} locale={locale} emphasised canOrder={canOrder} />
      )}
      {others.length > 0 && <ResultGroup heading={requested.length > 0 ? t("otherTlds") : undefined} rows={others} locale={locale} canOrder={canOrder} />}
      <p className="mt-4 text-xs text-slate-500">{t("taxNote")}</p>
    </Card>
  );
}

async function ResultGroup({
  heading,
  rows,
  locale,
  emphasised = false,
  canOrder,
}: {
  heading?: string;
  rows: DomainSearchRow[];
  locale: string;
  emphasised?: boolean;
  canOrder: boolean;
}) {
  const t = await getTranslations("domains.search.results");
  const tOrders = await getTranslations("domainOrders.search");
  return (
    <div className={heading && !emphasised ? "mt-6" : undefined}>
      {heading && <h3 className="mb-2 text-sm font-semibold text-slate-700">{heading}</h3>}
      <ul className={`divide-y divide-slate-100 rounded-md border ${emphasised ? "border-brand-100 bg-brand-50" : "border-slate-200"}`}>
        {rows.map((row) => {
          const help = HELP[row.outcome];
          return (
            <li key={row.name} className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className={`font-semibold break-all text-slate-900 ${emphasised ? "text-lg" : ""}`}>{row.display}</span>
                  <StatusBadge label={t(`status.${row.outcome}`)} tone={TONES[row.outcome]} />
                </div>
                {row.display !== row.name && <p className="text-xs break-all text-slate-500">{row.name}</p>}
                {help && <p className="mt-1 text-sm text-slate-600">{t(`help.${help}`)}</p>}
              </div>
              <div className="flex flex-col gap-2 sm:shrink-0 sm:flex-row sm:items-center sm:gap-4">
                {row.price && (
                  <div className="text-sm sm:text-right">
                    <p className="font-semibold text-slate-900">{t(`price.${row.price.kind}`, { price: formatAmount(row.price.amount, row.currency, locale) })}</p>
                    <p className="text-xs text-slate-500">{t("price.renew", { price: formatAmount(row.renewAmount, row.currency, locale) })}</p>
                  </div>
                )}
                {canOrder && row.price && (row.outcome === "available" || row.outcome === "notRegistered") && <AddFoundDomainForm domain={row.name} />}
                {canOrder && row.price && row.outcome === "transferable" && (
                  <Link href={`/dominios/transferir?dominio=${encodeURIComponent(row.name)}`} className={secondaryButton} aria-label={`${tOrders("addTransferToCart")}: ${row.name}`}>
                    {tOrders("addTransferToCart")}
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
