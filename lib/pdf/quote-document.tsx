import { Document, Text } from "@react-pdf/renderer";
import { PdfHeader } from "./components/pdf-header";
import { PdfLinesTable } from "./components/pdf-lines-table";
import { PdfMentions } from "./components/pdf-mentions";
import { PdfPage } from "./components/pdf-page";
import { PdfParties } from "./components/pdf-parties";
import { PdfTotals } from "./components/pdf-totals";
import { clientParty, issuerParty } from "./parties";
import type { PdfFormatter } from "./pdf-formatter";
import { pdfStyles as s } from "./styles";
import type { QuoteView } from "@/lib/billing/queries/quote-view";

/** The invoice's components with the quote's title, reference and validity; a quote has no payments. */
export function QuoteDocument({ view, f }: { view: QuoteView; f: PdfFormatter }) {
  const { t } = f;
  const mentions = [view.notes, t("pdf.quote.validityNotice", { date: f.date(view.validUntil) })].filter(
    (item): item is string => typeof item === "string" && item.trim() !== "",
  );
  return (
    <Document
      title={`${t("pdf.quote.title")} ${view.reference}`}
      author={view.issuer.legalName}
      creator={view.issuer.legalName}
      producer={view.issuer.legalName}
      language={f.locale}
    >
      <PdfPage footerText={`${view.issuer.legalName} · ${t("pdf.parties.taxId")} ${view.issuer.taxId}`} f={f}>
        <PdfHeader
          issuerName={view.issuer.legalName}
          title={t("pdf.quote.title")}
          meta={[
            { label: t("pdf.quote.reference"), value: view.reference },
            { label: t("pdf.quote.issueDate"), value: f.date(view.issueDate) },
            { label: t("pdf.quote.validUntil"), value: f.date(view.validUntil) },
          ]}
        />
        <PdfParties issuer={issuerParty(view.issuer, f)} client={clientParty(view.client, f)} />
        <Text style={s.subject}>
          <Text style={s.muted}>{t("pdf.quote.subject")}: </Text>
          <Text style={s.bold}>{view.subject}</Text>
        </Text>
        <PdfLinesTable lines={view.lines} f={f} />
        <PdfTotals taxBreakdown={view.taxBreakdown} total={view.total} currency={view.currency} f={f} />
        <PdfMentions items={mentions} f={f} />
      </PdfPage>
    </Document>
  );
}
