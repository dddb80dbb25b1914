import Link from "next/link";
import type { DataTableColumn } from "@/app/_components/data-table";

type QueueRow = { domain: string; productName: string; clientId: number; clientName: string };

/** The service (domain, product under it) and its client, as both queues open their tables. */
export function serviceAndClientColumns<Row extends QueueRow>(labels: { service: string; client: string }): DataTableColumn<Row>[] {
  return [
    {
      key: "service",
      label: labels.service,
      rowHeader: true,
      cellClassName: "col-span-2 font-medium wrap-anywhere md:min-w-44",
      cell: (row) => (
        <>
          {row.domain}
          <span className="block text-xs font-normal text-slate-600">{row.productName}</span>
        </>
      ),
    },
    {
      key: "client",
      label: labels.client,
      labelClassName: "md:hidden",
      cellClassName: "col-span-2 text-sm break-words",
      cell: (row) => (
        <Link href={`/admin/clientes/${row.clientId}`} className="text-brand-700 underline-offset-2 hover:underline">
          {row.clientName}
        </Link>
      ),
    },
  ];
}
