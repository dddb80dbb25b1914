import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { listRenewableDomains } from "@/lib/domains/orders/order-domains";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { RenewForm } from "../registrar/domain-order-forms";
import { OpenDomainOrders } from "../registrar/open-orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("domainOrders.renew");
  return { title: t("title") };
}

/** "Renovar dominios" (§5.1.4): tick, choose the years, "Pedir ahora" puts them in the cart. */
export default async function RenewDomainsPage() {
  const user = await requireUser("orders");
  const t = await getTranslations("domainOrders");
  const locale = await getLocale();
  const { currency, domains } = await listRenewableDomains(user.scope);
  return (
    <>
      <PageHeader title={t("renew.title")} description={t("renew.intro")} />
      <div className="space-y-6">
        <Card>
          {domains.length === 0 ? (
            <EmptyState message={t("renew.empty")} />
          ) : (
            <RenewForm
              rows={domains.map((domain) => ({
                id: domain.id,
                name: domain.name,
                statusLabel: t(`status.${domain.status as "active"}`),
                expiryLabel: formatDate(domain.expiryDate, locale),
                disabledReason: domain.alreadyOrdered ? t("renew.alreadyInvoiced") : domain.prices.length === 0 ? t("renew.noPrice") : null,
                options: domain.prices.map((price) => ({ years: price.years, label: t("yearsOption", { years: price.years, price: formatAmount(price.amount, currency, locale) }) })),
              }))}
            />
          )}
        </Card>
        <OpenDomainOrders user={user} />
      </div>
    </>
  );
}
