import { getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { formatAmount } from "@/lib/i18n/format";
import { displayName } from "@/lib/domains/domain-name";
import type { TldPrice } from "@/lib/domains/tld-prices";

const COLUMNS = ["register", "transfer", "renew"] as const;

/** "Dicha página también le muestra los precios de registro para distintos TLDs" (walkthrough §5.1.7). */
export async function TldPriceTable({ prices, locale }: { prices: TldPrice[]; locale: string }) {
  const t = await getTranslations("domains.search.prices");
  return (
    <Card title={t("title")} titleId="precios-dominios">
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {prices.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        // On a phone each extension is a row of three labelled prices, so nothing scrolls sideways.
        <div className="rounded-md border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600 uppercase sm:table-header-group">
              <tr>
                <th scope="col" className="px-3 py-2">{t("tld")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("register")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("transfer")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("renew")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {prices.map((price) => (
                <tr key={price.tld} className="grid grid-cols-3 gap-x-2 gap-y-1 px-3 py-2 sm:table-row sm:p-0">
                  <th scope="row" className="col-span-3 font-semibold break-all text-slate-900 sm:table-cell sm:px-3 sm:py-2">
                    .{displayName(price.tld)}
                  </th>
                  {COLUMNS.map((column) => (
                    <td key={column} className="tabular-nums sm:table-cell sm:px-3 sm:py-2 sm:text-right sm:whitespace-nowrap">
                      <span className="block text-xs text-slate-500 sm:hidden">{t(column)}</span>
                      {formatAmount(price[column], price.currency, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
