import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { formatAmount } from "@/lib/i18n/format";
import { listCatalogTlds } from "@/lib/staff/catalog/catalog-queries";
import { centsToInput } from "@/lib/staff/catalog/money-input";
import { requireStaff } from "@/lib/staff/staff-session";
import { CatalogForm, ConfirmDelete, type FieldSpec } from "../_components/catalog-form";
import { CatalogNav } from "../_components/catalog-nav";
import { Section } from "../_components/section";
import { removeTldPriceAction, saveTldPriceAction, stopSellingTldAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCatalog.tlds");
  return { title: t("title") };
}

/** Domain extensions and their register / transfer / renew prices per number of years, as tld_prices holds them. */
export default async function CatalogTldsPage() {
  await requireStaff(["admin"]);
  const tlds = await listCatalogTlds();
  const t = await getTranslations("adminCatalog");
  const locale = await getLocale();
  const confirmTexts = { cancelLabel: t("common.cancel"), pendingLabel: t("common.deleting") };
  const amountFields = (row?: { register: number; transfer: number; renew: number }): FieldSpec[] => [
    { kind: "money", name: "register", label: t("tlds.register"), defaultValue: row ? centsToInput(row.register) : "" },
    { kind: "money", name: "transfer", label: t("tlds.transfer"), defaultValue: row ? centsToInput(row.transfer) : "" },
    { kind: "money", name: "renew", label: t("tlds.renew"), defaultValue: row ? centsToInput(row.renew) : "" },
  ];

  return (
    <>
      <PageHeader title={t("tlds.title")} description={t("tlds.intro")} />
      <CatalogNav current="tlds" />
      <div className="space-y-6">
        {tlds.length === 0 && <EmptyState message={t("tlds.empty")} />}
        {tlds.map((entry) => {
          const key = { tld: entry.tld, currency: entry.currency };
          return (
            <Section key={`${entry.tld}-${entry.currency}`} id={`tld-${entry.tld.replaceAll(".", "-")}-${entry.currency}`} title={t("tlds.heading", { tld: entry.tld, currency: entry.currency })}>
              <ul className="space-y-1 text-sm text-slate-800">
                {entry.rows.map((row) => (
                  <li key={row.years}>
                    <span className="font-semibold">{t("tlds.years", { n: row.years })}</span> ·{" "}
                    {t("tlds.summary", { register: formatAmount(row.register, entry.currency, locale), transfer: formatAmount(row.transfer, entry.currency, locale), renew: formatAmount(row.renew, entry.currency, locale) })}
                  </li>
                ))}
              </ul>
              {/* The forms stay folded: with a form per period, seven TLDs would make a very long page on a phone. */}
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("tlds.edit", { tld: entry.tld })}</summary>
                <div className="mt-3 space-y-3">
                  {entry.rows.map((row) => (
                    <div key={row.years} className="rounded-md border border-slate-200 p-3">
                      <p className="mb-2 text-sm font-semibold text-slate-800">{t("tlds.years", { n: row.years })}</p>
                      <CatalogForm
                        action={saveTldPriceAction}
                        hidden={{ ...key, years: String(row.years) }}
                        fields={amountFields(row)}
                        columns={4}
                        label={t("tlds.rowLabel", { tld: entry.tld, currency: entry.currency, n: row.years })}
                        submitLabel={t("common.save")}
                        pendingLabel={t("common.saving")}
                      />
                      <div className="mt-2">
                        <ConfirmDelete
                          action={removeTldPriceAction}
                          fields={{ ...key, years: String(row.years) }}
                          triggerLabel={t("tlds.removeYears", { n: row.years })}
                          title={t("tlds.removeYearsTitle", { tld: entry.tld, n: row.years })}
                          body={t("tlds.removeYearsBody")}
                          confirmLabel={t("tlds.removeYearsConfirm")}
                          {...confirmTexts}
                        />
                      </div>
                    </div>
                  ))}
                  <div className="rounded-md border border-dashed border-slate-300 p-3">
                    <CatalogForm
                      action={saveTldPriceAction}
                      hidden={key}
                      fields={[{ kind: "text", name: "years", label: t("tlds.yearsField"), defaultValue: String((entry.rows.at(-1)?.years ?? 0) + 1) }, ...amountFields()]}
                      columns={4}
                      label={t("tlds.addYears", { tld: entry.tld })}
                      submitLabel={t("tlds.addYears", { tld: entry.tld })}
                      pendingLabel={t("common.saving")}
                    />
                  </div>
                </div>
              </details>
              <ConfirmDelete
                action={stopSellingTldAction}
                fields={key}
                triggerLabel={t("tlds.stop", { tld: entry.tld })}
                title={t("tlds.stopTitle", { tld: entry.tld })}
                body={t("tlds.stopBody")}
                confirmLabel={t("tlds.stopConfirm")}
                {...confirmTexts}
              />
            </Section>
          );
        })}
        <Section id="nueva-extension" title={t("tlds.new")} description={t("tlds.newIntro")}>
          <CatalogForm
            action={saveTldPriceAction}
            fields={[
              { kind: "text", name: "tld", label: t("tlds.tld"), hint: t("tlds.tldHint") },
              { kind: "text", name: "currency", label: t("prices.currency"), defaultValue: "EUR" },
              { kind: "text", name: "years", label: t("tlds.yearsField"), defaultValue: "1" },
              ...amountFields(),
            ]}
            columns={2}
            label={t("tlds.new")}
            submitLabel={t("tlds.create")}
            pendingLabel={t("common.saving")}
          />
        </Section>
      </div>
    </>
  );
}
