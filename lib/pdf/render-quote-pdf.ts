import { renderToBuffer } from "@react-pdf/renderer";
import { registerPdfFonts } from "./fonts";
import { createPdfFormatter } from "./pdf-formatter";
import { QuoteDocument } from "./quote-document";
import type { QuoteView } from "@/lib/billing/queries/quote-view";

export async function renderQuotePdf(view: QuoteView, locale: string): Promise<Buffer> {
  registerPdfFonts();
  // Called, not mounted: renderToBuffer wants the <Document> element itself.
  return renderToBuffer(QuoteDocument({ view, f: createPdfFormatter(locale, view.currency) }));
}

/** "Oferta-OF-000042.pdf". */
export function quotePdfFileName(view: Pick<QuoteView, "reference">): string {
  return `Oferta-${view.reference}.pdf`;
}
