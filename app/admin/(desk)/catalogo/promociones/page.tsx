import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { listProductNames, listPromoCodes, type CatalogPromo } from "@/lib/staff/catalog/catalog-queries";
import { centsToInput } from "@/lib/staff/catalog/money-input";
import { requireStaff } from "@/lib/staff/staff-session";
import { CatalogForm, type FieldSpec } from "../_components/catalog-form";
import { CatalogNav } from "../_components/catalog-nav";
import { Badge, Section } from "../_components/section";
import { savePromoAction, setPromoActiveAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCatalog.promos");
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The last day a code works, in Madrid, from the instant it stops (the start of the next day). */
function lastDayOf(expiresAt: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(expiresAt.getTime() - 1000));
}

/** Promo codes, newest first, with the uses counted so far; a code is deactivated, never deleted (orders point at it). */
export default async function CatalogPromosPage({ searchParams }: { searchParams: Promise<Record<"cursor", string | string[] | undefined>> }) {
  const staff = await requireStaff(["admin"]);
  const cursor = one((await searchParams).cursor);
  const [page, productNames] = await Promise.all([listPromoCodes(staff.scope, { cursor }), listProductNames()]);
  const t = await getTranslations("adminCatalog");
  const locale = await getLocale();
  const productOptions = productNames.map((product) => ({ value: String(product.id), label: product.name }));
  const nameOf = new Map(productNames.map((product) => [product.id, product.name]));
  const valueText = (promo: CatalogPromo) =>
    promo.type === "percent" ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(promo.value / 100)} %` : formatAmount(promo.value, "EUR", locale);

  const fields = (promo?: CatalogPromo): FieldSpec[] => [
    { kind: "text", name: "code", label: t("promos.code"), hint: t("promos.codeHint"), defaultValue: promo?.code },
    {
      kind: "select",
      name: "type",
      label: t("promos.type"),
      defaultValue: promo?.type ?? "percent",
      options: [
        { value: "percent", label: t("promos.types.percent") },
        { value: "fixed", label: t("promos.types.fixed") },
      ],
    },
    { kind: "money", name: "value", label: t("promos.value"), hint: t("promos.valueHint"), defaultValue: promo ? centsToInput(promo.value) : "" },
    { kind: "text", name: "maxUses", label: t("promos.maxUses"), hint: t("promos.maxUsesHint"), defaultValue: promo?.maxUses ? String(promo.maxUses) : "" },
    { kind: "date", name: "expiresOn", label: t("promos.expiresOn"), hint: t("promos.expiresOnHint"), defaultValue: promo?.expiresAt ? lastDayOf(promo.expiresAt) : "" },
    { kind: "checkbox", name: "recurring", label: t("promos.recurring"), hint: t("promos.recurringHint"), checked: promo?.recurring ?? false },
    { kind: "checkbox", name: "active", label: t("promos.active"), checked: promo?.active ?? true },
    { kind: "checkboxes", name: "productIds", label: t("promos.products"), hint: t("promos.productsHint"), checked: (promo?.productIds ?? []).map(String), options: productOptions, wide: true },
  ];

  return (
    <>
      <PageHeader title={t("promos.title")} description={t("promos.intro")} />
      <CatalogNav current="promos" />
      <div className="space-y-6">
        {page.rows.length === 0 && <EmptyState message={t("promos.empty")} />}
        {page.rows.map((promo) => (
          <Section key={promo.id} id={`promo-${promo.id}`} title={promo.code}>
            <div className="flex flex-wrap gap-2">
              {!promo.active && <Badge tone="amber">{t("promos.inactive")}</Badge>}
              <Badge>{valueText(promo)}</Badge>
              <Badge>{t("promos.uses", { uses: promo.uses, max: promo.maxUses ?? "∞" })}</Badge>
              {promo.expiresAt && <Badge>{t("promos.expires", { date: formatDate(promo.expiresAt, locale) })}</Badge>}
              {promo.recurring && <Badge>{t("promos.recurringBadge")}</Badge>}
            </div>
            <p className="text-sm break-words text-slate-600">
              {promo.productIds.length === 0 ? t("promos.allProducts") : t("promos.someProducts", { names: promo.productIds.map((id) => nameOf.get(id) ?? `#${id}`).join(", ") })}
            </p>
            <CatalogForm
              action={setPromoActiveAction}
              hidden={{ promoId: String(promo.id), active: promo.active ? "no" : "yes" }}
              fields={[]}
              secondary
              label={t(promo.active ? "promos.deactivate" : "promos.activate", { code: promo.code })}
              submitLabel={t(promo.active ? "promos.deactivate" : "promos.activate", { code: promo.code })}
              pendingLabel={t("common.saving")}
            />
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("promos.edit", { code: promo.code })}</summary>
              <div className="mt-3">
                <CatalogForm action={savePromoAction} hidden={{ promoId: String(promo.id) }} fields={fields(promo)} columns={2} label={t("promos.edit", { code: promo.code })} submitLabel={t("common.save")} pendingLabel={t("common.saving")} />
              </div>
            </details>
          </Section>
        ))}
        <Pagination page={page} path="/admin/catalogo/promociones" />
        <Section id="nuevo-codigo" title={t("promos.new")}>
          <CatalogForm action={savePromoAction} fields={fields()} columns={2} label={t("promos.new")} submitLabel={t("promos.create")} pendingLabel={t("common.saving")} />
        </Section>
      </div>
    </>
  );
}
