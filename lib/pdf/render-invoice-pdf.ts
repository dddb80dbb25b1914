import { renderToBuffer } from "@react-pdf/renderer";
import { registerPdfFonts } from "./fonts";
import { InvoiceDocument } from "./invoice-document";
import { createPdfFormatter } from "./pdf-formatter";
import type { InvoiceView } from "@/lib/billing/queries/invoice-view";
import { verificationQrPng as drawVerificationQr } from "@/lib/verifactu/verification-qr";

/** The invoice as a PDF, labels in `locale` ("es" unless the customer chose another). */
export async function renderInvoicePdf(view: InvoiceView, locale: string): Promise<Buffer> {
  registerPdfFonts();
  const verificationQrPng = view.verificationUrl ? await drawVerificationQr(view.verificationUrl) : null;
  // Called, not mounted: renderToBuffer wants the <Document> element itself.
  return renderToBuffer(InvoiceDocument({ view, f: createPdfFormatter(locale, view.currency), verificationQrPng }));
}

/** "F2026-000123.pdf" for a tax invoice, "Proforma-PRO-000123.pdf" before it is paid. */
export function invoicePdfFileName(view: Pick<InvoiceView, "isTaxInvoice" | "number" | "proformaReference">): string {
  return view.isTaxInvoice && view.number ? `${view.number}.pdf` : `Proforma-${view.proformaReference}.pdf`;
}
