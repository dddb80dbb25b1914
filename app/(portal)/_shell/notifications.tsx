import { getLocale, getTranslations } from "next-intl/server";
import { formatAmount } from "@/lib/i18n/format";
import type { Notifications as NotificationData } from "@/lib/portal/get-notifications";

/** "Notificaciones" (walkthrough §6.4): credit balance and unpaid invoices; a <details> works without JavaScript. */
export async function Notifications({ data }: { data: NotificationData }) {
  const t = await getTranslations("portal.notifications");
  const locale = await getLocale();
  const count = (data.unpaidInvoiceCount > 0 ? 1 : 0) + (data.creditBalance > 0 ? 1 : 0);
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md px-3 py-2 text-sm font-medium hover:bg-brand-700 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 md:hidden" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        <span className="sr-only md:not-sr-only">{t("title")}</span>
        {count > 0 && (
          <span className="rounded-full bg-amber-400 px-1.5 text-xs font-bold text-slate-900" aria-label={t("count", { count })}>
            {count}
          </span>
        )}
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-72 max-w-[90vw] rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg">
        {count === 0 && <p>{t("none")}</p>}
        <ul className="space-y-2">
          {data.unpaidInvoiceCount > 0 && (
            <li>{t("unpaid", { count: data.unpaidInvoiceCount, total: formatAmount(data.unpaidTotal, data.currency, locale) })}</li>
          )}
          {data.creditBalance > 0 && <li>{t("credit", { amount: formatAmount(data.creditBalance, data.currency, locale) })}</li>}
        </ul>
      </div>
    </details>
  );
}
