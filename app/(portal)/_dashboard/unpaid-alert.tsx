import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatAmount } from "@/lib/i18n/format";
import { primaryLink } from "./styles";

/** The warning at the top of the page (walkthrough §2: "se le advertirá si existen facturas pendientes"). */
export async function UnpaidAlert({ count, totalDue, overdueCount, currency, href }: { count: number; totalDue: number; overdueCount: number; currency: string; href?: string }) {
  const t = await getTranslations("dashboard.unpaidAlert");
  const locale = await getLocale();
  const overdue = overdueCount > 0;
  return (
    <section
      aria-label={t("label")}
      className={`mb-6 flex flex-col gap-3 rounded-lg border px-4 py-3 sm:flex-row sm:items-center sm:justify-between ${
        overdue ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"
      }`}
    >
      <p className="text-sm">
        <strong className="font-semibold">{t("message", { count, total: formatAmount(totalDue, currency, locale) })}</strong>
        {overdue && <> {t("overdue", { count: overdueCount })}</>}
      </p>
      {href && (
        <Link href={href} className={`${primaryLink} shrink-0`}>
          {t("action")}
        </Link>
      )}
    </section>
  );
}
