import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getClientCurrency } from "@/lib/domains/client-currency";
import { listTldPrices } from "@/lib/domains/tld-prices";
import { listOwnDomainNames } from "@/lib/orders/addons";
import { getStoreProduct } from "@/lib/orders/catalogue";
import { parseRowId } from "@/lib/row-id";
import { BackLink } from "../../../facturacion/_components/back-link";
import { ConfigureForm } from "./configure-form";

type Params = { productId: string };

const loadProduct = cache(async (rawId: string) => {
  const user = await requireUser("orders");
  const productId = parseRowId(rawId);
  const currency = await getClientCurrency(user.scope);
  const product = productId === null ? null : await getStoreProduct(productId, currency);
  if (!product) notFound();
  return { user, product, currency };
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { product } = await loadProduct((await params).productId);
  const t = await getTranslations("store.configure");
  return { title: t("title", { product: product.name }) };
}

/** Configure a product before adding it to the cart: billing cycle, configurable options and, for hosting, its domain. */
export default async function ConfigureProductPage({ params }: { params: Promise<Params> }) {
  const { user, product, currency } = await loadProduct((await params).productId);
  const t = await getTranslations("store.configure");
  const locale = await getLocale();
  const [tlds, ownDomains] = product.requiresDomain ? await Promise.all([listTldPrices(currency), listOwnDomainNames(user.scope)]) : [[], []];
  return (
    <>
      <BackLink href="/productos/contratar" label={t("back")} />
      <PageHeader title={t("title", { product: product.name })} description={product.description ?? undefined} />
      <ConfigureForm product={product} tlds={tlds} ownDomains={ownDomains} currency={currency} locale={locale} />
    </>
  );
}
