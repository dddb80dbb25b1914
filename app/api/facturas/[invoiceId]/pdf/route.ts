import { getInvoiceView } from "@/lib/billing/queries/invoice-view";
import { pdfDownloadRequest, pdfNotFound, pdfResponse } from "@/lib/pdf/pdf-download";
import { invoicePdfFile } from "@/lib/pdf/invoice-pdf-file";
import { invoicePdfFileName } from "@/lib/pdf/render-invoice-pdf";

/**
 * "Descargar PDF": the signed-in client's own invoice only, for the owner or a sub-account with
 * "invoices". An issued tax invoice is rendered once and then served from storage (lib/pdf/invoice-pdf-file).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const checked = await pdfDownloadRequest((await params).invoiceId, "invoices");
  if (!checked.ok) return checked.response;
  const view = await getInvoiceView(checked.user.scope, checked.id);
  if (!view) return pdfNotFound(checked.locale);
  const { bytes } = await invoicePdfFile(view, checked.locale);
  return pdfResponse(bytes, invoicePdfFileName(view));
}
