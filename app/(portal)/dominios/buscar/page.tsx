import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getClientCurrency } from "@/lib/domains/client-currency";
import { searchDomains, type DomainSearchAction, type DomainSearchResult } from "@/lib/domains/search-domains";
import { listTldPrices } from "@/lib/domains/tld-prices";
import { DomainSearchForm } from "./domain-search-form";
import { DomainSearchResults } from "./domain-search-results";
import { TldPriceTable } from "./tld-price-table";

// The query string speaks Spanish like the paths, and is the one the dashboard's search box sends.
const ACTION_PARAMS = { registrar: "register", transferir: "transfer" } as const satisfies Record<string, DomainSearchAction>;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// Anything odd in the URL falls back to "no search yet" or "register": a GET page never answers 500 for it.
const searchParamsSchema = z.object({
  dominio: z.preprocess(firstValue, z.string().optional()).catch(undefined),
  accion: z.preprocess(firstValue, z.enum(["registrar", "transferir"])).catch("registrar"),
});

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("domains.search");
  return { title: t("title") };
}

/** "Búsqueda de dominio", walkthrough §5.1.7: availability of a name and the price list of every TLD. */
export default async function DomainSearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = searchParamsSchema.parse(await searchParams);
  const action = ACTION_PARAMS[params.accion];
  const t = await getTranslations("domains.search");
  const locale = await getLocale();

  const currency = await getClientCurrency(user.scope);
  const prices = await listTldPrices(currency);
  // No `dominio` at all is a first visit; an empty one is a submitted form and gets its message.
  const result: DomainSearchResult | null = params.dominio === undefined ? null : await searchDomains(params.dominio, action, currency, { prices });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card>
          <DomainSearchForm
            key={`${params.dominio ?? ""}|${action}`}
            defaultValue={params.dominio ?? ""}
            action={action}
            error={result && !result.ok ? result.error : undefined}
          />
        </Card>
        {result?.ok && <DomainSearchResults result={result} locale={locale} canOrder={hasPermission(user, "orders")} />}
        <TldPriceTable prices={prices} locale={locale} />
      </div>
    </>
  );
}
