import { Image, Text, View } from "@react-pdf/renderer";
import type { PdfFormatter } from "../pdf-formatter";
import { pdfStyles as s } from "../styles";

/**
 * The "QR tributario" of a VERI*FACTU invoice, at the top of the first page as the regulation asks
 * (between 30 and 40 mm wide), with the legend that says the invoice can be checked at the AEAT.
 */
export function PdfVerifactu({ qrPng, f }: { qrPng: string; f: PdfFormatter }) {
  return (
    <View style={s.verifactu}>
      <View style={s.verifactuQrBox}>
        <Text style={s.verifactuLabel}>{f.t("pdf.invoice.verifactu.qrLabel")}</Text>
        {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt; the legend beside it says what it is. */}
        <Image src={qrPng} style={s.verifactuQr} />
      </View>
      <View style={s.verifactuText}>
        <Text style={s.verifactuLegend}>VERI*FACTU</Text>
        <Text style={s.verifactuNote}>{f.t("pdf.invoice.verifactu.note")}</Text>
      </View>
    </View>
  );
}
