import { StyleSheet, type Styles } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "./fonts";

const INK = "#1f2933";
const MUTED = "#52606d";
const RULE = "#cbd2d9";
const SHADE = "#f0f4f8";
const ACCENT = "#1c4f82";

function cell(style: Styles[string]): Styles[string] {
  return { paddingTop: 4, paddingBottom: 4, paddingLeft: 4, paddingRight: 4, ...style };
}

/** One sheet for every invoice and quote component; created once per process, not per render. */
export const pdfStyles = StyleSheet.create({
  // No lineHeight: on a View react-pdf 4.9 resolves it against the wrong font size (lines far apart);
  // DejaVu's own line gap reads well.
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 8.5,
    color: INK,
    paddingTop: 36,
    paddingHorizontal: 40,
    paddingBottom: 22,
  },
  content: { flexGrow: 1 },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start", marginBottom: 18 },
  headerIssuer: { fontSize: 13, fontWeight: 700, color: ACCENT, maxWidth: 260 },
  headerRight: { alignItems: "flex-end", maxWidth: 260 },
  headerTitle: { fontSize: 17, fontWeight: 700, color: ACCENT, marginBottom: 6, textAlign: "right" },
  metaRow: { flexDirection: "row", justifyContent: "flex-end" },
  metaLabel: { color: MUTED, marginRight: 6 },
  metaValue: { fontWeight: 700 },

  // 96 pt is 34 mm: inside the 30-40 mm the VERI*FACTU QR must measure.
  verifactu: { flexDirection: "row", alignItems: "center", marginBottom: 14 },
  verifactuQrBox: { alignItems: "center", marginRight: 10 },
  verifactuLabel: { fontSize: 7, color: MUTED, marginBottom: 2 },
  verifactuQr: { width: 96, height: 96 },
  verifactuText: { flex: 1 },
  verifactuLegend: { fontSize: 11, fontWeight: 700, color: INK, letterSpacing: 0.5 },
  verifactuNote: { fontSize: 7.5, color: MUTED, marginTop: 2 },

  parties: { flexDirection: "row", marginBottom: 16 },
  party: { flex: 1, borderWidth: 0.75, borderColor: RULE, borderRadius: 3, padding: 8 },
  partyGap: { width: 12 },
  partyHeading: { fontSize: 7.5, color: MUTED, textTransform: "uppercase", letterSpacing: 0.6, marginBottom: 3 },
  partyName: { fontSize: 10, fontWeight: 700 },

  subject: { marginBottom: 10 },
  bold: { fontWeight: 700 },
  muted: { color: MUTED },

  table: { borderTopWidth: 0.75, borderColor: RULE, marginBottom: 12 },
  tableHead: { flexDirection: "row", backgroundColor: SHADE, borderBottomWidth: 0.75, borderColor: RULE, fontWeight: 700 },
  tableRow: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: RULE },
  // Cells carry their padding themselves: one style object per node instead of an array to merge.
  colDescription: cell({ flex: 1 }),
  colQuantity: cell({ width: 48, textAlign: "right" }),
  colUnitPrice: cell({ width: 78, textAlign: "right" }),
  colTaxRate: cell({ width: 44, textAlign: "right" }),
  colBase: cell({ width: 80, textAlign: "right" }),
  colDate: cell({ width: 90 }),
  colMethod: cell({ flex: 1 }),
  colReference: cell({ flex: 1 }),
  colAmount: cell({ width: 90, textAlign: "right" }),

  totals: { flexDirection: "row", justifyContent: "flex-end", marginBottom: 14 },
  totalsBox: { width: 250 },
  totalsRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  totalsGrand: {
    flexDirection: "row",
    justifyContent: "space-between",
    marginTop: 4,
    paddingTop: 5,
    paddingBottom: 5,
    paddingHorizontal: 4,
    backgroundColor: SHADE,
    borderTopWidth: 1,
    borderColor: ACCENT,
    fontSize: 11,
    fontWeight: 700,
  },

  sectionTitle: { fontSize: 9.5, fontWeight: 700, color: ACCENT, marginBottom: 4 },
  section: { marginBottom: 14 },
  amountDue: { flexDirection: "row", justifyContent: "flex-end", fontSize: 10, fontWeight: 700, paddingTop: 4 },
  amountDueLabel: { marginRight: 12 },
  mention: { marginBottom: 3 },

  footer: {
    marginTop: 10,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderColor: RULE,
    paddingTop: 5,
    fontSize: 7.5,
    color: MUTED,
  },
});
