import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { CLIENT_SEARCH_MAX, searchClients, type ClientSearchRow } from "@/lib/staff/clients/client-search";
import { requireStaff } from "@/lib/staff/staff-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.clients");
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function StaffClientsPage({ searchParams }: { searchParams: Promise<Record<"q" | "cursor", string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const query = (one(params.q) ?? "").trim().slice(0, CLIENT_SEARCH_MAX);
  const page = await searchClients(staff.scope, { query, cursor: one(params.cursor) });
  const t = await getTranslations("admin.clients");

  const columns: DataTableColumn<ClientSearchRow>[] = [
    {
      key: "name",
      label: t("columns.name"),
      rowHeader: true,
      cellClassName: "font-medium break-words",
      cell: (row) => (
        <Link href={`/admin/clientes/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          {`${row.firstName} ${row.lastName}`.trim()}
        </Link>
      ),
    },
    { key: "company", label: t("columns.company"), labelClassName: "md:hidden", cellClassName: "col-span-2 text-sm break-words", cell: (row) => row.companyName ?? "—" },
    { key: "email", label: t("columns.email"), labelClassName: "md:hidden", cellClassName: "col-span-2 text-sm break-all", cell: (row) => row.ownerEmail ?? "—" },
    { key: "taxId", label: t("columns.taxId"), labelClassName: "md:hidden", cellClassName: "col-span-2 text-sm", cell: (row) => row.taxId ?? "—" },
    { key: "status", label: t("columns.status"), labelClassName: "md:hidden", cellClassName: "col-span-2 text-sm", cell: (row) => row.status },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" action="/admin/clientes" role="search" className="mb-4 flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
          <label htmlFor="client-search">{t("search.label")}</label>
          <input id="client-search" name="q" type="search" defaultValue={query} maxLength={CLIENT_SEARCH_MAX} placeholder={t("search.placeholder")} className="rounded-md border border-slate-300 px-3 py-2 text-base" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-50">
          {t("search.submit")}
        </button>
      </form>
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{query ? t("search.none", { query }) : t("empty")}</p>
      ) : (
        <DataTable caption={t("tableCaption")} columns={columns} rows={page.rows} rowKey={(row) => row.id} />
      )}
      <Pagination page={page} path="/admin/clientes" query={{ q: query || null }} />
    </>
  );
}
