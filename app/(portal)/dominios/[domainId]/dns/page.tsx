import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { dangerTriggerButton } from "@/app/_components/button-styles";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { PageHeader } from "@/app/_components/page-header";
import { getDnsEditorState } from "@/lib/domains/dns/zone-state";
import { BackLink } from "../../../facturacion/_components/back-link";
import { loadDomain } from "../load-domain";
import { disableDnsAction } from "./actions";
import { DnsEditor, type EditorRow } from "./dns-editor";
import { EnableDnsForm } from "./enable-dns-form";

type Params = { domainId: string };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dns.editor");
  return { title: t("title") };
}

/** "Gestión de DNS" (§5.2.7): the zone's records, URL Redirect and URL Frame included, saved as one change. */
export default async function DnsPage({ params }: { params: Promise<Params> }) {
  const { user, domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("dns.editor");
  const header = (
    <>
      <BackLink href={`/dominios/${domain.id}`} label={t("back", { domain: domain.name })} />
      <PageHeader title={t("title")} description={t("description", { domain: domain.name })} />
    </>
  );
  if (!domain.dnsManagement) {
    return (
      <>
        {header}
        <section aria-labelledby="dns-enable" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="dns-enable" className="text-base font-semibold text-slate-900">
            {t("enableTitle")}
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">{t("enableText", { domain: domain.name })}</p>
          <EnableDnsForm domainId={domain.id} />
        </section>
      </>
    );
  }
  const { records, forwards } = await getDnsEditorState(user.scope, domain.id);
  const rows: EditorRow[] = records.map((record) => ({
    host: record.host,
    type: record.type,
    value: record.value,
    ttl: String(record.ttl),
    priority: record.priority === null ? "" : String(record.priority),
    weight: record.weight === null ? "" : String(record.weight),
    port: record.port === null ? "" : String(record.port),
    flags: record.flags === null ? "" : String(record.flags),
    tag: record.tag ?? "",
  }));
  return (
    <>
      {header}
      <div className="mb-4 space-y-2 text-sm text-slate-600">
        <p>{t("nameserversNote")}</p>
        <p>{t("redirectNote")}</p>
        {forwards > 0 && <p role="note">{t("forwardingNote")}</p>}
      </div>
      <DnsEditor domainId={domain.id} domain={domain.name} initialRows={rows} />
      <section aria-labelledby="dns-disable" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="dns-disable" className="text-base font-semibold text-slate-900">
          {t("disableTitle")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t("disableText", { domain: domain.name })}</p>
        <ConfirmDialogForm
          action={disableDnsAction}
          fields={{ domainId: String(domain.id) }}
          triggerLabel={t("disable")}
          triggerClassName={dangerTriggerButton}
          title={t("disableConfirmTitle", { domain: domain.name })}
          confirmLabel={t("disableConfirm")}
          pendingLabel={t("disabling")}
          cancelLabel={t("disableCancel")}
          tone="danger"
        >
          <p>{t("disableConfirmBody")}</p>
        </ConfirmDialogForm>
      </section>
    </>
  );
}
