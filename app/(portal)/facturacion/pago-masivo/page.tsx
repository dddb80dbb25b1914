import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUnpaidInvoices } from "@/lib/billing/queries/unpaid-invoices";
import { formatDate } from "@/lib/i18n/format";
import { BackLink } from "../_components/back-link";
import { invoiceLabel } from "../_components/invoice-label";
import { textLink } from "../_components/styles";
import { MassPaymentForm } from "./mass-payment-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.massPayment");
  return { title: t("title") };
}

/** "Pago masivo", walkthrough 6.3: every pending invoice paid in one transaction. */
export default async function MassPaymentPage() {
  const user = await requireUser("invoices");
  const { invoices, totalCount } = await listUnpaidInvoices(user.scope);
  const t = await getTranslations("billing");
  const locale = await getLocale();

  return (
    <>
      <BackLink href="/facturacion/facturas" label={t("invoice.back")} />
      <PageHeader title={t("massPayment.title")} description={invoices.length > 0 ? t("massPayment.description") : undefined} />
      {invoices.length === 0 ? (
        <EmptyState
          message={t("massPayment.empty")}
          action={
            <Link href="/facturacion/facturas" className={textLink}>
              {t("massPayment.backToInvoices")}
            </Link>
          }
        />
      ) : (
        <>
          {totalCount > invoices.length && (
            <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("massPayment.capped", { shown: invoices.length, count: totalCount })}
            </p>
          )}
          <MassPaymentForm
            items={invoices.map((invoice) => ({
              id: invoice.id,
              label: invoiceLabel(invoice, (reference) => t("proforma", { reference })),
              dueDate: formatDate(invoice.dueDate, locale),
              amountDue: invoice.amountDue,
              currency: invoice.currency,
              overdue: invoice.overdue,
            }))}
          />
        </>
      )}
    </>
  );
}
