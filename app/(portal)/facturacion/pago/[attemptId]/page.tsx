import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatAmount } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { getSandboxPaymentAttempt } from "@/lib/payments/sandbox-payment";
import { INVOICES_HREF, resultHref } from "../links";
import { SandboxPaymentButtons } from "./sandbox-payment-buttons";

type Params = { attemptId: string };

// Not found when the portal runs on Stripe, when the attempt is another gateway's or another client's.
const loadAttempt = cache(async (rawId: string) => {
  const user = await requireUser("invoices");
  const attemptId = parseRowId(rawId);
  const attempt = attemptId === null ? null : await getSandboxPaymentAttempt(user, attemptId);
  if (!attempt) notFound();
  return attempt;
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  await loadAttempt((await params).attemptId);
  const t = await getTranslations("payments.sandbox");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function SandboxPaymentPage({ params }: { params: Promise<Params> }) {
  const attempt = await loadAttempt((await params).attemptId);
  // Already paid, declined or expired: the outcome lives on the result page.
  if (attempt.status !== "open") redirect(resultHref(attempt.id));

  const t = await getTranslations("payments.sandbox");
  const locale = await getLocale();

  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-4 text-sm">
        <Link href={INVOICES_HREF} className="font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("description")} />

      <div role="note" className="mb-6 rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-amber-900">
        <p className="font-bold">{t("banner")}</p>
        <p className="mt-1 text-sm">{t("bannerBody")}</p>
      </div>

      <Card title={t("summaryTitle")} titleId="sandbox-summary" className="mb-6">
        <p className="text-sm text-slate-600">{t("amount")}</p>
        <p className="text-3xl font-bold text-slate-900" data-testid="sandbox-amount">
          {formatAmount(attempt.amount, attempt.currency, locale)}
        </p>
        <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-900">{t("invoicesTitle")}</h3>
        <ul className="divide-y divide-slate-100 text-sm">
          {attempt.invoices.map((invoice) => (
            <li key={invoice.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <span className="min-w-0 font-medium break-words text-slate-900">{t("proforma", { reference: invoice.proformaReference })}</span>
              <span className="text-slate-700">{t("amountDue", { amount: formatAmount(invoice.amountDue, invoice.currency, locale) })}</span>
            </li>
          ))}
        </ul>
      </Card>

      <section aria-labelledby="sandbox-choose">
        <h2 id="sandbox-choose" className="mb-3 text-base font-semibold text-slate-900">
          {t("choose")}
        </h2>
        <SandboxPaymentButtons attemptId={attempt.id} />
      </section>
    </div>
  );
}
