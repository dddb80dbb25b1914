import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { listStaffServers } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { ContentNav, PRIMARY_LINK } from "../_components/content-nav";
import { SERVER_ROLES } from "../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.servers");
  return { title: t("title") };
}

/** Admins only: a server row says how the hosting panel is reached. */
export default async function StaffServersPage() {
  const staff = await requireStaff(SERVER_ROLES);
  const [servers, t] = await Promise.all([listStaffServers(staff.scope), getTranslations("adminContent.servers")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/contenido/servidores/nuevo" className={PRIMARY_LINK}>
            {t("new")}
          </Link>
        }
      />
      <ContentNav staff={staff} current="servers" />
      {servers.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {servers.map((server) => (
            <li key={server.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/contenido/servidores/${server.id}`} className="min-w-0 font-semibold break-words text-brand-700 underline-offset-2 hover:underline">
                  {server.name}
                </Link>
                <StatusBadge label={server.active ? t("states.active") : t("states.inactive")} tone={server.active ? "green" : "slate"} />
              </div>
              <p className="mt-1 text-sm break-all text-slate-600">
                {server.hostname} · {server.ipAddress}:{server.port}
              </p>
              <p className="mt-1 text-sm text-slate-600">
                {t("accounts", { count: server.accounts, max: server.maxAccounts })} · {server.credentialSet ? t("credentialSet") : t("credentialNotSet")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
