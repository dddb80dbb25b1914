import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatAmount } from "@/lib/i18n/format";
import { getCart } from "@/lib/orders/cart";
import { ActionForm } from "../facturacion/_components/action-form";
import { panel, primaryButton, secondaryButton } from "../facturacion/_components/styles";
import { checkoutAction, removeItemAction, removePromoAction } from "./actions";
import { CycleForm, PromoForm } from "./cart-forms";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const searchParamsSchema = z.object({
  aviso: z.preprocess(firstValue, z.enum(["anadido"]).optional()).catch(undefined),
  pedido: z.preprocess(firstValue, z.string().regex(/^ORD-\d{1,12}$/).optional()).catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("store.cart");
  return { title: t("title") };
}

/** The cart (kept in the database: the same in every tab), its promo code and "Realizar pedido". */
export default async function CartPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("orders");
  const params = searchParamsSchema.parse(await searchParams);
  const locale = await getLocale();
  const t = await getTranslations("store");
  const tAll = await getTranslations();
  const cart = await getCart(user.scope, locale);
  const money = (amount: number) => formatAmount(amount, cart.currency, locale);
  const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(cart.taxRateBp / 100);

  return (
    <>
      <PageHeader
        title={t("cart.title")}
        actions={
          <Link href="/productos/contratar" className={secondaryButton}>
            {t("cart.continueShopping")}
          </Link>
        }
      />
      {params.aviso === "anadido" && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("cart.added")}
        </p>
      )}
      {params.pedido && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("cart.orderPlaced", { reference: params.pedido })}
        </p>
      )}
      {cart.items.length === 0 ? (
        <EmptyState
          message={t("cart.empty")}
          action={
            <Link href="/productos/contratar" className={primaryButton}>
              {t("cart.goShopping")}
            </Link>
          }
        />
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <ul aria-label={t("cart.itemsLabel")} className="space-y-4 lg:col-span-2">
            {cart.items.map((item) => (
              <li key={item.id} className={`${panel} space-y-3 p-4`}>
                <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
                  <h2 className="text-base font-semibold text-slate-900">{item.title || t("cart.itemUnavailable")}</h2>
                  {item.domain && <p className="text-sm break-all text-slate-600">{item.domain}</p>}
                </div>
                {item.error ? (
                  <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                    {tAll(item.error)} {t("cart.itemUnavailable")}
                  </p>
                ) : (
                  <dl className="space-y-1 text-sm">
                    {item.lines.map((line, index) => (
                      <div key={index} className="flex justify-between gap-3">
                        <dt className={line.kind === "discount" ? "text-green-800" : "text-slate-700"}>{line.description}</dt>
                        <dd className={`shrink-0 text-right ${line.kind === "discount" ? "text-green-800" : "text-slate-900"}`}>{money(line.unitAmount)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
                  {item.kind === "product" && item.cycles.length > 1 ? (
                    <CycleForm
                      itemId={item.id}
                      current={item.billingCycle}
                      cycles={item.cycles.map((cycle) => ({ billingCycle: cycle.billingCycle, label: `${t(`cycles.${cycle.billingCycle}`)} · ${money(cycle.price)}` }))}
                    />
                  ) : (
                    <span />
                  )}
                  <ActionForm action={removeItemAction} fields={{ itemId: String(item.id) }} label={t("cart.remove")} pendingLabel={t("cart.removing")} variant="secondary" />
                </div>
              </li>
            ))}
          </ul>

          <div className="space-y-4">
            <Card title={t("cart.promoLabel")} titleId="codigo-promocional">
              {cart.promo && !cart.promo.refusal ? (
                <div className="space-y-2">
                  <p role="status" className="text-sm text-green-800">
                    {t("cart.promoApplied", { code: cart.promo.code })}
                  </p>
                  <ActionForm action={removePromoAction} fields={{}} label={t("cart.removePromo")} pendingLabel={t("cart.removing")} variant="secondary" />
                </div>
              ) : (
                <div className="space-y-2">
                  {cart.promo?.refusal && (
                    <>
                      <p role="alert" className="text-sm text-red-700">
                        {cart.promo.code}: {tAll(cart.promo.refusal)}
                      </p>
                      <ActionForm action={removePromoAction} fields={{}} label={t("cart.removePromo")} pendingLabel={t("cart.removing")} variant="secondary" />
                    </>
                  )}
                  <PromoForm />
                </div>
              )}
            </Card>

            <Card title={t("cart.summary")} titleId="resumen-carrito">
              <dl className="space-y-1 text-sm">
                <div className="flex justify-between gap-3">
                  <dt className="text-slate-600">{t("cart.subtotal")}</dt>
                  <dd>{money(cart.grossSubtotal)}</dd>
                </div>
                {cart.discountTotal > 0 && (
                  <div className="flex justify-between gap-3 text-green-800">
                    <dt>{t("cart.discount")}</dt>
                    <dd data-testid="cart-discount">{money(-cart.discountTotal)}</dd>
                  </div>
                )}
                <div className="flex justify-between gap-3">
                  <dt className="text-slate-600">{t("cart.taxableBase")}</dt>
                  <dd>{money(cart.subtotal)}</dd>
                </div>
                <div className="flex justify-between gap-3">
                  <dt className="text-slate-600">{t("cart.tax", { rate: `${rate} %` })}</dt>
                  <dd>{money(cart.taxTotal)}</dd>
                </div>
                <div className="flex justify-between gap-3 border-t border-slate-200 pt-2 text-base font-semibold">
                  <dt>{t("cart.total")}</dt>
                  <dd data-testid="cart-total">{money(cart.total)}</dd>
                </div>
              </dl>
              <p className="mt-3 text-xs text-slate-500">{t("cart.checkoutNote")}</p>
              <div className="mt-3">
                <ActionForm action={checkoutAction} fields={{}} label={t("cart.checkout")} pendingLabel={t("cart.checkingOut")} />
              </div>
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
