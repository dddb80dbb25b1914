import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getClientCurrency } from "@/lib/domains/client-currency";
import { idProtectionPrice } from "@/lib/domains/orders/id-protection";
import { formatAmount } from "@/lib/i18n/format";
import { NewDomainForm } from "../registrar/domain-order-forms";
import { OpenDomainOrders } from "../registrar/open-orders";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const searchParamsSchema = z.object({ dominio: z.preprocess(firstValue, z.string().max(300).optional()).catch(undefined) });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("domainOrders.transfer");
  return { title: t("title") };
}

/** "Transferir un dominio" (§5.1.6): EPP code and the "unlock it first" warning; started once the invoice is paid. */
export default async function TransferDomainPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("orders");
  const params = searchParamsSchema.parse(await searchParams);
  const t = await getTranslations("domainOrders.transfer");
  const locale = await getLocale();
  const currency = await getClientCurrency(user.scope);
  const price = idProtectionPrice(currency, 1);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-6">
        <Card>
          <NewDomainForm mode="transfer" defaultDomain={params.dominio ?? ""} years={[1]} idProtectionPrice={price === null ? null : formatAmount(price, currency, locale)} />
        </Card>
        <OpenDomainOrders user={user} />
      </div>
    </>
  );
}
