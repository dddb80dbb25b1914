import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { formatDateTime } from "@/lib/i18n/format";
import { MAX_PROVISION_ATTEMPTS } from "@/lib/services/provision";
import { listProvisioningFailures, type ProvisioningQueueRow } from "@/lib/staff/queues/queue-lists";
import { requireStaff, staffMayAct } from "@/lib/staff/staff-session";
import { QueueNotices, RetryProvisioningButton } from "../queue-forms";
import { serviceAndClientColumns } from "../queue-columns";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminQueues.provisioning");
  return { title: t("title") };
}

/** Services whose panel account could not be created, oldest order first; support staff (and admins) retry them. */
export default async function StaffProvisioningQueuePage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const page = await listProvisioningFailures(staff.scope, { cursor: typeof params.cursor === "string" ? params.cursor : null });
  const t = await getTranslations("adminQueues");
  const locale = await getLocale();
  const mayRetry = staffMayAct(staff, ["support"]);

  const columns: DataTableColumn<ProvisioningQueueRow>[] = [
    ...serviceAndClientColumns<ProvisioningQueueRow>({ service: t("provisioning.columns.service"), client: t("provisioning.columns.client") }),
    {
      key: "error",
      label: t("provisioning.columns.error"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm break-words",
      cell: (row) =>
        row.provisionError ? (
          <code className="font-mono text-xs wrap-anywhere text-red-800" data-testid="provision-error">
            {row.provisionError}
          </code>
        ) : (
          <span className="italic text-slate-500">{t("provisioning.noError")}</span>
        ),
    },
    {
      key: "attempts",
      label: t("provisioning.columns.attempts"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm",
      cell: (row) => (
        <>
          <span data-testid="provision-attempts">{t("provisioning.attempts", { count: row.provisionAttempts, max: MAX_PROVISION_ATTEMPTS })}</span>
          <span className="block text-xs text-slate-500">{row.provisionAttempts >= MAX_PROVISION_ATTEMPTS ? t("provisioning.givenUp") : t("provisioning.waiting")}</span>
        </>
      ),
    },
    {
      key: "createdAt",
      label: t("provisioning.columns.createdAt"),
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm text-slate-600 md:whitespace-nowrap",
      cell: (row) => <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, locale)}</time>,
    },
    {
      key: "actions",
      label: t("provisioning.columns.actions"),
      labelClassName: "sr-only",
      cellClassName: "col-span-2 md:whitespace-nowrap",
      cell: (row) => (mayRetry ? <RetryProvisioningButton serviceId={row.id} /> : <span className="text-xs text-slate-500">{t("provisioning.readOnly")}</span>),
    },
  ];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/colas" className="text-brand-700 underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("provisioning.title")} description={t("provisioning.description", { max: MAX_PROVISION_ATTEMPTS })} />
      <QueueNotices>
        <DataTable
          caption={t("provisioning.caption")}
          rows={page.rows}
          rowKey={(row) => row.id}
          columns={columns}
          emptyMessage={t("provisioning.empty")}
          stackBelow="md"
          rowLayout="title-and-badge"
        />
      </QueueNotices>
      <Pagination page={page} path="/admin/colas/aprovisionamiento" />
    </>
  );
}
