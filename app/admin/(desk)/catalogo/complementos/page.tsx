import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { BILLING_CYCLES } from "@/db/schema";
import { formatAmount } from "@/lib/i18n/format";
import { listCatalogAddons, type CatalogAddon } from "@/lib/staff/catalog/catalog-queries";
import { centsToInput } from "@/lib/staff/catalog/money-input";
import { requireStaff } from "@/lib/staff/staff-session";
import { CatalogForm, type FieldSpec } from "../_components/catalog-form";
import { CatalogNav } from "../_components/catalog-nav";
import { Badge, Section } from "../_components/section";
import { saveAddonAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCatalog.addons");
  return { title: t("title") };
}

/** Addons ("IP dedicada", "Copias de seguridad"): one price on one cycle each; which products offer them is set on each product's page. */
export default async function CatalogAddonsPage() {
  await requireStaff(["admin"]);
  const addons = await listCatalogAddons();
  const t = await getTranslations("adminCatalog");
  const cycles = await getTranslations("store.cycles");
  const locale = await getLocale();
  const cycleOptions = BILLING_CYCLES.map((cycle) => ({ value: cycle, label: cycles(cycle) }));

  const fields = (addon?: CatalogAddon): FieldSpec[] => [
    { kind: "text", name: "name", label: t("addons.name"), defaultValue: addon?.name },
    { kind: "select", name: "billingCycle", label: t("prices.cycle"), options: cycleOptions, defaultValue: addon?.billingCycle ?? "monthly" },
    { kind: "textarea", name: "description", label: t("addons.description"), defaultValue: addon?.description ?? "", wide: true },
    { kind: "money", name: "price", label: t("prices.price"), hint: t("common.moneyHint"), defaultValue: addon ? centsToInput(addon.price) : "" },
    { kind: "money", name: "setupFee", label: t("prices.setupFee"), hint: t("prices.setupFeeHint"), defaultValue: addon ? centsToInput(addon.setupFee) : "" },
    { kind: "text", name: "currency", label: t("prices.currency"), hint: t("prices.currencyHint"), defaultValue: addon?.currency ?? "EUR" },
    { kind: "checkbox", name: "hidden", label: t("addons.hidden"), hint: t("addons.hiddenHint"), checked: addon?.hidden ?? false },
  ];

  return (
    <>
      <PageHeader title={t("addons.title")} description={t("addons.intro")} />
      <CatalogNav current="addons" />
      <div className="space-y-6">
        {addons.length === 0 && <EmptyState message={t("addons.empty")} />}
        {addons.map((addon) => (
          <Section key={addon.id} id={`complemento-${addon.id}`} title={addon.name}>
            <p className="text-sm text-slate-700">
              {t("addons.summary", { price: formatAmount(addon.price, addon.currency, locale), cycle: cycles(addon.billingCycle) })}
              {addon.setupFee > 0 ? ` + ${t("prices.setupFeeShort", { amount: formatAmount(addon.setupFee, addon.currency, locale) })}` : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              {addon.hidden && <Badge tone="amber">{t("common.hidden")}</Badge>}
              <span className="text-sm break-words text-slate-600">
                {addon.productNames.length === 0 ? t("addons.noProducts") : t("addons.products", { names: addon.productNames.join(", ") })}
              </span>
            </div>
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("addons.edit", { name: addon.name })}</summary>
              <div className="mt-3">
                <CatalogForm action={saveAddonAction} hidden={{ addonId: String(addon.id) }} fields={fields(addon)} columns={2} label={t("addons.edit", { name: addon.name })} submitLabel={t("common.save")} pendingLabel={t("common.saving")} />
              </div>
            </details>
          </Section>
        ))}
        <Section id="nuevo-complemento" title={t("addons.new")}>
          <CatalogForm action={saveAddonAction} fields={fields()} columns={2} label={t("addons.new")} submitLabel={t("addons.create")} pendingLabel={t("common.saving")} />
        </Section>
      </div>
    </>
  );
}
