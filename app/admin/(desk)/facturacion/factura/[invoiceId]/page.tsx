import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { getStaffInvoice } from "@/lib/staff/billing/billing-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { CancelProformaButton, ManualPaymentForm, RefundToCreditForm, SendInvoiceButton } from "../../[clientId]/billing-forms";
import { invoiceTone } from "../../invoice-tone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.billing.invoice");
  return { title: t("title") };
}

const PAYABLE = ["unpaid", "payment_pending", "collections"];

/** One invoice for billing staff: its lines and what may be done with it now. */
export default async function StaffInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const staff = await requireStaff(["billing"]);
  const invoiceId = parseRowId((await params).invoiceId);
  const invoice = invoiceId ? await getStaffInvoice(staff.scope, invoiceId) : null;
  if (!invoice) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, invoice.currency, locale);
  const due = invoice.total - invoice.amountPaid;
  const payable = PAYABLE.includes(invoice.status) && due > 0;
  return (
    <>
      <PageHeader
        title={t("admin.billing.invoice.heading", { reference: invoice.reference })}
        description={`${invoice.clientName} · ${t("admin.billing.client.dates", { issue: formatDate(invoice.issueDate, locale), due: formatDate(invoice.dueDate, locale) })}`}
        actions={
          <Link href={`/admin/facturacion/${invoice.clientId}`} className="text-sm text-brand-700 underline-offset-2 hover:underline">
            {t("admin.billing.invoice.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="invoice-lines" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 id="invoice-lines" className="text-base font-semibold">
              {t("admin.billing.invoice.lines")}
            </h2>
            <StatusBadge label={t(`billing.status.${invoice.status}`)} tone={invoiceTone(invoice.status)} />
          </div>
          <ul className="divide-y divide-slate-100 text-sm">
            {invoice.lines.map((line) => (
              <li key={line.id} className="flex justify-between gap-3 py-2">
                <span className="min-w-0 break-words">
                  {line.quantity > 1 ? `${line.quantity} × ` : ""}
                  {line.description}
                </span>
                <span className="whitespace-nowrap">{money(line.lineSubtotal)}</span>
              </li>
            ))}
          </ul>
          <dl className="mt-3 grid grid-cols-2 gap-1 text-sm">
            <dt>{t("admin.billing.invoice.subtotal")}</dt>
            <dd className="text-right">{money(invoice.subtotal)}</dd>
            <dt>{t("admin.billing.invoice.tax")}</dt>
            <dd className="text-right">{money(invoice.taxTotal)}</dd>
            <dt className="font-semibold">{t("admin.billing.invoice.total")}</dt>
            <dd className="text-right font-semibold">{money(invoice.total)}</dd>
            <dt>{t("admin.billing.invoice.paid")}</dt>
            <dd className="text-right">{money(invoice.amountPaid)}</dd>
            <dt>{t("admin.billing.invoice.due")}</dt>
            <dd className="text-right" data-testid="amount-due">
              {money(Math.max(due, 0))}
            </dd>
          </dl>
          {invoice.number && invoice.status === "paid" && (
            <p data-testid="paid-as" className="mt-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
              {t("admin.billing.invoice.numbered", { number: invoice.number })}
            </p>
          )}
          {invoice.status !== "cancelled" && (
            <div className="mt-4">
              <SendInvoiceButton invoiceId={invoice.id} reference={invoice.reference} />
            </div>
          )}
        </section>
        <div className="min-w-0 space-y-6">
          {payable && (
            <section aria-labelledby="record-payment" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 id="record-payment" className="mb-1 text-base font-semibold">
                {t("admin.billing.payment.title")}
              </h2>
              <p className="mb-3 text-sm text-slate-600">{t("admin.billing.payment.hint")}</p>
              <ManualPaymentForm invoiceId={invoice.id} reference={invoice.reference} amountDue={(due / 100).toFixed(2).replace(".", ",")} />
            </section>
          )}
          {invoice.status === "unpaid" && invoice.amountPaid === 0 && !invoice.number && (
            <section aria-labelledby="cancel-proforma" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 id="cancel-proforma" className="mb-1 text-base font-semibold">
                {t("admin.billing.cancel.title")}
              </h2>
              <p className="mb-3 text-sm text-slate-600">{t("admin.billing.cancel.hint")}</p>
              <CancelProformaButton invoiceId={invoice.id} reference={invoice.reference} />
            </section>
          )}
          {invoice.status === "paid" && invoice.amountPaid > 0 && (
            <section aria-labelledby="refund-credit" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 id="refund-credit" className="mb-1 text-base font-semibold">
                {t("admin.billing.refund.title")}
              </h2>
              <p className="mb-3 text-sm text-slate-600">{t("admin.billing.refund.hint")}</p>
              <RefundToCreditForm invoiceId={invoice.id} reference={invoice.reference} />
            </section>
          )}
        </div>
      </div>
    </>
  );
}
