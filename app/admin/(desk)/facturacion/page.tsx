import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { CLIENT_SEARCH_MAX, searchClients } from "@/lib/staff/clients/client-search";
import { requireStaff } from "@/lib/staff/staff-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.billing.search");
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Billing staff find a client the same way as on Clientes (one search: name, email, company, NIF or
 * domain), each result opening the client's billing; support gets 403.
 */
export default async function StaffBillingSearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; cursor?: string | string[] }> }) {
  const staff = await requireStaff(["billing"]);
  const params = await searchParams;
  const query = (one(params.q) ?? "").trim().slice(0, CLIENT_SEARCH_MAX);
  const page = await searchClients(staff.scope, { query, cursor: one(params.cursor) });
  const t = await getTranslations("admin.billing.search");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form role="search" action="/admin/facturacion" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
          <label htmlFor="billing-search">{t("label")}</label>
          <input id="billing-search" name="q" type="search" defaultValue={query} maxLength={CLIENT_SEARCH_MAX} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base" />
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("submit")}
        </button>
      </form>
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {page.rows.map((row) => {
            const name = `${row.firstName} ${row.lastName}`.trim();
            return (
              <li key={row.id} className="p-3">
                <Link href={`/admin/facturacion/${row.id}`} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
                  {row.companyName ? `${row.companyName} (${name})` : name}
                </Link>
                <p className="text-sm break-words text-slate-600">{[row.ownerEmail, row.taxId].filter(Boolean).join(" · ")}</p>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} path="/admin/facturacion" query={{ q: query || null }} />
    </>
  );
}
