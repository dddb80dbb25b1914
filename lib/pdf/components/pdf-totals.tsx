import { Text, View } from "@react-pdf/renderer";
import type { PdfFormatter } from "../pdf-formatter";
import { pdfStyles as s } from "../styles";

export type PdfTaxRow = { rateBp: number; base: number; tax: number };

/** Spanish invoices state the tax base and the tax amount for each rate, then the total and its currency. */
export function PdfTotals({ taxBreakdown, total, currency, f }: { taxBreakdown: readonly PdfTaxRow[]; total: number; currency: string; f: PdfFormatter }) {
  const { t } = f;
  return (
    <View style={s.totals} wrap={false}>
      <View style={s.totalsBox}>
        {taxBreakdown.map((row) => (
          <View key={row.rateBp}>
            <View style={s.totalsRow}>
              <Text>{t("pdf.totals.taxBase", { rate: f.percent(row.rateBp) })}</Text>
              <Text>{f.money(row.base)}</Text>
            </View>
            <View style={s.totalsRow}>
              <Text>{t("pdf.totals.tax", { rate: f.percent(row.rateBp) })}</Text>
              <Text>{f.money(row.tax)}</Text>
            </View>
          </View>
        ))}
        <View style={s.totalsGrand}>
          <Text>{t("pdf.totals.total", { currency })}</Text>
          <Text>{f.money(total)}</Text>
        </View>
      </View>
    </View>
  );
}
