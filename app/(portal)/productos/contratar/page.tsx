import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getClientCurrency } from "@/lib/domains/client-currency";
import { formatAmount } from "@/lib/i18n/format";
import { countCartItems } from "@/lib/orders/cart";
import { listStoreCatalogue } from "@/lib/orders/catalogue";
import { primaryButton, secondaryButton } from "../../facturacion/_components/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("store.shop");
  return { title: t("title") };
}

/** "Contratar un nuevo producto/servicio" (walkthrough §4.2): the groups and their products with features and prices per cycle. */
export default async function StorePage() {
  const user = await requireUser("orders");
  const t = await getTranslations("store");
  const locale = await getLocale();
  const currency = await getClientCurrency(user.scope);
  const [groups, inCart] = await Promise.all([listStoreCatalogue(currency), countCartItems(user.scope)]);
  const money = (amount: number) => formatAmount(amount, currency, locale);

  return (
    <>
      <PageHeader
        title={t("shop.title")}
        description={t("shop.intro")}
        actions={
          <>
            <Link href="/productos/complementos" className={secondaryButton}>
              {t("shop.addonsLink")}
            </Link>
            <Link href="/carrito" className={secondaryButton}>
              {t("shop.cartLink", { count: inCart })}
            </Link>
          </>
        }
      />
      {groups.length === 0 && <EmptyState message={t("shop.empty")} />}
      {groups.length > 1 && (
        <nav aria-label={t("shop.groupsLabel")} className="mb-6 flex flex-wrap gap-2">
          {groups.map((group) => (
            <a key={group.id} href={`#grupo-${group.slug}`} className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50">
              {group.name}
            </a>
          ))}
        </nav>
      )}
      <div className="space-y-10">
        {groups.map((group) => (
          <section key={group.id} id={`grupo-${group.slug}`} aria-labelledby={`grupo-${group.slug}-titulo`} className="scroll-mt-20">
            <h2 id={`grupo-${group.slug}-titulo`} className="text-xl font-semibold text-slate-900">
              {group.name}
            </h2>
            {group.description && <p className="mt-1 text-sm text-slate-600">{group.description}</p>}
            <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {group.products.map((product) => {
                const cheapest = product.prices[0]!;
                return (
                  <li key={product.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                    <h3 className="text-lg font-semibold text-slate-900">{product.name}</h3>
                    {product.description && <p className="mt-1 text-sm text-slate-600">{product.description}</p>}
                    <p className="mt-3 text-base font-semibold text-brand-700">
                      {t("shop.from", { price: t(`perCycle.${cheapest.billingCycle}`, { price: money(cheapest.price) }) })}
                    </p>
                    {product.features.length > 0 && (
                      <ul className="mt-3 space-y-1 text-sm text-slate-700">
                        {product.features.map((feature) => (
                          <li key={feature} className="flex gap-2">
                            <span aria-hidden="true" className="text-green-700">
                              ✓
                            </span>
                            <span>{feature}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                    <details className="mt-3 text-sm">
                      <summary className="cursor-pointer text-slate-700">{t("shop.pricesHeading")}</summary>
                      <dl className="mt-2 space-y-1">
                        {product.prices.map((price) => (
                          <div key={price.billingCycle} className="flex flex-wrap justify-between gap-x-3">
                            <dt className="text-slate-600">{t(`cycles.${price.billingCycle}`)}</dt>
                            <dd className="text-right text-slate-900">
                              {money(price.price)}
                              <span className="block text-xs text-slate-500">
                                {price.setupFee > 0 ? t("shop.setupFee", { amount: money(price.setupFee) }) : t("shop.noSetupFee")}
                              </span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                    <div className="mt-auto pt-4">
                      <Link href={`/productos/contratar/${product.id}`} className={primaryButton} aria-label={`${t("shop.order")}: ${product.name}`}>
                        {t("shop.order")}
                      </Link>
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
