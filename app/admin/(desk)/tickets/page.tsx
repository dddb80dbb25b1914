import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { TicketStatusBadge } from "@/app/(portal)/soporte/_components/ticket-status-badge";
import { TICKET_STATUSES } from "@/db/schema";
import { formatDateTime } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { requireStaff } from "@/lib/staff/staff-session";
import { getDeskOptions, listDeskTickets, toDeskStatusFilter, type DeskTicketRow } from "@/lib/staff/ticket-desk";
import { isTicketPriority } from "@/lib/support/ticket-priorities";

type SearchParams = { departamento?: string; estado?: string; mios?: string; cursor?: string };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.queue");
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function StaffTicketQueuePage({ searchParams }: { searchParams: Promise<Record<keyof SearchParams, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const departmentId = parseRowId(one(params.departamento));
  const status = toDeskStatusFilter(one(params.estado));
  const mine = one(params.mios) === "1";
  const [page, options] = await Promise.all([
    listDeskTickets(staff.scope, { departmentId, status, assignedTo: mine ? staff.staffUserId : null, cursor: one(params.cursor) }),
    getDeskOptions(staff.scope),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();

  const columns: DataTableColumn<DeskTicketRow>[] = [
    {
      key: "subject",
      label: t("admin.queue.columns.subject"),
      rowHeader: true,
      cellClassName: "font-medium break-words",
      cell: (row) => (
        <Link href={`/admin/tickets/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          <span className="font-mono text-xs text-slate-500">#{row.reference}</span> {row.subject}
        </Link>
      ),
    },
    { key: "status", label: t("admin.queue.columns.status"), labelClassName: "sr-only", cell: (row) => <TicketStatusBadge status={row.status} /> },
    { key: "client", label: t("admin.queue.columns.client"), labelClassName: "md:hidden", cellClassName: "col-span-2 text-sm break-words", cell: (row) => row.clientName },
    { key: "department", label: t("admin.queue.columns.department"), labelClassName: "md:hidden", cellClassName: "col-span-2 text-sm", cell: (row) => row.departmentName },
    {
      key: "priority",
      label: t("admin.queue.columns.priority"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm",
      cell: (row) => (isTicketPriority(row.priority) ? t(`support.priority.${row.priority}`) : row.priority),
    },
    {
      key: "assigned",
      label: t("admin.queue.columns.assigned"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm",
      cell: (row) => row.assignedName ?? <span className="italic text-slate-500">{t("admin.queue.unassigned")}</span>,
    },
    {
      key: "lastReply",
      label: t("admin.queue.columns.lastReply"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm text-slate-600 md:whitespace-nowrap",
      cell: (row) => <time dateTime={row.lastReplyAt.toISOString()}>{formatDateTime(row.lastReplyAt, locale)}</time>,
    },
  ];

  const query = { departamento: departmentId ? String(departmentId) : null, estado: status === "active" ? null : status, mios: mine ? "1" : null };
  return (
    <>
      <PageHeader title={t("admin.queue.title")} description={t("admin.queue.description")} />
      {/* A plain GET form: the filters live in the URL, so a queue view can be bookmarked or shared. */}
      <form method="get" action="/admin/tickets" className="mb-4 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:flex-wrap sm:items-end">
        {/* Labels point at their select (htmlFor), so the control's name is the label alone, not the chosen option too. */}
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor="queue-department">{t("admin.queue.department")}</label>
          <select id="queue-department" name="departamento" defaultValue={departmentId ? String(departmentId) : ""} className="rounded-md border border-slate-300 px-3 py-2 text-base">
            <option value="">{t("admin.queue.allDepartments")}</option>
            {options.departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor="queue-status">{t("admin.queue.status")}</label>
          <select id="queue-status" name="estado" defaultValue={status} className="rounded-md border border-slate-300 px-3 py-2 text-base">
            <option value="active">{t("admin.queue.active")}</option>
            <option value="all">{t("admin.queue.all")}</option>
            {TICKET_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`support.ticketStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="mios" value="1" defaultChecked={mine} className="size-4" />
          {t("admin.queue.mine")}
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-50">
          {t("admin.queue.filter")}
        </button>
      </form>
      <DataTable
        caption={t("admin.queue.tableCaption")}
        rows={page.rows}
        rowKey={(row) => row.id}
        columns={columns}
        emptyMessage={t("admin.queue.empty")}
        stackBelow="md"
        rowLayout="title-and-badge"
      />
      <Pagination page={page} path="/admin/tickets" query={query} />
    </>
  );
}
