import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { listOpenCancellations, type CancellationQueueRow } from "@/lib/staff/queues/queue-lists";
import { requireStaff, staffMayAct } from "@/lib/staff/staff-session";
import { CarryOutCancellationButton, DeclineCancellationButton, QueueNotices } from "../queue-forms";
import { serviceAndClientColumns } from "../queue-columns";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminQueues.cancellations");
  return { title: t("title") };
}

const TYPES = new Set(["immediate", "end_of_period"]);

/** Open cancellation requests, oldest first; billing staff (and admins) carry them out or decline them. */
export default async function StaffCancellationQueuePage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const page = await listOpenCancellations(staff.scope, { cursor: typeof params.cursor === "string" ? params.cursor : null });
  const t = await getTranslations("adminQueues");
  const locale = await getLocale();
  const mayAct = staffMayAct(staff, ["billing"]);

  const columns: DataTableColumn<CancellationQueueRow>[] = [
    ...serviceAndClientColumns<CancellationQueueRow>({ service: t("cancellations.columns.service"), client: t("cancellations.columns.client") }),
    {
      key: "type",
      label: t("cancellations.columns.type"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm md:min-w-24",
      cell: (row) => (TYPES.has(row.type) ? t(`cancellations.types.${row.type as "immediate" | "end_of_period"}`) : row.type),
    },
    { key: "reason", label: t("cancellations.columns.reason"), labelClassName: "md:hidden", cellClassName: "col-span-2 text-sm break-words whitespace-pre-line", cell: (row) => row.reason },
    {
      key: "effectiveDate",
      label: t("cancellations.columns.effectiveDate"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm md:whitespace-nowrap",
      cell: (row) => (row.effectiveDate ? formatDate(row.effectiveDate, locale) : t("cancellations.noDate")),
    },
    {
      key: "requestedAt",
      label: t("cancellations.columns.requestedAt"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm text-slate-600 md:whitespace-nowrap",
      cell: (row) => <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, locale)}</time>,
    },
    {
      key: "actions",
      label: t("cancellations.columns.actions"),
      labelClassName: "sr-only",
      cellClassName: "col-span-2 md:whitespace-nowrap",
      cell: (row) =>
        mayAct ? (
          <div className="flex flex-col gap-2">
            <CarryOutCancellationButton requestId={row.id} domain={row.domain} product={row.productName} />
            <DeclineCancellationButton requestId={row.id} domain={row.domain} />
          </div>
        ) : (
          <span className="text-xs text-slate-500">{t("cancellations.readOnly")}</span>
        ),
    },
  ];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/colas" className="text-brand-700 underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("cancellations.title")} description={t("cancellations.description")} />
      <QueueNotices>
        <DataTable
          caption={t("cancellations.caption")}
          rows={page.rows}
          rowKey={(row) => row.id}
          columns={columns}
          emptyMessage={t("cancellations.empty")}
          stackBelow="md"
          rowLayout="title-and-badge"
        />
      </QueueNotices>
      <Pagination page={page} path="/admin/colas/cancelaciones" />
    </>
  );
}
