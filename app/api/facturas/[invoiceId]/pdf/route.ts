import { getInvoiceView } from "@/lib/billing/queries/invoice-view";
import { pdfDownloadRequest, pdfNotFound, pdfResponse } from "@/lib/pdf/pdf-download";
import { invoicePdfFileName, renderInvoicePdf } from "@/lib/pdf/render-invoice-pdf";

/** "Descargar PDF": the signed-in client's own invoice only, for the owner or a sub-account with "invoices". */
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const checked = await pdfDownloadRequest((await params).invoiceId, "invoices");
  if (!checked.ok) return checked.response;
  const view = await getInvoiceView(checked.user.scope, checked.id);
  if (!view) return pdfNotFound(checked.locale);
  return pdfResponse(await renderInvoicePdf(view, checked.locale), invoicePdfFileName(view));
}
