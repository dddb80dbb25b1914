import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatAmount } from "@/lib/i18n/format";
import { listAvailableAddons } from "@/lib/orders/addons";
import { parseRowId } from "@/lib/row-id";
import { addAddonAction } from "../../carrito/actions";
import { ActionForm } from "../../facturacion/_components/action-form";
import { panel, secondaryButton, textLink } from "../../facturacion/_components/styles";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const searchParamsSchema = z.object({ servicio: z.preprocess(firstValue, z.string().optional()).catch(undefined) });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("store.addons");
  return { title: t("title") };
}

/**
 * "Ver complementos disponibles" (walkthrough §4.3): the addons of each of the customer's services;
 * with ?servicio=<id> only that service's (another client's id, or nonsense, answers 404).
 */
export default async function AddonsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("orders");
  const { servicio } = searchParamsSchema.parse(await searchParams);
  const serviceId = servicio === undefined ? undefined : parseRowId(servicio);
  if (serviceId === null) notFound();
  const { currency, services } = await listAvailableAddons(user.scope, serviceId);
  if (serviceId !== undefined && services.length === 0) notFound();
  const t = await getTranslations("store");
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, currency, locale);
  const only = serviceId !== undefined ? services[0] : undefined;

  return (
    <>
      <PageHeader
        title={only ? t("addons.forService", { domain: only.domain || only.productName }) : t("addons.title")}
        description={t("addons.intro")}
        actions={
          <Link href="/carrito" className={secondaryButton}>
            {t("cart.title")}
          </Link>
        }
      />
      {only && (
        <p className="mb-4 text-sm">
          <Link href="/productos/complementos" className={textLink}>
            {t("addons.showAll")}
          </Link>
        </p>
      )}
      {services.length === 0 && <EmptyState message={t("addons.noServices")} />}
      <div className="space-y-6">
        {services.map((service) => (
          <section key={service.serviceId} aria-labelledby={`servicio-${service.serviceId}`} className={`${panel} p-4`}>
            <h2 id={`servicio-${service.serviceId}`} className="text-base font-semibold break-all text-slate-900">
              {t("addons.serviceHeading", { product: service.productName, domain: service.domain })}
            </h2>
            {service.addons.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("addons.noAddons")}</p>
            ) : (
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {service.addons.map((addon) => (
                  <li key={addon.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
                    <h3 className="font-medium text-slate-900">{addon.name}</h3>
                    {addon.description && <p className="text-sm text-slate-600">{addon.description}</p>}
                    <p className="text-sm font-semibold text-slate-900">{t("addons.price", { price: money(addon.price), cycle: t(`cycles.${addon.billingCycle}`) })}</p>
                    {addon.setupFee > 0 && <p className="text-xs text-slate-500">{t("addons.setupFee", { amount: money(addon.setupFee) })}</p>}
                    <div className="mt-auto">
                      {addon.state === "available" ? (
                        <ActionForm
                          action={addAddonAction}
                          fields={{ addonId: String(addon.id), serviceId: String(service.serviceId) }}
                          label={t("addons.add")}
                          pendingLabel={t("addons.adding")}
                        />
                      ) : (
                        <p className="text-sm text-slate-600">{addon.state === "owned" ? t("addons.owned") : t("addons.inCart")}</p>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
