import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatDate } from "@/lib/i18n/format";
import type { DashboardService } from "@/lib/services/dashboard-part";
import { SERVICE_TONES } from "./status-tones";
import { primaryLink, textLink } from "./styles";

/** Shown in the middle column when there is no unpaid invoice (walkthrough §2). */
export async function ServicesCard({
  items,
  serviceHref,
  listHref,
  orderHref,
}: {
  items: DashboardService[];
  serviceHref?: (id: number) => string;
  listHref?: string;
  orderHref?: string;
}) {
  const t = await getTranslations("dashboard.services");
  const locale = await getLocale();
  const orderLink = orderHref && (
    <Link href={orderHref} className={primaryLink}>
      {t("order")}
    </Link>
  );
  return (
    <Card
      title={t("title")}
      titleId="productos-servicios"
      actions={
        items.length > 0 &&
        listHref && (
          <Link href={listHref} className={`${textLink} text-sm`}>
            {t("viewAll")}
          </Link>
        )
      }
    >
      {items.length === 0 ? (
        <EmptyState message={t("empty")} action={orderLink} />
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {items.map((service) => (
              <li key={service.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {serviceHref ? (
                      <Link href={serviceHref(service.id)} className={textLink}>
                        {service.productName}
                      </Link>
                    ) : (
                      service.productName
                    )}
                  </p>
                  <p className="text-sm text-slate-700">{service.domain}</p>
                  <p className="text-sm text-slate-600">
                    {service.nextDueDate ? t("nextDue", { date: formatDate(service.nextDueDate, locale) }) : t("noNextDue")}
                  </p>
                </div>
                <StatusBadge label={t(`status.${service.status}`)} tone={SERVICE_TONES[service.status]} />
              </li>
            ))}
          </ul>
          {orderLink && <div className="mt-4">{orderLink}</div>}
        </>
      )}
    </Card>
  );
}
