import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { BILLING_CYCLES, CONFIG_OPTION_TYPES } from "@/db/schema";
import { formatAmount } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { getCatalogProduct, type PriceRow } from "@/lib/staff/catalog/catalog-queries";
import { centsToInput } from "@/lib/staff/catalog/money-input";
import { requireStaff } from "@/lib/staff/staff-session";
import { CatalogForm, ConfirmDelete, type FieldSpec } from "../../_components/catalog-form";
import { Badge, Section } from "../../_components/section";
import {
  deleteChoiceAction,
  deleteOptionAction,
  deleteProductAction,
  removeChoicePriceAction,
  removeProductPriceAction,
  saveChoiceAction,
  saveChoicePriceAction,
  saveOptionAction,
  saveProductPriceAction,
  setProductAddonsAction,
  updateProductAction,
} from "../../actions";

type Props = { params: Promise<{ productId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCatalog.product");
  return { title: t("metaTitle") };
}

/** One product: its details, prices per cycle and currency, configurable options and the addons offered with it. */
export default async function CatalogProductPage({ params }: Props) {
  const staff = await requireStaff(["admin"]);
  const productId = parseRowId((await params).productId);
  const found = productId === null ? null : await getCatalogProduct(staff.scope, productId);
  if (!found) notFound();
  const { product, prices, options, groups, addons, services } = found;
  const t = await getTranslations("adminCatalog");
  const cycles = await getTranslations("store.cycles");
  const locale = await getLocale();
  const money = (amount: number, currency: string) => formatAmount(amount, currency, locale);
  const cycleOptions = BILLING_CYCLES.map((cycle) => ({ value: cycle, label: cycles(cycle) }));
  const common = { submitLabel: t("common.save"), pendingLabel: t("common.saving") };
  const confirmTexts = { cancelLabel: t("common.cancel"), pendingLabel: t("common.deleting") };

  const priceFields = (row?: PriceRow): FieldSpec[] => [
    ...(row
      ? []
      : ([
          { kind: "select", name: "billingCycle", label: t("prices.cycle"), options: cycleOptions, defaultValue: "monthly" },
          { kind: "text", name: "currency", label: t("prices.currency"), defaultValue: "EUR", hint: t("prices.currencyHint") },
        ] satisfies FieldSpec[])),
    { kind: "money", name: "price", label: t("prices.price"), defaultValue: row ? centsToInput(row.price) : "", hint: t("common.moneyHint") },
    { kind: "money", name: "setupFee", label: t("prices.setupFee"), defaultValue: row ? centsToInput(row.setupFee) : "", hint: t("prices.setupFeeHint") },
  ];

  const priceList = (rows: PriceRow[], owner: { name: "productId" | "choiceId"; id: number; title: string }) =>
    rows.length === 0 ? (
      <EmptyState message={t("prices.empty")} />
    ) : (
      <ul className="space-y-3">
        {rows.map((row) => {
          const rowName = t("prices.rowLabel", { cycle: cycles(row.billingCycle), currency: row.currency, owner: owner.title });
          const key = { [owner.name]: String(owner.id), currency: row.currency, billingCycle: row.billingCycle };
          return (
            <li key={`${row.currency}-${row.billingCycle}`} className="rounded-md border border-slate-200 p-3">
              <p className="mb-2 text-sm font-semibold text-slate-800">
                {cycles(row.billingCycle)} · {row.currency} · {money(row.price, row.currency)}
                {row.setupFee > 0 ? ` + ${t("prices.setupFeeShort", { amount: money(row.setupFee, row.currency) })}` : ""}
              </p>
              <CatalogForm
                action={owner.name === "productId" ? saveProductPriceAction : saveChoicePriceAction}
                hidden={key}
                fields={priceFields(row)}
                columns={2}
                label={rowName}
                {...common}
              />
              <div className="mt-2">
                <ConfirmDelete
                  action={owner.name === "productId" ? removeProductPriceAction : removeChoicePriceAction}
                  fields={key}
                  triggerLabel={t("prices.remove")}
                  title={t("prices.removeTitle", { cycle: cycles(row.billingCycle), currency: row.currency })}
                  body={t(owner.name === "productId" ? "prices.removeBody" : "prices.removeChoiceBody")}
                  confirmLabel={t("prices.removeConfirm")}
                  {...confirmTexts}
                />
              </div>
            </li>
          );
        })}
      </ul>
    );

  return (
    <>
      <PageHeader
        title={product.name}
        description={t("product.intro")}
        actions={
          <Link href="/admin/catalogo" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("product.back")}
          </Link>
        }
      />
      <div className="mb-4 flex flex-wrap gap-2">
        {product.hidden && <Badge tone="amber">{t("common.hidden")}</Badge>}
        <Badge>{t("products.servicesCount", { n: services })}</Badge>
      </div>
      <div className="space-y-6">
        <Section id="datos" title={t("product.details")}>
          <CatalogForm
            action={updateProductAction}
            hidden={{ productId: String(product.id) }}
            columns={2}
            label={t("product.details")}
            fields={[
              { kind: "text", name: "name", label: t("products.name"), defaultValue: product.name },
              { kind: "select", name: "groupId", label: t("product.group"), defaultValue: String(product.groupId), options: groups.map((group) => ({ value: String(group.id), label: group.name })) },
              { kind: "textarea", name: "description", label: t("product.description"), defaultValue: product.description ?? "", wide: true },
              { kind: "textarea", name: "features", label: t("product.features"), hint: t("product.featuresHint"), defaultValue: product.features.join("\n"), rows: 5, wide: true },
              { kind: "text", name: "panelPackage", label: t("product.panelPackage"), hint: t("product.panelPackageHint"), defaultValue: product.panelPackage ?? "" },
              { kind: "text", name: "sortOrder", label: t("common.sortOrder"), hint: t("common.sortOrderHint"), defaultValue: String(product.sortOrder) },
              { kind: "checkbox", name: "requiresDomain", label: t("product.requiresDomain"), checked: product.requiresDomain },
              { kind: "checkbox", name: "hidden", label: t("product.hidden"), hint: t("product.hiddenHint"), checked: product.hidden },
            ]}
            {...common}
          />
        </Section>

        <Section id="precios" title={t("prices.title")} description={t("prices.intro")}>
          {priceList(prices, { name: "productId", id: product.id, title: product.name })}
          <div className="rounded-md border border-dashed border-slate-300 p-3">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("prices.add")}</h3>
            <CatalogForm action={saveProductPriceAction} hidden={{ productId: String(product.id) }} fields={priceFields()} columns={2} label={t("prices.add")} submitLabel={t("prices.addSubmit")} pendingLabel={t("common.saving")} />
          </div>
        </Section>

        <Section id="opciones" title={t("options.title")} description={t("options.intro")}>
          {options.length === 0 && <EmptyState message={t("options.empty")} />}
          {options.map((option) => (
            <div key={option.id} className="space-y-3 rounded-md border border-slate-200 p-3">
              <h3 className="font-semibold break-words text-slate-900">
                {option.name} <span className="text-sm font-normal text-slate-600">({t(`options.types.${option.type}`)})</span>
              </h3>
              <CatalogForm
                action={saveOptionAction}
                hidden={{ productId: String(product.id), optionId: String(option.id) }}
                columns={4}
                label={t("options.editLabel", { name: option.name })}
                fields={[
                  { kind: "text", name: "name", label: t("options.name"), defaultValue: option.name },
                  { kind: "select", name: "type", label: t("options.type"), defaultValue: option.type, options: CONFIG_OPTION_TYPES.map((type) => ({ value: type, label: t(`options.types.${type}`) })) },
                  { kind: "text", name: "sortOrder", label: t("common.sortOrder"), defaultValue: String(option.sortOrder) },
                ]}
                {...common}
              />
              <ConfirmDelete
                action={deleteOptionAction}
                fields={{ optionId: String(option.id) }}
                triggerLabel={t("options.delete")}
                title={t("options.deleteTitle", { name: option.name })}
                body={t("options.deleteBody")}
                confirmLabel={t("options.deleteConfirm")}
                {...confirmTexts}
              />
              <h4 className="text-sm font-semibold text-slate-800">{t("choices.title")}</h4>
              {option.choices.length === 0 && <EmptyState message={t("choices.empty")} />}
              {option.choices.map((choice) => (
                <details key={choice.id} className="rounded-md border border-slate-200 p-3">
                  <summary className="cursor-pointer text-sm font-medium break-words text-slate-800">
                    {choice.label}
                    {choice.panelValue ? ` · ${t("choices.panelValueShort", { value: choice.panelValue })}` : ""} · {t("choices.pricesCount", { n: choice.prices.length })}
                  </summary>
                  <div className="mt-3 space-y-3">
                    <CatalogForm
                      action={saveChoiceAction}
                      hidden={{ optionId: String(option.id), choiceId: String(choice.id) }}
                      columns={4}
                      label={t("choices.editLabel", { label: choice.label })}
                      fields={[
                        { kind: "text", name: "label", label: t("choices.label"), defaultValue: choice.label },
                        { kind: "text", name: "panelValue", label: t("choices.panelValue"), hint: t("choices.panelValueHint"), defaultValue: choice.panelValue ?? "" },
                        { kind: "text", name: "sortOrder", label: t("common.sortOrder"), defaultValue: String(choice.sortOrder) },
                      ]}
                      {...common}
                    />
                    <ConfirmDelete
                      action={deleteChoiceAction}
                      fields={{ choiceId: String(choice.id) }}
                      triggerLabel={t("choices.delete")}
                      title={t("choices.deleteTitle", { label: choice.label })}
                      body={t("choices.deleteBody")}
                      confirmLabel={t("choices.deleteConfirm")}
                      {...confirmTexts}
                    />
                    <h5 className="text-sm font-semibold text-slate-800">{t("choices.prices")}</h5>
                    {priceList(choice.prices, { name: "choiceId", id: choice.id, title: choice.label })}
                    <div className="rounded-md border border-dashed border-slate-300 p-3">
                      <CatalogForm action={saveChoicePriceAction} hidden={{ choiceId: String(choice.id) }} fields={priceFields()} columns={2} label={t("choices.addPrice", { label: choice.label })} submitLabel={t("prices.addSubmit")} pendingLabel={t("common.saving")} />
                    </div>
                  </div>
                </details>
              ))}
              <div className="rounded-md border border-dashed border-slate-300 p-3">
                <h4 className="mb-2 text-sm font-semibold text-slate-800">{t("choices.new")}</h4>
                <CatalogForm
                  action={saveChoiceAction}
                  hidden={{ optionId: String(option.id) }}
                  columns={4}
                  label={t("choices.newLabel", { name: option.name })}
                  fields={[
                    { kind: "text", name: "label", label: t("choices.label") },
                    { kind: "text", name: "panelValue", label: t("choices.panelValue"), hint: t("choices.panelValueHint") },
                    { kind: "text", name: "sortOrder", label: t("common.sortOrder"), defaultValue: String(option.choices.length + 1) },
                  ]}
                  submitLabel={t("choices.create")}
                  pendingLabel={t("common.saving")}
                />
              </div>
            </div>
          ))}
          <div className="rounded-md border border-dashed border-slate-300 p-3">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("options.new")}</h3>
            <CatalogForm
              action={saveOptionAction}
              hidden={{ productId: String(product.id) }}
              columns={4}
              label={t("options.new")}
              fields={[
                { kind: "text", name: "name", label: t("options.name") },
                { kind: "select", name: "type", label: t("options.type"), defaultValue: "select", options: CONFIG_OPTION_TYPES.map((type) => ({ value: type, label: t(`options.types.${type}`) })) },
                { kind: "text", name: "sortOrder", label: t("common.sortOrder"), defaultValue: String(options.length + 1) },
              ]}
              submitLabel={t("options.create")}
              pendingLabel={t("common.saving")}
            />
          </div>
        </Section>

        <Section id="complementos" title={t("addons.forProduct")} description={t("addons.forProductIntro")}>
          {addons.length === 0 ? (
            <EmptyState message={t("addons.empty")} />
          ) : (
            <CatalogForm
              action={setProductAddonsAction}
              hidden={{ productId: String(product.id) }}
              label={t("addons.forProduct")}
              fields={[
                {
                  kind: "checkboxes",
                  name: "addonIds",
                  label: t("addons.offered"),
                  checked: addons.filter((addon) => addon.linked).map((addon) => String(addon.id)),
                  options: addons.map((addon) => ({ value: String(addon.id), label: addon.hidden ? `${addon.name} (${t("common.hidden").toLowerCase()})` : addon.name })),
                },
              ]}
              {...common}
            />
          )}
        </Section>

        <Section id="eliminar" title={t("product.deleteTitle")}>
          {services > 0 ? (
            <p className="text-sm text-slate-700">{t("product.cannotDelete", { n: services })}</p>
          ) : (
            <ConfirmDelete
              action={deleteProductAction}
              fields={{ productId: String(product.id) }}
              triggerLabel={t("product.delete")}
              title={t("product.deleteConfirmTitle", { name: product.name })}
              body={t("product.deleteBody")}
              confirmLabel={t("product.deleteConfirm")}
              {...confirmTexts}
            />
          )}
        </Section>
      </div>
    </>
  );
}
