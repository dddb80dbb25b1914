import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { env } from "@/lib/env";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { getClientBilling } from "@/lib/staff/billing/billing-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { NewInvoiceForm, RemoveClientFileButton, UploadClientFileForm } from "./billing-forms";
import { invoiceTone } from "../invoice-tone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.billing.client");
  return { title: t("title") };
}

/** One client's invoices, credit and files, for billing staff. */
export default async function StaffClientBillingPage({ params }: { params: Promise<{ clientId: string }> }) {
  const staff = await requireStaff(["billing"]);
  const clientId = parseRowId((await params).clientId);
  const billing = clientId ? await getClientBilling(staff.scope, clientId) : null;
  if (!billing) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const { client } = billing;
  const money = (amount: number, currency: string) => formatAmount(amount, currency, locale);
  const maxMb = Math.floor(env.FILE_MAX_BYTES / (1024 * 1024));
  return (
    <>
      <PageHeader
        title={t("admin.billing.client.heading", { name: client.companyName ? `${client.companyName} (${client.name})` : client.name })}
        description={[client.email, client.taxId, t("admin.billing.client.credit", { amount: money(billing.credit, client.currency) })].filter(Boolean).join(" · ")}
        actions={
          <Link href="/admin/facturacion" className="text-sm text-brand-700 underline-offset-2 hover:underline">
            {t("admin.billing.client.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="client-invoices" className="min-w-0">
          <h2 id="client-invoices" className="mb-2 text-lg font-semibold">
            {t("admin.billing.client.invoices")}
          </h2>
          {billing.invoices.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("admin.billing.client.noInvoices")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {billing.invoices.map((invoice) => (
                <li key={invoice.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <div className="min-w-0">
                    <Link href={`/admin/facturacion/factura/${invoice.id}`} className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline">
                      {invoice.reference}
                    </Link>
                    <p className="text-xs text-slate-600">{t("admin.billing.client.dates", { issue: formatDate(invoice.issueDate, locale), due: formatDate(invoice.dueDate, locale) })}</p>
                  </div>
                  <div className="flex items-center gap-2">
                    <span className="text-sm font-medium">{money(invoice.total, invoice.currency)}</span>
                    <StatusBadge label={t(`billing.status.${invoice.status}`)} tone={invoiceTone(invoice.status)} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="new-invoice" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="new-invoice" className="mb-3 text-base font-semibold">
              {t("admin.billing.create.title")}
            </h2>
            <NewInvoiceForm clientId={client.id} />
          </section>
          <section aria-labelledby="client-files" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="client-files" className="mb-3 text-base font-semibold">
              {t("admin.files.title")}
            </h2>
            {billing.files.length === 0 ? (
              <p className="mb-3 text-sm text-slate-600">{t("admin.files.empty")}</p>
            ) : (
              <ul className="mb-4 space-y-3">
                {billing.files.map((file) => (
                  <li key={file.id} className="flex flex-wrap items-center justify-between gap-2">
                    <span className="min-w-0 text-sm break-words">
                      {file.title} <span className="text-slate-500">({file.fileName})</span>
                    </span>
                    <RemoveClientFileButton fileId={file.id} title={file.title} />
                  </li>
                ))}
              </ul>
            )}
            <UploadClientFileForm clientId={client.id} hint={t("admin.files.hint", { mb: maxMb })} />
          </section>
        </div>
      </div>
    </>
  );
}
