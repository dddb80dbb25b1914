import type { ReactNode } from "react";
import { Page, View } from "@react-pdf/renderer";
import type { PdfFormatter } from "../pdf-formatter";
import { pdfStyles as s } from "../styles";
import { PdfFooter } from "./pdf-footer";

/**
 * An A4 page that flows onto as many pages as the content needs, each with the footer. The footer
 * lives in react-pdf's page `layout` (its newer pagination engine) rather than as a `fixed` render
 * prop: the older engine lays the whole remaining document out again for every page break when a
 * render prop is present, which made a 50-line invoice several times slower.
 */
export function PdfPage({ footerText, f, children }: { footerText: string; f: PdfFormatter; children: ReactNode }) {
  return (
    <Page
      size="A4"
      style={s.page}
      layout={({ children: content, pageNumber = 1, totalPages = 1 }) => (
        <>
          <View style={s.content}>{content}</View>
          <PdfFooter text={footerText} pageNumber={pageNumber} totalPages={totalPages} f={f} />
        </>
      )}
    >
      {children}
    </Page>
  );
}
