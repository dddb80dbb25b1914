import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getClientCreditBalance } from "@/lib/billing/queries/credit-balance";
import { formatAmount } from "@/lib/i18n/format";
import { getBillingSettings } from "@/lib/settings/get-settings";
import { BackLink } from "../_components/back-link";
import { panel } from "../_components/styles";
import { AddFundsForm } from "./add-funds-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.addFunds");
  return { title: t("title") };
}

/** "Añadir fondos", walkthrough 6.4: credit that pays new invoices by itself. */
export default async function AddFundsPage() {
  const user = await requireUser("invoices");
  const [credit, settings] = await Promise.all([getClientCreditBalance(user.scope), getBillingSettings()]);
  const t = await getTranslations("billing");
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, settings.currency, locale);

  return (
    <>
      <BackLink href="/facturacion/facturas" label={t("invoice.back")} />
      <PageHeader title={t("addFunds.title")} description={t(settings.autoApplyCredit ? "addFunds.descriptionAuto" : "addFunds.description")} />
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="credit-balance" className={`${panel} p-4`}>
          <h2 id="credit-balance" className="text-sm text-slate-600">
            {t("addFunds.currentCredit")}
          </h2>
          <p className="mt-1 text-3xl font-bold tabular-nums text-slate-900">{money(credit)}</p>
          <p className="mt-2 text-sm text-slate-600">{t("addFunds.maxBalance", { amount: money(settings.maxCreditBalance) })}</p>
        </section>
        <section aria-labelledby="add-funds-form" className={`${panel} p-4`}>
          <h2 id="add-funds-form" className="mb-3 text-base font-semibold text-slate-900">
            {t("addFunds.formTitle")}
          </h2>
          <AddFundsForm hint={t("addFunds.limits", { min: money(settings.addFundsMinimum), max: money(settings.addFundsMaximum) })} />
          <p className="mt-3 text-xs text-slate-500">{t("addFunds.howItWorks")}</p>
        </section>
      </div>
    </>
  );
}
