import { Text, View } from "@react-pdf/renderer";
import type { PdfFormatter } from "../pdf-formatter";
import { pdfStyles as s } from "../styles";

export type PdfLine = { description: string; quantity: number; unitAmount: number; taxRateBp: number; lineSubtotal: number };

/** The head row is `fixed` so it repeats on every page a long table runs onto. */
export function PdfLinesTable({ lines, f }: { lines: readonly PdfLine[]; f: PdfFormatter }) {
  const { t } = f;
  return (
    <View style={s.table}>
      <View style={s.tableHead} fixed>
        <Text style={s.colDescription}>{t("pdf.lines.description")}</Text>
        <Text style={s.colQuantity}>{t("pdf.lines.quantity")}</Text>
        <Text style={s.colUnitPrice}>{t("pdf.lines.unitPrice")}</Text>
        <Text style={s.colTaxRate}>{t("pdf.lines.taxRate")}</Text>
        <Text style={s.colBase}>{t("pdf.lines.base")}</Text>
      </View>
      {lines.map((line, index) => (
        <View key={index} style={s.tableRow} wrap={false}>
          <Text style={s.colDescription}>{line.description}</Text>
          <Text style={s.colQuantity}>{line.quantity}</Text>
          <Text style={s.colUnitPrice}>{f.money(line.unitAmount)}</Text>
          <Text style={s.colTaxRate}>{f.percent(line.taxRateBp)}</Text>
          <Text style={s.colBase}>{f.money(line.lineSubtotal)}</Text>
        </View>
      ))}
    </View>
  );
}
