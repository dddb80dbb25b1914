import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { activityActionLabel, listActivity, summarizeActivityDetails, type ActivityActor } from "@/lib/account/activity";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";

type SearchParams = { cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records.activity");
  return { title: t("title") };
}

/** "Registro de actividad": who did what on the account, for the owner only (it names every sub-account's doings). */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  if (!user.isOwner) forbidden();
  const { cursor } = await searchParams;
  const page = await listActivity(user.scope, { cursor: typeof cursor === "string" ? cursor : undefined });
  const t = await getTranslations();
  const locale = await getLocale();
  const actorName = (actor: ActivityActor) => (actor.kind === "contact" ? actor.name : t(`records.activity.actor.${actor.kind}`));

  const columns: DataTableColumn<(typeof page.rows)[number]>[] = [
    {
      key: "date",
      label: t("records.activity.columns.date"),
      cellClassName: "order-3 text-slate-600 md:whitespace-nowrap md:text-slate-900",
      labelClassName: "md:hidden",
      cell: (row) => <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, locale)}</time>,
    },
    {
      key: "who",
      label: t("records.activity.columns.who"),
      cellClassName: "order-2 text-slate-600 md:text-slate-900",
      labelClassName: "md:hidden",
      cell: (row) => <span className={row.actor.kind === "contact" ? "font-medium break-words" : "italic"}>{actorName(row.actor)}</span>,
    },
    {
      key: "action",
      label: t("records.activity.columns.action"),
      cellClassName: "order-1 font-semibold text-slate-900 md:font-normal",
      labelClassName: "sr-only",
      cell: (row) => activityActionLabel(row.action, t),
    },
    {
      key: "details",
      label: t("records.activity.columns.details"),
      cellClassName: "order-4 text-slate-600",
      labelClassName: "sr-only",
      cell: (row) => <ActivityDetails lines={summarizeActivityDetails(row, t)} none={t("records.activity.noDetails")} />,
    },
    {
      key: "ip",
      label: t("records.activity.columns.ip"),
      headerClassName: "w-36",
      cellClassName: "order-5 text-slate-600 md:text-slate-900",
      labelClassName: "md:hidden",
      cell: (row) => <span className="font-mono text-xs break-all">{row.ip ?? t("records.activity.noIp")}</span>,
    },
  ];

  return (
    <>
      <PageHeader title={t("records.activity.title")} description={t("records.activity.description")} />
      {/* On a phone each row is a card: the action first, then who, when, details and IP. */}
      <DataTable caption={t("records.activity.tableCaption")} rows={page.rows} rowKey={(row) => row.id} columns={columns}
        emptyMessage={t("records.activity.empty")} stackBelow="md" rowLayout="stacked" />
      <Pagination page={page} path="/cuenta/actividad" />
    </>
  );
}

function ActivityDetails({ lines, none }: { lines: string[]; none: string }) {
  if (lines.length === 0) {
    return (
      <span className="hidden md:inline" aria-hidden="true">
        {none}
      </span>
    );
  }
  return (
    <ul className="space-y-0.5 break-words">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}
