import { Text, View } from "@react-pdf/renderer";
import type { PdfFormatter } from "../pdf-formatter";
import { pdfStyles as s } from "../styles";

/** On every page: who issued the document and "Página x de y". */
export function PdfFooter({ text, pageNumber, totalPages, f }: { text: string; pageNumber: number; totalPages: number; f: PdfFormatter }) {
  return (
    <View style={s.footer}>
      <Text>{text}</Text>
      <Text>{f.t("pdf.footer.page", { page: pageNumber, pages: totalPages })}</Text>
    </View>
  );
}
