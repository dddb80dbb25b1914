import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/app/_components/data-table";
import type { InvoiceClientSnapshot } from "@/db/schema";
import type { InvoiceIssuer, TaxBreakdownRow } from "@/lib/billing/queries/invoice-view";
import { formatAmount } from "@/lib/i18n/format";
import { countryName, formatRate } from "./format";

type Line = { description: string; quantity: number; unitAmount: number; taxRateBp: number; lineSubtotal: number };

/** Issuer and client side by side (stacked on a phone), with the data Spanish invoices must carry. */
export async function PartyBlocks({ issuer, client }: { issuer: InvoiceIssuer; client: InvoiceClientSnapshot }) {
  const t = await getTranslations("billing.document");
  const locale = await getLocale();
  const place = (postcode: string, city: string, province: string) =>
    [[postcode, city].filter(Boolean).join(" "), province && province !== city ? `(${province})` : ""].filter(Boolean).join(" ");
  const issuerLines = [
    issuer.address1,
    place(issuer.postcode, issuer.city, issuer.province),
    issuer.country ? countryName(issuer.country, locale) : "",
    issuer.email,
    issuer.phone,
  ];
  const clientLines = [
    client.companyName ? client.name : "",
    client.address,
    place(client.postcode, client.city, client.province),
    client.country ? countryName(client.country, locale) : "",
  ];
  return (
    <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
      <Party title={t("issuer")} name={issuer.legalName} taxIdLabel={t("taxId")} taxId={issuer.taxId} lines={issuerLines} />
      <Party title={t("client")} name={client.companyName ?? client.name} taxIdLabel={t("taxId")} taxId={client.taxId} lines={clientLines} />
    </div>
  );
}

function Party({ title, name, taxIdLabel, taxId, lines }: { title: string; name: string; taxIdLabel: string; taxId: string | null; lines: string[] }) {
  return (
    <section className="min-w-0 rounded-md border border-slate-200 p-4 print:border-slate-300">
      <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      <address className="mt-2 text-sm leading-6 not-italic text-slate-800">
        <span className="block font-semibold text-slate-900">{name}</span>
        {taxId && (
          <span className="block">
            {taxIdLabel}: {taxId}
          </span>
        )}
        {lines.filter(Boolean).map((line, index) => (
          <span key={index} className="block">
            {line}
          </span>
        ))}
      </address>
    </section>
  );
}

/** The lines: a table on wide screens and on paper, one card per line on a phone. */
export async function LinesTable({ lines, currency, caption }: { lines: Line[]; currency: string; caption: string }) {
  const t = await getTranslations("billing.document");
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, currency, locale);
  return (
    <DataTable
      caption={caption}
      empty={<p className="text-sm text-slate-600">{t("noLines")}</p>}
      stackBelow="sm"
      printAsTable
      frame="none"
      rows={lines}
      rowKey={(_line, index) => index}
      rowClassName="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 py-3 sm:table-row sm:py-0 print:table-row"
      columns={[
        {
          key: "description",
          label: t("description"),
          headerClassName: "py-2 pr-4",
          cellClassName: "col-span-2 font-medium text-slate-900 sm:py-3 sm:pr-4 sm:align-top sm:font-normal print:py-2",
          cell: (line) => line.description,
        },
        {
          key: "quantity",
          label: t("quantity"),
          headerClassName: "py-2 pr-4 text-right whitespace-nowrap",
          cellClassName: "text-slate-600 sm:py-3 sm:pr-4 sm:text-right sm:align-top sm:whitespace-nowrap sm:text-slate-900 print:py-2",
          labelClassName: "sm:hidden print:hidden",
          cell: (line) => line.quantity,
        },
        {
          key: "unit-price",
          label: t("unitPrice"),
          headerClassName: "py-2 pr-4 text-right whitespace-nowrap",
          cellClassName: "text-right text-slate-600 tabular-nums sm:py-3 sm:pr-4 sm:align-top sm:whitespace-nowrap sm:text-slate-900 print:py-2",
          labelClassName: "sm:hidden print:hidden",
          cell: (line) => money(line.unitAmount),
        },
        {
          key: "tax-rate",
          label: t("taxRate"),
          headerClassName: "py-2 pr-4 text-right whitespace-nowrap",
          cellClassName: "text-slate-600 sm:py-3 sm:pr-4 sm:text-right sm:align-top sm:whitespace-nowrap sm:text-slate-900 print:py-2",
          labelClassName: "sm:hidden print:hidden",
          cell: (line) => formatRate(line.taxRateBp, locale),
        },
        {
          key: "amount",
          label: t("amount"),
          headerClassName: "py-2 text-right whitespace-nowrap",
          cellClassName: "text-right font-semibold tabular-nums text-slate-900 sm:py-3 sm:align-top sm:whitespace-nowrap sm:font-normal print:py-2",
          labelClassName: "font-normal text-slate-600 sm:hidden print:hidden",
          cell: (line) => money(line.lineSubtotal),
        },
      ]}
    />
  );
}

export type TotalsExtraRow = { label: string; amount: number; strong?: boolean };

/** Tax base and tax per rate, then the total; `extra` rows (paid, due) follow it. */
export async function TotalsTable({
  breakdown,
  total,
  currency,
  taxMention,
  extra = [],
}: {
  breakdown: TaxBreakdownRow[];
  total: number;
  currency: string;
  taxMention?: string | null;
  extra?: TotalsExtraRow[];
}) {
  const t = await getTranslations("billing.document");
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, currency, locale);
  const rows: TotalsExtraRow[] = [];
  for (const row of breakdown) {
    const rate = formatRate(row.rateBp, locale);
    rows.push({ label: t("taxBase", { rate }), amount: row.base });
    rows.push({ label: t("tax", { rate }), amount: row.tax });
  }
  return (
    <div className="flex flex-col items-stretch sm:items-end print:items-end">
      <dl className="w-full space-y-1 text-sm sm:w-80 print:w-80">
        {rows.map((row) => (
          <div key={row.label} className="flex justify-between gap-4">
            <dt className="text-slate-600">{row.label}</dt>
            <dd className="tabular-nums text-slate-900">{money(row.amount)}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-bold">
          <dt>{t("total")}</dt>
          <dd className="tabular-nums">{money(total)}</dd>
        </div>
        {extra.map((row) => (
          <div key={row.label} className={`flex justify-between gap-4 ${row.strong ? "text-base font-bold" : ""}`}>
            <dt className={row.strong ? "" : "text-slate-600"}>{row.label}</dt>
            <dd className="tabular-nums">{money(row.amount)}</dd>
          </div>
        ))}
      </dl>
      {taxMention && <p className="mt-3 text-sm font-medium text-slate-800">{taxMention}</p>}
    </div>
  );
}
