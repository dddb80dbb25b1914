import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { formatFileSize } from "@/app/(portal)/_dashboard/format-size";
import { TicketMessage } from "@/app/(portal)/soporte/_components/ticket-message";
import { TicketStatusBadge } from "@/app/(portal)/soporte/_components/ticket-status-badge";
import { TICKET_STATUSES } from "@/db/schema";
import { formatDateTime } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { getSupportSettings } from "@/lib/settings/get-settings";
import { requireStaff, staffMayAct } from "@/lib/staff/staff-session";
import { getDeskOptions, getDeskTicket, type DeskEntry } from "@/lib/staff/ticket-desk";
import { isTicketPriority } from "@/lib/support/ticket-priorities";
import { MergeTicketForm, StaffReplyForm, TicketNoteForm, TicketPropertiesForm } from "./desk-forms";

type Params = { ticketId: string };

const loadTicket = cache(async (rawId: string) => {
  const staff = await requireStaff();
  const ticketId = parseRowId(rawId);
  const ticket = ticketId === null ? null : await getDeskTicket(staff.scope, ticketId);
  if (!ticket) notFound();
  return { staff, ticket };
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { ticket } = await loadTicket((await params).ticketId);
  const t = await getTranslations("admin.ticket");
  return { title: `${t("title", { reference: ticket.reference })}: ${ticket.subject}` };
}

export default async function StaffTicketPage({ params }: { params: Promise<Params> }) {
  const { staff, ticket } = await loadTicket((await params).ticketId);
  const [options, settings] = await Promise.all([getDeskOptions(staff.scope), getSupportSettings()]);
  const t = await getTranslations();
  const locale = await getLocale();
  const details: { label: string; value: React.ReactNode }[] = [
    { label: t("admin.ticket.client"), value: ticket.clientName },
    ...(ticket.contactName ? [{ label: t("admin.ticket.contact"), value: `${ticket.contactName} <${ticket.contactEmail}>` }] : []),
    { label: t("support.ticket.department"), value: ticket.departmentName },
    { label: t("support.ticket.status"), value: <TicketStatusBadge status={ticket.status} /> },
    { label: t("support.ticket.priority"), value: isTicketPriority(ticket.priority) ? t(`support.priority.${ticket.priority}`) : ticket.priority },
    { label: t("admin.ticket.openedAt"), value: <DateTime value={ticket.createdAt} locale={locale} /> },
    { label: t("admin.ticket.lastReplyAt"), value: <DateTime value={ticket.lastReplyAt} locale={locale} /> },
  ];

  return (
    <>
      <Link href="/admin/tickets" className="mb-3 inline-block text-sm text-brand-700 underline-offset-2 hover:underline">
        {t("admin.ticket.back")}
      </Link>
      <PageHeader title={ticket.subject} description={t("admin.ticket.title", { reference: ticket.reference })} />
      {ticket.mergedIntoReference && (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("admin.ticket.mergedInto", { reference: ticket.mergedIntoReference })}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:order-last">
          <Card title={t("admin.ticket.detailsTitle")} titleId="ticket-details">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              {details.map(({ label, value }) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="min-w-0 font-medium break-words text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <TicketPropertiesForm ticket={ticket} statuses={TICKET_STATUSES} departments={options.departments} staff={options.staff} />
          {!ticket.mergedIntoReference && staffMayAct(staff, ["support"]) && <MergeTicketForm ticketId={ticket.id} />}
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <section aria-labelledby="desk-conversation">
            <h2 id="desk-conversation" className="mb-3 text-base font-semibold text-slate-900">
              {t("admin.ticket.conversation")}
            </h2>
            <ol className="space-y-4">
              {ticket.entries.map((entry) => (
                <li key={`${entry.kind}-${entry.id}`}>
                  <Entry entry={entry} locale={locale} labels={{
                    note: t("admin.ticket.internalNote"),
                    staff: t("admin.ticket.staff"),
                    customer: t("admin.ticket.customer"),
                    attachments: t("admin.ticket.attachments"),
                  }} />
                </li>
              ))}
            </ol>
          </section>
          {!ticket.mergedIntoReference && (
            <>
              <StaffReplyForm
                ticketId={ticket.id}
                statuses={TICKET_STATUSES}
                cannedReplies={options.cannedReplies}
                attachmentsHint={t("admin.ticket.reply.attachmentsHint", { count: settings.attachmentMaxCount, size: formatFileSize(settings.attachmentMaxBytes, locale) })}
              />
              <TicketNoteForm ticketId={ticket.id} />
            </>
          )}
        </div>
      </div>
    </>
  );
}

function DateTime({ value, locale }: { value: Date; locale: string }) {
  return <time dateTime={value.toISOString()}>{formatDateTime(value, locale)}</time>;
}

function Entry({ entry, locale, labels }: { entry: DeskEntry; locale: string; labels: { note: string; staff: string; customer: string; attachments: string } }) {
  const tone =
    entry.kind === "note"
      ? "border-amber-200 border-l-amber-500 bg-amber-50"
      : entry.fromStaff
        ? "border-brand-100 border-l-brand-600 bg-brand-50"
        : "border-slate-200 border-l-slate-300 bg-white";
  const badge = entry.kind === "note" ? labels.note : entry.fromStaff ? labels.staff : labels.customer;
  return (
    <article className={`rounded-lg border border-l-4 shadow-sm ${tone}`} data-entry={entry.kind}>
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-black/5 px-4 py-2">
        <p className="text-sm">
          <span className="font-semibold text-slate-900">{entry.authorName}</span>{" "}
          <span className="ml-1 rounded bg-slate-800 px-1.5 py-0.5 text-xs font-medium text-white">{badge}</span>
        </p>
        <DateTime value={entry.createdAt} locale={locale} />
      </header>
      <TicketMessage text={entry.message} />
      {entry.kind === "reply" && entry.attachments.length > 0 && (
        <div className="border-t border-black/5 px-4 py-2 text-sm">
          <p className="font-medium text-slate-700">{labels.attachments}</p>
          <ul className="mt-1 space-y-1">
            {entry.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/admin/adjuntos/${attachment.id}`} className="break-all text-brand-700 underline-offset-2 hover:underline">
                  {attachment.originalName} ({formatFileSize(attachment.sizeBytes, locale)})
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
