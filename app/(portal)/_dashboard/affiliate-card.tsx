import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { formatAmount } from "@/lib/i18n/format";
import type { DashboardAffiliate } from "@/lib/billing/dashboard-part";

export async function AffiliateCard({ affiliate }: { affiliate: DashboardAffiliate }) {
  const t = await getTranslations("dashboard.affiliate");
  const locale = await getLocale();
  const figures = [
    { label: t("visitors"), value: new Intl.NumberFormat(locale).format(affiliate.visitors) },
    { label: t("signups"), value: new Intl.NumberFormat(locale).format(affiliate.signups) },
    { label: t("commissionAvailable"), value: formatAmount(affiliate.commissionAvailable, affiliate.currency, locale) },
    { label: t("commissionPending"), value: formatAmount(affiliate.commissionPending, affiliate.currency, locale) },
  ];
  return (
    <Card title={t("title")} titleId="afiliados">
      <dl className="grid grid-cols-2 gap-3">
        {figures.map((figure) => (
          <div key={figure.label} className="min-w-0">
            <dt className="text-xs text-slate-600">{figure.label}</dt>
            <dd className="font-semibold tabular-nums text-slate-900">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500">{t("code", { code: affiliate.referralCode })}</p>
    </Card>
  );
}
