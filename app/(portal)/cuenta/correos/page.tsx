import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { listSentEmails } from "@/lib/account/sent-emails";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";

type SearchParams = { cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records.emails");
  return { title: t("title") };
}

/** "Correos electrónicos enviados" (walkthrough §3.4): every message sent to the account, newest first. */
export default async function SentEmailsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("emails");
  const { cursor } = await searchParams;
  const page = await listSentEmails(user, { cursor: typeof cursor === "string" ? cursor : undefined });
  const t = await getTranslations("records.emails");
  const locale = await getLocale();

  const columns: DataTableColumn<(typeof page.rows)[number]>[] = [
    {
      key: "date",
      label: t("columns.date"),
      headerClassName: "w-40",
      cellClassName: "order-2 text-slate-600 sm:text-slate-900",
      labelClassName: "sm:hidden",
      cell: (email) => <time dateTime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt, locale)}</time>,
    },
    {
      key: "subject",
      label: t("columns.subject"),
      cellClassName: "order-1 font-semibold break-words text-slate-900 sm:font-normal",
      labelClassName: "sr-only",
      cell: (email) => email.subject,
    },
    {
      key: "recipient",
      label: t("columns.recipient"),
      headerClassName: "w-56",
      cellClassName: "order-3 break-all text-slate-600 sm:text-slate-900",
      labelClassName: "sm:hidden",
      cell: (email) => email.toAddress,
    },
    {
      key: "message",
      label: t("columns.message"),
      header: <span className="sr-only">{t("columns.message")}</span>,
      headerClassName: "w-32",
      cellClassName: "order-4 pt-1 sm:text-right",
      // A plain anchor: the message opens in its own window, outside the portal's client-side navigation.
      cell: (email) => (
        <a
          href={`/cuenta/correos/${email.id}`}
          target="_blank"
          rel="noopener"
          className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-50"
        >
          {t("view")}
          <span className="sr-only">{`: ${email.subject} ${t("opensInNewWindow")}`}</span>
        </a>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {/* On a phone each row is a card: subject first, then date, recipient and the link. */}
      <DataTable caption={t("tableCaption")} rows={page.rows} rowKey={(email) => email.id} columns={columns}
        emptyMessage={t("empty")} stackBelow="sm" fixedLayout rowLayout="stacked" />
      <Pagination page={page} path="/cuenta/correos" />
    </>
  );
}
