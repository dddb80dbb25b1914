import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listCatalogGroups } from "@/lib/staff/catalog/catalog-queries";
import { requireStaff } from "@/lib/staff/staff-session";
import { CatalogForm, type FieldSpec } from "./_components/catalog-form";
import { CatalogNav } from "./_components/catalog-nav";
import { Badge, Section } from "./_components/section";
import { createProductAction, saveGroupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCatalog.meta");
  return { title: t("title") };
}

/** Product groups and their products, hidden ones included: what the store's "Contratar" lists, and in which order. */
export default async function CatalogPage() {
  await requireStaff(["admin"]);
  const groups = await listCatalogGroups();
  const t = await getTranslations("adminCatalog");

  const groupFields = (group?: (typeof groups)[number]): FieldSpec[] => [
    { kind: "text", name: "name", label: t("groups.name"), defaultValue: group?.name },
    { kind: "text", name: "slug", label: t("groups.slug"), hint: t("groups.slugHint"), defaultValue: group?.slug },
    { kind: "textarea", name: "description", label: t("groups.description"), defaultValue: group?.description ?? "", wide: true },
    { kind: "text", name: "sortOrder", label: t("common.sortOrder"), hint: t("common.sortOrderHint"), defaultValue: String(group?.sortOrder ?? 0) },
    { kind: "checkbox", name: "hidden", label: t("groups.hidden"), hint: t("groups.hiddenHint"), checked: group?.hidden ?? false },
  ];

  return (
    <>
      <PageHeader title={t("meta.title")} description={t("intro")} />
      <CatalogNav current="products" />
      <div className="space-y-6">
        {groups.length === 0 && <EmptyState message={t("groups.empty")} />}
        {groups.map((group) => (
          <Section key={group.id} id={`grupo-${group.id}`} title={group.name} description={group.description ?? undefined}>
            <div className="flex flex-wrap gap-2">
              <Badge>{t("groups.slugBadge", { slug: group.slug })}</Badge>
              <Badge>{t("common.sortOrderBadge", { n: group.sortOrder })}</Badge>
              {group.hidden && <Badge tone="amber">{t("common.hidden")}</Badge>}
            </div>
            <h3 className="text-base font-semibold text-slate-800">{t("groups.products")}</h3>
            {group.products.length === 0 ? (
              <EmptyState message={t("groups.noProducts")} />
            ) : (
              <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
                {group.products.map((product) => (
                  <li key={product.id} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-center sm:justify-between">
                    <Link href={`/admin/catalogo/productos/${product.id}`} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
                      {product.name}
                    </Link>
                    <span className="flex flex-wrap gap-2">
                      {product.hidden && <Badge tone="amber">{t("common.hidden")}</Badge>}
                      {product.prices === 0 && <Badge tone="amber">{t("products.noPrices")}</Badge>}
                      <Badge>{t("products.servicesCount", { n: product.services })}</Badge>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("groups.edit", { name: group.name })}</summary>
              <div className="mt-3">
                <CatalogForm
                  action={saveGroupAction}
                  hidden={{ groupId: String(group.id) }}
                  fields={groupFields(group)}
                  columns={2}
                  label={t("groups.edit", { name: group.name })}
                  submitLabel={t("common.save")}
                  pendingLabel={t("common.saving")}
                />
              </div>
            </details>
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("products.new", { group: group.name })}</summary>
              <div className="mt-3">
                <CatalogForm
                  action={createProductAction}
                  hidden={{ groupId: String(group.id) }}
                  fields={[{ kind: "text", name: "name", label: t("products.name"), hint: t("products.newHint") }]}
                  label={t("products.new", { group: group.name })}
                  submitLabel={t("products.create")}
                  pendingLabel={t("common.saving")}
                  openOnSuccess="/admin/catalogo/productos/"
                />
              </div>
            </details>
          </Section>
        ))}
        <Section id="nuevo-grupo" title={t("groups.newTitle")}>
          <CatalogForm action={saveGroupAction} fields={groupFields()} columns={2} label={t("groups.newTitle")} submitLabel={t("groups.create")} pendingLabel={t("common.saving")} />
        </Section>
      </div>
    </>
  );
}
