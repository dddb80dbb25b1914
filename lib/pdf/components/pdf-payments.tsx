import { Text, View } from "@react-pdf/renderer";
import type { PdfFormatter } from "../pdf-formatter";
import { pdfStyles as s } from "../styles";

export type PdfPayment = { date: Date; gateway: string; reference: string | null; amount: number };

const KNOWN_METHODS = new Set(["stripe", "sandbox", "credit"]);

function methodLabel(gateway: string, f: PdfFormatter): string {
  const key = KNOWN_METHODS.has(gateway) ? (gateway as "stripe" | "sandbox" | "credit") : "other";
  return f.t(`pdf.payments.methods.${key}`);
}

/** Payments made so far (none on a fresh proforma) and what is still due. */
export function PdfPayments({ payments, amountDue, f }: { payments: readonly PdfPayment[]; amountDue: number; f: PdfFormatter }) {
  const { t } = f;
  return (
    <View style={s.section} wrap={false}>
      {payments.length > 0 ? (
        <>
          <Text style={s.sectionTitle}>{t("pdf.payments.title")}</Text>
          <View style={s.table}>
            <View style={s.tableHead}>
              <Text style={s.colDate}>{t("pdf.payments.date")}</Text>
              <Text style={s.colMethod}>{t("pdf.payments.method")}</Text>
              <Text style={s.colReference}>{t("pdf.payments.reference")}</Text>
              <Text style={s.colAmount}>{t("pdf.payments.amount")}</Text>
            </View>
            {payments.map((payment, index) => (
              <View key={index} style={s.tableRow}>
                <Text style={s.colDate}>{f.date(payment.date)}</Text>
                <Text style={s.colMethod}>{methodLabel(payment.gateway, f)}</Text>
                <Text style={s.colReference}>{payment.reference ?? ""}</Text>
                <Text style={s.colAmount}>{f.money(payment.amount)}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
      <View style={s.amountDue}>
        <Text style={s.amountDueLabel}>{t("pdf.totals.amountDue")}</Text>
        <Text>{f.money(amountDue)}</Text>
      </View>
    </View>
  );
}
