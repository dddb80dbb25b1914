import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/lib/auth/session";
import { getClientCreditBalance } from "@/lib/billing/queries/credit-balance";
import { canCustomerPay, canPayWithCredit } from "@/lib/billing/invoice-status";
import { parseRowId } from "@/lib/row-id";
import { getInvoiceView, type InvoiceView } from "@/lib/billing/queries/invoice-view";
import { formatAmount, formatDate, formatDateTime } from "@/lib/i18n/format";
import { ActionForm } from "../../_components/action-form";
import { BackLink } from "../../_components/back-link";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { LinesTable, PartyBlocks, TotalsTable } from "../../_components/document-parts";
import { InvoiceStatusBadge } from "../../_components/invoice-status-badge";
import { PrintButton } from "../../_components/print-button";
import { panel, secondaryButton } from "../../_components/styles";
import { applyCreditAction, payInvoiceAction } from "./actions";

type Params = { invoiceId: string };
type SearchParams = { aviso?: string | string[] };

const NOTICES = { credito: "creditApplied", oferta: "quoteAccepted", fondos: "addFundsCreated" } as const;
const KNOWN_GATEWAYS = new Set(["stripe", "sandbox", "credit", "bank_transfer", "manual"]);

// Shared by generateMetadata and the page so one request reads the invoice once.
const loadInvoice = cache(async (rawId: string) => {
  const user = await requireUser("invoices");
  const invoiceId = parseRowId(rawId);
  const invoice = invoiceId === null ? null : await getInvoiceView(user.scope, invoiceId);
  if (!invoice) notFound();
  return { user, invoice };
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { invoice } = await loadInvoice((await params).invoiceId);
  const t = await getTranslations("billing.invoice");
  return { title: invoice.number ? t("titleNumbered", { number: invoice.number }) : t("titleProforma", { reference: invoice.proformaReference }) };
}

/** One invoice (walkthrough 6.1): the document itself, and beside it what the customer can do with it. */
export default async function InvoicePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const { user, invoice } = await loadInvoice((await params).invoiceId);
  const { aviso } = await searchParams;
  const notice = typeof aviso === "string" && aviso in NOTICES ? NOTICES[aviso as keyof typeof NOTICES] : null;
  // The same predicates the payment actions check on the server, so the page offers exactly what they accept.
  const payable = canCustomerPay(invoice);
  const creditUsable = canPayWithCredit(invoice);
  const credit = creditUsable ? await getClientCreditBalance(user.scope) : 0;
  const t = await getTranslations("billing");
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, invoice.currency, locale);
  const title = invoice.number ? t("invoice.titleNumbered", { number: invoice.number }) : t("invoice.titleProforma", { reference: invoice.proformaReference });
  const pdfHref = `/api/facturas/${invoice.id}/pdf`;
  const hasAside = payable || invoice.status === "payment_pending";

  return (
    <>
      <BackLink href="/facturacion/facturas" label={t("invoice.back")} />
      {notice && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 print:hidden">
          {t(`invoice.notices.${notice}`)}
        </p>
      )}

      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between print:hidden">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <InvoiceStatusBadge status={invoice.displayStatus} />
            {payable && <span>{t("invoice.dueOn", { date: formatDate(invoice.dueDate, locale) })}</span>}
          </div>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <PrintButton label={t("document.print")} />
          <a href={pdfHref} className={secondaryButton} download>
            {t("document.downloadPdf")}
          </a>
        </div>
      </div>

      {/* On paper only the document is printed, across the whole page. */}
      <div className="grid gap-6 lg:grid-cols-3 print:block">
        {hasAside && (
          <aside aria-label={t("invoice.payment.label")} className="space-y-4 lg:order-last lg:self-start print:hidden">
            <PaymentBox invoice={invoice} payable={payable} credit={credit} creditUsable={creditUsable} />
          </aside>
        )}
        <article className={`${panel} min-w-0 space-y-6 p-4 sm:p-6 ${hasAside ? "lg:col-span-2" : "lg:col-span-3"}`}>
          <DocumentHeading invoice={invoice} />
          <PartyBlocks issuer={invoice.issuer} client={invoice.client} />
          <section aria-labelledby="invoice-lines">
            <h2 id="invoice-lines" className="mb-2 text-base font-semibold text-slate-900">
              {t("document.lines")}
            </h2>
            <LinesTable lines={invoice.lines} currency={invoice.currency} caption={t("document.lines")} />
          </section>
          <TotalsTable
            breakdown={invoice.taxBreakdown}
            total={invoice.total}
            currency={invoice.currency}
            taxMention={invoice.taxMention}
            extra={
              invoice.status === "cancelled" || invoice.status === "refunded"
                ? [{ label: t("invoice.amountPaid"), amount: invoice.amountPaid }]
                : [
                    { label: t("invoice.amountPaid"), amount: invoice.amountPaid },
                    { label: t("invoice.amountDue"), amount: invoice.amountDue, strong: true },
                  ]
            }
          />
          {invoice.notes && <p className="text-sm whitespace-pre-wrap text-slate-700">{invoice.notes}</p>}
          <section aria-labelledby="invoice-payments">
            <h2 id="invoice-payments" className="mb-2 text-base font-semibold text-slate-900">
              {t("invoice.payments.title")}
            </h2>
            {invoice.payments.length === 0 ? (
              <p className="text-sm text-slate-600">{t("invoice.payments.none")}</p>
            ) : (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("invoice.payments.title")}</caption>
                <thead className="border-b border-slate-200 text-xs font-semibold text-slate-600 uppercase">
                  <tr>
                    <th scope="col" className="py-2 pr-3">{t("invoice.payments.date")}</th>
                    <th scope="col" className="py-2 pr-3">{t("invoice.payments.method")}</th>
                    <th scope="col" className="py-2 text-right">{t("invoice.payments.amount")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {invoice.payments.map((payment, index) => (
                    <tr key={index}>
                      <td className="py-2 pr-3 align-top">{formatDateTime(payment.date, locale)}</td>
                      <td className="py-2 pr-3 align-top">
                        {t(`gateways.${KNOWN_GATEWAYS.has(payment.gateway) ? payment.gateway : "other"}`)}
                        {payment.reference && <span className="block text-xs break-all text-slate-500">{payment.reference}</span>}
                      </td>
                      <td className="py-2 text-right align-top tabular-nums">{money(payment.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </article>
      </div>
    </>
  );
}

async function PaymentBox({ invoice, payable, credit, creditUsable }: { invoice: InvoiceView; payable: boolean; credit: number; creditUsable: boolean }) {
  const t = await getTranslations("billing");
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, invoice.currency, locale);
  if (!payable) {
    return <p className={`${panel} p-4 text-sm text-slate-700`}>{t("invoice.payment.pending")}</p>;
  }
  const toApply = Math.min(credit, invoice.amountDue);
  return (
    <>
      <div className={`${panel} space-y-3 p-4`}>
        <p className="text-sm text-slate-600">{t("invoice.amountDue")}</p>
        <p className="text-2xl font-bold tabular-nums text-slate-900">{money(invoice.amountDue)}</p>
        <ActionForm action={payInvoiceAction} fields={{ invoiceId: String(invoice.id) }} label={t("invoice.payment.payNow")} pendingLabel={t("invoice.payment.redirecting")} />
        <p className="text-xs text-slate-500">{t("invoice.payment.cardNotice")}</p>
      </div>
      {creditUsable && credit > 0 && (
        <div className={`${panel} space-y-3 p-4`}>
          <p className="text-sm text-slate-700">{t("invoice.credit.available", { amount: money(credit) })}</p>
          <ConfirmDialogForm
            action={applyCreditAction}
            fields={{ invoiceId: String(invoice.id) }}
            triggerLabel={t("invoice.credit.apply")}
            title={t("invoice.credit.confirmTitle")}
            confirmLabel={t("invoice.credit.confirm")}
            pendingLabel={t("invoice.credit.applying")}
            cancelLabel={t("invoice.credit.cancel")}
          >
            <p>{t("invoice.credit.confirmBody", { amount: money(toApply), credit: money(credit) })}</p>
            <p>{toApply >= invoice.amountDue ? t("invoice.credit.coversAll") : t("invoice.credit.coversPart", { rest: money(invoice.amountDue - toApply) })}</p>
          </ConfirmDialogForm>
        </div>
      )}
    </>
  );
}

async function DocumentHeading({ invoice }: { invoice: InvoiceView }) {
  const t = await getTranslations("billing");
  const locale = await getLocale();
  const dates: { label: string; value: string }[] = [
    { label: t("document.issueDate"), value: formatDate(invoice.issueDate, locale) },
    { label: t("document.dueDate"), value: formatDate(invoice.dueDate, locale) },
  ];
  if (invoice.paidAt) dates.push({ label: t("invoice.paidAt"), value: formatDate(invoice.paidAt, locale) });
  return (
    <header className="space-y-3">
      {invoice.isTaxInvoice ? (
        <div>
          <p className="text-2xl font-bold tracking-tight text-slate-900">{t("invoice.documentTitle")}</p>
          <p className="text-base text-slate-800">
            {t("invoice.number")}: <strong>{invoice.number}</strong>
          </p>
        </div>
      ) : (
        <div className="rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 print:bg-white">
          <p className="text-2xl font-bold tracking-tight text-amber-900 uppercase">{t("invoice.proformaTitle")}</p>
          <p className="text-base text-amber-900">
            {t("invoice.reference")}: <strong>{invoice.proformaReference}</strong>
          </p>
          <p className="mt-1 text-sm text-amber-900">{t("invoice.proformaNotice")}</p>
        </div>
      )}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3 print:grid-cols-3">
        {dates.map((date) => (
          <div key={date.label}>
            <dt className="text-slate-600">{date.label}</dt>
            <dd className="font-medium text-slate-900">{date.value}</dd>
          </div>
        ))}
      </dl>
      {invoice.isTaxInvoice && <p className="text-xs text-slate-500">{t("invoice.proformaWas", { reference: invoice.proformaReference })}</p>}
    </header>
  );
}
