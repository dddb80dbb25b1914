import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { parseRowId } from "@/lib/row-id";
import { getQuoteView } from "@/lib/billing/queries/quote-view";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { BackLink } from "../../_components/back-link";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { LinesTable, PartyBlocks, TotalsTable } from "../../_components/document-parts";
import { PrintButton } from "../../_components/print-button";
import { QuoteStageBadge } from "../../_components/quote-stage-badge";
import { panel, secondaryButton, textLink } from "../../_components/styles";
import { acceptQuoteAction } from "./actions";

type Params = { quoteId: string };
type SearchParams = { aviso?: string | string[] };

const loadQuote = cache(async (rawId: string) => {
  const user = await requireUser("quotes");
  const quoteId = parseRowId(rawId);
  const quote = quoteId === null ? null : await getQuoteView(user.scope, quoteId);
  if (!quote) notFound();
  return { user, quote };
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { quote } = await loadQuote((await params).quoteId);
  const t = await getTranslations("billing.quote");
  return { title: t("title", { reference: quote.reference }) };
}

/** One quote (walkthrough 6.2): lines, totals, and "Aceptar la oferta" while it is open. */
export default async function QuotePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const { user, quote } = await loadQuote((await params).quoteId);
  const { aviso } = await searchParams;
  const t = await getTranslations("billing");
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, quote.currency, locale);
  const canSeeInvoices = hasPermission(user, "invoices");

  return (
    <>
      <BackLink href="/facturacion/ofertas" label={t("quote.back")} />
      {aviso === "aceptada" && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 print:hidden">
          {t("quote.acceptedNotice")}
        </p>
      )}
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between print:hidden">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-slate-900">{t("quote.title", { reference: quote.reference })}</h1>
          <p className="mt-1 text-slate-700">{quote.subject}</p>
          <div className="mt-2">
            <QuoteStageBadge stage={quote.displayStage} />
          </div>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <PrintButton label={t("document.print")} />
          <a href={`/api/ofertas/${quote.id}/pdf`} className={secondaryButton} download>
            {t("document.downloadPdf")}
          </a>
        </div>
      </div>

      {(quote.acceptable || quote.stage === "accepted" || quote.expired) && (
        <section aria-label={t("quote.acceptance")} className={`${panel} mb-6 space-y-3 p-4 print:hidden`}>
          {quote.acceptable && (
            <>
              <p className="text-sm text-slate-700">{t("quote.acceptIntro", { total: money(quote.total), date: formatDate(quote.validUntil, locale) })}</p>
              <ConfirmDialogForm
                action={acceptQuoteAction}
                fields={{ quoteId: String(quote.id) }}
                triggerLabel={t("quote.accept")}
                title={t("quote.confirmTitle", { reference: quote.reference })}
                confirmLabel={t("quote.confirm")}
                pendingLabel={t("quote.accepting")}
                cancelLabel={t("quote.cancel")}
              >
                <p>{t("quote.confirmBody", { subject: quote.subject, total: money(quote.total) })}</p>
                {quote.notes && (
                  <div>
                    <p className="font-semibold text-slate-900">{t("quote.terms")}</p>
                    <p className="whitespace-pre-wrap">{quote.notes}</p>
                  </div>
                )}
                <p>{t("quote.confirmInvoice", { date: formatDate(quote.validUntil, locale) })}</p>
              </ConfirmDialogForm>
            </>
          )}
          {quote.stage === "accepted" && (
            <p className="text-sm text-slate-700">
              {quote.acceptedAt ? t("quote.acceptedOn", { date: formatDate(quote.acceptedAt, locale) }) : t("quote.accepted")}{" "}
              {quote.invoiceId && canSeeInvoices && (
                <Link href={`/facturacion/facturas/${quote.invoiceId}`} className={textLink}>
                  {t("quote.seeInvoice")}
                </Link>
              )}
            </p>
          )}
          {quote.expired && <p className="text-sm text-slate-700">{t("quote.expiredOn", { date: formatDate(quote.validUntil, locale) })}</p>}
        </section>
      )}

      <article className={`${panel} min-w-0 space-y-6 p-4 sm:p-6`}>
        <header className="space-y-3">
          <div>
            <p className="text-2xl font-bold tracking-tight text-slate-900">{t("quote.documentTitle")}</p>
            <p className="text-base text-slate-800">
              {t("quote.reference")}: <strong>{quote.reference}</strong>
            </p>
            <p className="text-base text-slate-800">{quote.subject}</p>
          </div>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3 print:grid-cols-3">
            <div>
              <dt className="text-slate-600">{t("document.issueDate")}</dt>
              <dd className="font-medium text-slate-900">{formatDate(quote.issueDate, locale)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("quote.validUntil")}</dt>
              <dd className="font-medium text-slate-900">{formatDate(quote.validUntil, locale)}</dd>
            </div>
          </dl>
        </header>
        <PartyBlocks issuer={quote.issuer} client={quote.client} />
        <section aria-labelledby="quote-lines">
          <h2 id="quote-lines" className="mb-2 text-base font-semibold text-slate-900">
            {t("document.lines")}
          </h2>
          <LinesTable lines={quote.lines} currency={quote.currency} caption={t("document.lines")} />
        </section>
        <TotalsTable breakdown={quote.taxBreakdown} total={quote.total} currency={quote.currency} />
        {quote.notes && (
          <section aria-labelledby="quote-notes">
            <h2 id="quote-notes" className="mb-1 text-base font-semibold text-slate-900">
              {t("quote.terms")}
            </h2>
            <p className="text-sm whitespace-pre-wrap text-slate-700">{quote.notes}</p>
          </section>
        )}
      </article>
    </>
  );
}
