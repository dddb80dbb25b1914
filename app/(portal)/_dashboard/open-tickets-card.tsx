import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { DashboardTicket } from "@/lib/support/dashboard-part";
import { TICKET_TONES } from "./status-tones";
import { secondaryLink, textLink } from "./styles";

export async function OpenTicketsCard({
  items,
  count,
  ticketHref,
  listHref,
  openTicketHref,
}: {
  items: DashboardTicket[];
  count: number;
  ticketHref: (id: number) => string;
  listHref?: string;
  openTicketHref?: string;
}) {
  const t = await getTranslations("dashboard.tickets");
  const locale = await getLocale();
  const openLink = openTicketHref && (
    <Link href={openTicketHref} className={secondaryLink}>
      {t("open")}
    </Link>
  );
  return (
    <Card
      title={t("title")}
      titleId="tickets-abiertos"
      actions={
        listHref && (
          <Link href={listHref} className={`${textLink} text-sm`}>
            {t("viewAll")}
          </Link>
        )
      }
    >
      {items.length === 0 ? (
        <EmptyState message={t("empty")} action={openLink} />
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {items.map((ticket) => (
              <li key={ticket.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0">
                <div className="min-w-0">
                  <p className="font-medium">
                    <Link href={ticketHref(ticket.id)} className={textLink}>
                      {ticket.subject}
                    </Link>
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("reference", { reference: ticket.reference })} · {t("department", { name: ticket.departmentName })}
                  </p>
                  <p className="text-sm text-slate-600">{t("lastReply", { date: formatDateTime(ticket.lastReplyAt, locale) })}</p>
                </div>
                <StatusBadge label={t(`status.${ticket.status}`)} tone={TICKET_TONES[ticket.status]} />
              </li>
            ))}
          </ul>
          {count > items.length && <p className="mt-3 text-sm text-slate-600">{t("more", { shown: items.length, count })}</p>}
          {openLink && <div className="mt-4">{openLink}</div>}
        </>
      )}
    </Card>
  );
}
