import { getQuoteView } from "@/lib/billing/queries/quote-view";
import { pdfDownloadRequest, pdfNotFound, pdfResponse } from "@/lib/pdf/pdf-download";
import { quotePdfFileName, renderQuotePdf } from "@/lib/pdf/render-quote-pdf";

/** A quote's PDF: the signed-in client's own quote only, for the owner or a sub-account with "quotes". */
export async function GET(_request: Request, { params }: { params: Promise<{ quoteId: string }> }): Promise<Response> {
  const checked = await pdfDownloadRequest((await params).quoteId, "quotes");
  if (!checked.ok) return checked.response;
  const view = await getQuoteView(checked.user.scope, checked.id);
  if (!view) return pdfNotFound(checked.locale);
  return pdfResponse(await renderQuotePdf(view, checked.locale), quotePdfFileName(view));
}
