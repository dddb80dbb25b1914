import { writeInvoicePdf } from "./invoice/write-invoice";
import { createPdfFormatter } from "./pdf-formatter";
import type { InvoiceView } from "@/lib/billing/queries/invoice-view";
import { verificationQrPng as drawVerificationQr } from "@/lib/verifactu/verification-qr";

// Drawing a QR as PNG costs about a third of a warm render: the last few are kept (a URL per invoice,
// so this only helps re-renders of the same invoice: the e-mail attachment and the first download).
const QR_CACHE_SIZE = 64;
const qrCache = new Map<string, Promise<string>>();

function verificationQr(url: string): Promise<string> {
  let png = qrCache.get(url);
  if (png) {
    qrCache.delete(url);
  } else {
    png = drawVerificationQr(url);
    png.catch(() => qrCache.delete(url));
  }
  qrCache.set(url, png);
  if (qrCache.size > QR_CACHE_SIZE) qrCache.delete(qrCache.keys().next().value!);
  return png;
}

/** The invoice as a PDF, labels in `locale` ("es" unless the customer chose another). */
export async function renderInvoicePdf(view: InvoiceView, locale: string): Promise<Buffer> {
  const verificationQrPng = view.verificationUrl ? await verificationQr(view.verificationUrl) : null;
  return writeInvoicePdf(view, createPdfFormatter(locale, view.currency), verificationQrPng);
}

/** "F2026-000123.pdf" for a tax invoice, "Proforma-PRO-000123.pdf" before it is paid. */
export function invoicePdfFileName(view: Pick<InvoiceView, "isTaxInvoice" | "number" | "proformaReference">): string {
  return view.isTaxInvoice && view.number ? `${view.number}.pdf` : `Proforma-${view.proformaReference}.pdf`;
}
