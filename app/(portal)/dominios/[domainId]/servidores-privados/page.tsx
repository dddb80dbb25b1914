import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { listHref } from "@/app/_components/list-href";
import { listPrivateNameservers, type StoredPrivateNameserver } from "@/lib/domains/manage/private-nameservers";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { textLink } from "../../../facturacion/_components/styles";
import { domainPath } from "../../_components/domain-paths";
import { deletePrivateNameserverAction } from "../actions";
import { ManageSection, Notice } from "../_components/section";
import { loadDomain } from "../load-domain";
import { PrivateNameserverForm } from "./private-nameserver-form";

type Props = { params: Promise<{ domainId: string }>; searchParams: Promise<{ editar?: string | string[]; aviso?: string | string[]; servidor?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainManage.privateNameservers");
  return { title: `${t("title")} · ${domain.name}` };
}

/** "Servidores privados de nombres" (walkthrough §5.2.6): register, modify and delete glue records. */
export default async function PrivateNameserversPage({ params, searchParams }: Props) {
  const { user, domain } = await loadDomain((await params).domainId);
  const query = await searchParams;
  const t = await getTranslations("domainManage.privateNameservers");
  const rows = await listPrivateNameservers(user.scope, domain.id);
  const path = domainPath(domain.id, "privateNameservers");
  const editing = rows.find((row) => row.host === query.editar) ?? null;
  const notified = typeof query.servidor === "string" ? query.servidor : "";

  const columns: DataTableColumn<StoredPrivateNameserver>[] = [
    { key: "host", label: t("host"), rowHeader: true, cellClassName: "break-all font-mono font-semibold text-slate-900", cell: (row) => row.host },
    { key: "ipv4", label: t("ipv4"), cellClassName: "break-all font-mono text-slate-700", labelClassName: "sm:hidden", cell: (row) => row.ipv4.join(", ") || "—" },
    { key: "ipv6", label: t("ipv6"), cellClassName: "break-all font-mono text-slate-700", labelClassName: "sm:hidden", cell: (row) => row.ipv6.join(", ") || "—" },
    {
      key: "actions",
      label: t("modify"),
      header: "",
      cellClassName: "flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-end",
      cell: (row) => (
        <>
          <Link href={listHref(path, { editar: row.host })} className={textLink}>
            {t("modify")}
          </Link>
          <ConfirmDialogForm
            action={deletePrivateNameserverAction}
            fields={{ domainId: String(domain.id), host: row.host }}
            triggerLabel={t("delete")}
            title={t("deleteTitle", { host: row.host })}
            confirmLabel={t("deleteConfirm")}
            pendingLabel={t("submitting")}
            cancelLabel={t("cancel")}
          >
            <p>{t("deleteText")}</p>
          </ConfirmDialogForm>
        </>
      ),
    },
  ];

  return (
    <ManageSection title={t("title")} intro={t("intro", { domain: domain.name })}>
      {query.aviso === "modificado" && notified && <Notice>{t("modified", { host: notified })}</Notice>}
      {query.aviso === "eliminado" && notified && <Notice>{t("deleted", { host: notified })}</Notice>}
      <h3 className="text-base font-semibold text-slate-900">{t("listTitle")}</h3>
      <DataTable caption={t("tableCaption", { domain: domain.name })} rows={rows} rowKey={(row) => row.id} columns={columns} emptyMessage={t("none")} stackBelow="sm" frame="inset" rowLayout="stacked" />
      <h3 className="pt-2 text-base font-semibold text-slate-900">{editing ? t("modifyTitle", { host: editing.host }) : t("registerTitle")}</h3>
      <PrivateNameserverForm key={editing?.host ?? "new"} domainId={domain.id} domainName={domain.name} editing={editing ? { host: editing.host, ipv4: editing.ipv4, ipv6: editing.ipv6 } : null} />
      {editing && (
        <Link href={path} className={`${textLink} text-sm`}>
          {t("cancelModify")}
        </Link>
      )}
    </ManageSection>
  );
}
