import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { isTicketPriority } from "@/lib/support/ticket-priorities";
import { getTicket, type TicketReply } from "@/lib/support/tickets";
import { formatFileSize } from "@/app/(portal)/_dashboard/format-size";
import { getSupportSettings } from "@/lib/settings/get-settings";
import { BackLink } from "../../_components/back-link";
import { TicketMessage } from "../../_components/ticket-message";
import { CloseTicketButton } from "./close-ticket-button";
import { ReplyForm } from "./reply-form";
import { TicketStatusBadge } from "../../_components/ticket-status-badge";

type Params = { ticketId: string };
type SearchParams = { aviso?: string | string[] };

// Shared by generateMetadata and the page so one request reads the ticket once.
const loadTicket = cache(async (rawId: string) => {
  const user = await requireUser("tickets");
  const ticketId = parseRowId(rawId);
  const ticket = ticketId === null ? null : await getTicket(user.scope, ticketId);
  if (!ticket) notFound();
  return ticket;
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const ticket = await loadTicket((await params).ticketId);
  const t = await getTranslations("support.ticket");
  return { title: t("metaTitle", { reference: ticket.reference, subject: ticket.subject }) };
}

export default async function TicketPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const ticket = await loadTicket((await params).ticketId);
  const [{ aviso }, settings] = await Promise.all([searchParams, getSupportSettings()]);
  const t = await getTranslations("support");
  const locale = await getLocale();
  const priority = isTicketPriority(ticket.priority) ? t(`priority.${ticket.priority}`) : ticket.priority;
  const details: { label: string; value: React.ReactNode }[] = [
    { label: t("ticket.reference"), value: `#${ticket.reference}` },
    { label: t("ticket.department"), value: ticket.departmentName },
    { label: t("ticket.status"), value: <TicketStatusBadge status={ticket.status} /> },
    { label: t("ticket.priority"), value: priority },
    { label: t("ticket.openedAt"), value: <DateTime value={ticket.createdAt} locale={locale} /> },
    { label: t("ticket.lastReplyAt"), value: <DateTime value={ticket.lastReplyAt} locale={locale} /> },
  ];

  return (
    <>
      <BackLink href="/soporte/tickets" label={t("ticket.back")} />
      <PageHeader title={ticket.subject} description={t("ticket.title", { reference: ticket.reference })} />
      {aviso === "creado" && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("open.created", { reference: ticket.reference })}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("ticket.detailsTitle")} titleId="ticket-details" className="lg:order-last lg:self-start">
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            {details.map(({ label, value }) => (
              <div key={label} className="contents">
                <dt className="text-slate-600">{label}</dt>
                <dd className="min-w-0 font-medium text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          {ticket.status !== "closed" && (
            <div className="mt-4">
              <CloseTicketButton ticketId={ticket.id} reference={ticket.reference} />
            </div>
          )}
        </Card>

        <section aria-labelledby="ticket-conversation" className="min-w-0 lg:col-span-2">
          <h2 id="ticket-conversation" className="mb-3 text-base font-semibold text-slate-900">
            {t("ticket.conversationTitle")}
          </h2>
          {ticket.replies.length === 0 ? (
            <EmptyState message={t("ticket.noReplies")} />
          ) : (
            <ol className="space-y-4">
              {ticket.replies.map((reply) => (
                <li key={reply.id}>
                  <Reply
                    reply={reply}
                    locale={locale}
                    staffLabel={t("ticket.staff")}
                    customerLabel={t("ticket.customer")}
                    attachmentsLabel={t("ticket.attachments")}
                  />
                </li>
              ))}
            </ol>
          )}
          <ReplyForm
            ticketId={ticket.id}
            closed={ticket.status === "closed"}
            attachmentsHint={t("open.attachmentsHint", {
              count: settings.attachmentMaxCount,
              size: formatFileSize(settings.attachmentMaxBytes, locale),
              types: settings.attachmentKinds.map((kind) => kind.toUpperCase()).join(", "),
            })}
            acceptsAttachments={settings.attachmentMaxCount > 0}
          />
        </section>
      </div>
    </>
  );
}

function Reply({
  reply,
  locale,
  staffLabel,
  customerLabel,
  attachmentsLabel,
}: {
  reply: TicketReply;
  locale: string;
  staffLabel: string;
  customerLabel: string;
  attachmentsLabel: string;
}) {
  const tone = reply.fromStaff ? "border-brand-100 border-l-brand-600 bg-brand-50" : "border-slate-200 border-l-slate-300 bg-white";
  return (
    <article className={`rounded-lg border border-l-4 shadow-sm ${tone}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-black/5 px-4 py-2">
        <p className="text-sm">
          <span className="font-semibold text-slate-900">{reply.authorName}</span>{" "}
          <span className={`ml-1 rounded px-1.5 py-0.5 text-xs font-medium ${reply.fromStaff ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`}>
            {reply.fromStaff ? staffLabel : customerLabel}
          </span>
        </p>
        <DateTime value={reply.createdAt} locale={locale} className="text-xs text-slate-600" />
      </header>
      <TicketMessage text={reply.message} />
      {reply.attachments.length > 0 && (
        <div className="border-t border-black/5 px-4 py-2">
          <p className="text-xs font-medium text-slate-600">{attachmentsLabel}</p>
          <ul className="mt-1 space-y-1 text-sm">
            {reply.attachments.map((attachment) => (
              <li key={attachment.id}>
                {/* A plain link: the route answers with Content-Disposition: attachment, so the browser downloads it. */}
                <a href={`/api/soporte/adjuntos/${attachment.id}`} className="font-medium break-all text-brand-700 hover:underline">
                  {attachment.originalName}
                </a>{" "}
                <span className="text-xs text-slate-600">({formatFileSize(attachment.sizeBytes, locale)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function DateTime({ value, locale, className }: { value: Date; locale: string; className?: string }) {
  return (
    <time dateTime={value.toISOString()} className={className}>
      {formatDateTime(value, locale)}
    </time>
  );
}
