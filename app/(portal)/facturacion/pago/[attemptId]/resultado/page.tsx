import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatAmount } from "@/lib/i18n/format";
import { getPaymentAttemptView, type PaymentAttemptView } from "@/lib/payments/payment-attempt-view";
import { parseRowId } from "@/lib/row-id";
import { INVOICES_HREF, invoiceHref, resultHref } from "../../links";
import { AutoRefresh } from "./auto-refresh";

type Params = { attemptId: string };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payments.result");
  return { title: t("metaTitle"), robots: { index: false } };
}

const TONES = {
  open: "border-brand-200 bg-brand-50 text-brand-900",
  completed: "border-green-300 bg-green-50 text-green-900",
  failed: "border-red-300 bg-red-50 text-red-900",
  expired: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

/**
 * Where the gateway sends the customer back. It only reads the attempt: the payment is recorded by the
 * webhook (or the sandbox page), never because someone reached this URL.
 */
export default async function PaymentResultPage({ params }: { params: Promise<Params> }) {
  const user = await requireUser("invoices");
  const attemptId = parseRowId((await params).attemptId);
  const attempt = attemptId === null ? null : await getPaymentAttemptView(user.scope, attemptId);
  if (!attempt) notFound();

  const t = await getTranslations("payments.result");
  const locale = await getLocale();
  const amount = formatAmount(attempt.amount, attempt.currency, locale);
  const reasonKey = attempt.failureReason ? `reasons.${attempt.failureReason}` : null;
  const reason = reasonKey && t.has(reasonKey) ? t(reasonKey) : null;

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("title")} description={t("reference", { id: attempt.id })} />

      <div role="status" aria-live="polite" className={`mb-6 rounded-lg border px-4 py-4 ${TONES[attempt.status]}`} data-status={attempt.status}>
        <StatusMessage attempt={attempt} amount={amount} reason={reason} t={t} />
      </div>
      {attempt.status === "open" && <AutoRefresh />}

      <Card title={t("invoicesTitle")} titleId="payment-invoices" className="mb-6">
        <p className="mb-3 text-sm text-slate-700">
          {t("amount")}: <span className="font-semibold text-slate-900">{amount}</span>
        </p>
        <ul className="divide-y divide-slate-100 text-sm">
          {attempt.invoices.map((invoice) => {
            const label = invoice.number ? t("invoiceNumber", { number: invoice.number }) : t("proforma", { reference: invoice.proformaReference });
            return (
              <li key={invoice.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <Link
                  href={invoiceHref(invoice.id)}
                  aria-label={t("viewInvoice", { reference: invoice.number ?? invoice.proformaReference })}
                  className="min-w-0 font-medium break-words text-brand-700 hover:underline"
                >
                  {label}
                </Link>
                <span className="text-slate-700">
                  {invoice.status === "paid" ? t("paid") : t("pending", { amount: formatAmount(invoice.amountDue, invoice.currency, locale) })}
                </span>
              </li>
            );
          })}
        </ul>
      </Card>

      <Link
        href={INVOICES_HREF}
        className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto"
      >
        {t("backToInvoices")}
      </Link>
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"payments.result">>>;

function StatusMessage({ attempt, amount, reason, t }: { attempt: PaymentAttemptView; amount: string; reason: string | null; t: Translate }) {
  switch (attempt.status) {
    case "open":
      return (
        <>
          <p className="text-lg font-bold">{t("processingTitle")}</p>
          <p className="mt-1 text-sm">{t("processingBody")}</p>
          {/* Without JavaScript the page cannot refresh itself: a plain link does it. */}
          <a href={resultHref(attempt.id)} className="mt-2 inline-block text-sm font-medium underline">
            {t("refresh")}
          </a>
        </>
      );
    case "completed":
      return (
        <>
          <p className="text-lg font-bold">{t("completedTitle")}</p>
          <p className="mt-1 text-sm">{t("completedBody", { amount })}</p>
        </>
      );
    case "expired":
      return (
        <>
          <p className="text-lg font-bold">{t("expiredTitle")}</p>
          {reason && <p className="mt-1 text-sm font-medium">{reason}</p>}
          <p className="mt-1 text-sm">{t("expiredBody")}</p>
        </>
      );
    default:
      return (
        <>
          <p className="text-lg font-bold">{t("failedTitle")}</p>
          {reason && <p className="mt-1 text-sm font-medium">{reason}</p>}
          <p className="mt-1 text-sm">{t("failedBody")}</p>
        </>
      );
  }
}
