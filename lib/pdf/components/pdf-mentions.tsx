import { Text, View } from "@react-pdf/renderer";
import type { PdfFormatter } from "../pdf-formatter";
import { pdfStyles as s } from "../styles";

/** Legal mentions (reverse charge, not subject to VAT), notes and notices; nothing when there are none. */
export function PdfMentions({ items, f }: { items: readonly string[]; f: PdfFormatter }) {
  if (items.length === 0) return null;
  return (
    <View style={s.section}>
      <Text style={s.sectionTitle} minPresenceAhead={24}>{f.t("pdf.mentions.title")}</Text>
      {items.map((item, index) => (
        <Text key={index} style={s.mention}>
          {item}
        </Text>
      ))}
    </View>
  );
}
