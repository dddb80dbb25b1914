import { getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { DataTable } from "@/app/_components/data-table";
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
      {/* On a phone each extension is a row of three labelled prices, so nothing scrolls sideways. */}
      <DataTable
        caption={t("caption")}
        emptyMessage={t("empty")}
        stackBelow="sm"
        frame="inset"
        rows={prices}
        rowKey={(price) => price.tld}
        rowClassName="grid grid-cols-3 gap-x-2 gap-y-1 px-3 py-2 sm:table-row sm:p-0"
        columns={[
          {
            key: "tld",
            label: t("tld"),
            rowHeader: true,
            cellClassName: "col-span-3 font-semibold break-all text-slate-900 sm:table-cell sm:px-3 sm:py-2",
            cell: (price) => `.${displayName(price.tld)}`,
          },
          ...COLUMNS.map((column) => ({
            key: column,
            label: t(column),
            headerClassName: "text-right",
            cellClassName: "tabular-nums sm:table-cell sm:px-3 sm:py-2 sm:text-right sm:whitespace-nowrap",
            cell: (price: TldPrice) => (
              <>
                <span className="block text-xs text-slate-500 sm:hidden">{t(column)}</span>
                {formatAmount(price[column], price.currency, locale)}
              </>
            ),
          })),
        ]}
      />
    </Card>
  );
}
