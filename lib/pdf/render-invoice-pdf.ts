import { verificationQrImage } from "./invoice/verification-qr-image";
import { writeInvoicePdf } from "./invoice/write-invoice";
import { createPdfFormatter } from "./pdf-formatter";
import type { InvoiceView } from "@/lib/billing/queries/invoice-view";

/** The invoice as a PDF, labels in `locale` ("es" unless the customer chose another). */
export async function renderInvoicePdf(view: InvoiceView, locale: string): Promise<Buffer> {
  const verificationQrPng = view.verificationUrl ? await verificationQrImage(view.verificationUrl) : null;
  return writeInvoicePdf(view, createPdfFormatter(locale, view.currency), verificationQrPng);
}

/** "F2026-000123.pdf" for a tax invoice, "Proforma-PRO-000123.pdf" before it is paid. */
export function invoicePdfFileName(view: Pick<InvoiceView, "isTaxInvoice" | "number" | "proformaReference">): string {
  return view.isTaxInvoice && view.number ? `${view.number}.pdf` : `Proforma-${view.proformaReference}.pdf`;
}
