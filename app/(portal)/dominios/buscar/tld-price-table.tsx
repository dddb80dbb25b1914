import { getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { formatAmount } from "@/lib/i18n/format";
import { displayName } from "@/lib/domains/domain-name";
import type { TldPrice } from "@/lib/domains/tld-prices";

/** "Dicha página también le muestra los precios de registro para distintos TLDs" (walkthrough §5.1.7). */
export async function TldPriceTable({ prices, locale }: { prices: TldPrice[]; locale: string }) {
  const t = await getTranslations("domains.search.prices");
  return (
    <Card title={t("title")} titleId="precios-dominios">
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {prices.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        // Four narrow columns fit a 360 px phone; the scroll box only guards against a long IDN extension.
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">{t("tld")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("register")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("transfer")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("renew")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {prices.map((price) => (
                <tr key={price.tld}>
                  <th scope="row" className="px-3 py-2 font-semibold text-slate-900">.{displayName(price.tld)}</th>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatAmount(price.register, price.currency, locale)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatAmount(price.transfer, price.currency, locale)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatAmount(price.renew, price.currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
