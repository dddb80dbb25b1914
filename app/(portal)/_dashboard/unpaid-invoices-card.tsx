import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { StatusBadge, type BadgeTone } from "@/app/_components/status-badge";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import type { DashboardInvoice } from "@/lib/billing/dashboard-part";
import { secondaryLink, textLink } from "./styles";

function badgeFor(invoice: DashboardInvoice): { key: "overdue" | "unpaid" | "payment_pending"; tone: BadgeTone } {
  if (invoice.status === "payment_pending") return { key: "payment_pending", tone: "blue" };
  return invoice.overdue ? { key: "overdue", tone: "red" } : { key: "unpaid", tone: "amber" };
}

export async function UnpaidInvoicesCard({
  items,
  count,
  invoiceHref,
  listHref,
}: {
  items: DashboardInvoice[];
  count: number;
  invoiceHref?: (id: number) => string;
  listHref?: string;
}) {
  const t = await getTranslations("dashboard.invoices");
  const locale = await getLocale();
  return (
    <Card
      title={t("title")}
      titleId="facturas-pendientes"
      actions={
        listHref && (
          <Link href={listHref} className={`${textLink} text-sm`}>
            {t("viewAll")}
          </Link>
        )
      }
    >
      <ul className="divide-y divide-slate-100">
        {items.map((invoice) => {
          const badge = badgeFor(invoice);
          const title = t("reference", { reference: invoice.reference });
          return (
            <li key={invoice.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {invoiceHref ? (
                    <Link href={invoiceHref(invoice.id)} className={textLink}>
                      {title}
                    </Link>
                  ) : (
                    title
                  )}
                </p>
                <p className="text-sm text-slate-600">{t("dueOn", { date: formatDate(invoice.dueDate, locale) })}</p>
              </div>
              <div className="flex flex-wrap items-center gap-3">
                <p className="text-right">
                  <span className="sr-only">{t("amountDue")}: </span>
                  <span className="font-semibold tabular-nums text-slate-900">{formatAmount(invoice.amountDue, invoice.currency, locale)}</span>
                </p>
                <StatusBadge label={t(`status.${badge.key}`)} tone={badge.tone} />
                {invoiceHref && invoice.payable && (
                  <Link href={invoiceHref(invoice.id)} className={secondaryLink} aria-label={t("payInvoice", { reference: invoice.reference })}>
                    {t("pay")}
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {count > items.length && <p className="mt-3 text-sm text-slate-600">{t("more", { shown: items.length, count })}</p>}
    </Card>
  );
}
