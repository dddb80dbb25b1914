import { Text, View } from "@react-pdf/renderer";
import { pdfStyles as s } from "../styles";

export type PdfMetaItem = { label: string; value: string };

/** Issuer's legal name on the left; the document's title, number and dates on the right. */
export function PdfHeader({ issuerName, title, meta }: { issuerName: string; title: string; meta: PdfMetaItem[] }) {
  return (
    <View style={s.header}>
      <Text style={s.headerIssuer}>{issuerName}</Text>
      <View style={s.headerRight}>
        <Text style={s.headerTitle}>{title}</Text>
        {meta.map((item) => (
          <View key={item.label} style={s.metaRow}>
            <Text style={s.metaLabel}>{item.label}</Text>
            <Text style={s.metaValue}>{item.value}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
