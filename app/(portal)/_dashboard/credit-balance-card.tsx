import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { formatAmount } from "@/lib/i18n/format";
import { textLink } from "./styles";

export async function CreditBalanceCard({ amount, currency, addFundsHref }: { amount: number; currency: string; addFundsHref?: string }) {
  const t = await getTranslations("dashboard.credit");
  const locale = await getLocale();
  return (
    <Card title={t("title")} titleId="saldo-a-favor">
      <p className="text-2xl font-bold tabular-nums text-green-800">{formatAmount(amount, currency, locale)}</p>
      <p className="mt-1 text-sm text-slate-600">{t("body", { amount: formatAmount(amount, currency, locale) })}</p>
      {addFundsHref && (
        <p className="mt-3 text-sm">
          <Link href={addFundsHref} className={textLink}>
            {t("addFunds")}
          </Link>
        </p>
      )}
    </Card>
  );
}
