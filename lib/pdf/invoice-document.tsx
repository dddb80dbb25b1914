import { Document } from "@react-pdf/renderer";
import { PdfHeader, type PdfMetaItem } from "./components/pdf-header";
import { PdfLinesTable } from "./components/pdf-lines-table";
import { PdfMentions } from "./components/pdf-mentions";
import { PdfPage } from "./components/pdf-page";
import { PdfParties } from "./components/pdf-parties";
import { PdfPayments } from "./components/pdf-payments";
import { PdfTotals } from "./components/pdf-totals";
import { PdfVerifactu } from "./components/pdf-verifactu";
import { clientParty, issuerParty } from "./parties";
import type { PdfFormatter } from "./pdf-formatter";
import type { InvoiceView } from "@/lib/billing/queries/invoice-view";

/** "F2026-000123" -> "F2026": the number is always `${series}-${padded}`. */
function seriesOf(number: string): string {
  const dash = number.lastIndexOf("-");
  return dash > 0 ? number.slice(0, dash) : number;
}

function invoiceTitle(view: InvoiceView, f: PdfFormatter): string {
  return view.isTaxInvoice && view.number ? `${f.t("pdf.invoice.title")} ${view.number}` : `${f.t("pdf.invoice.proformaTitle")} ${view.proformaReference}`;
}

function invoiceMeta(view: InvoiceView, f: PdfFormatter): PdfMetaItem[] {
  const { t } = f;
  const status = { label: t("pdf.invoice.status"), value: t(`pdf.invoice.statuses.${view.displayStatus}`) };
  if (view.isTaxInvoice && view.number) {
    return [
      { label: t("pdf.invoice.number"), value: view.number },
      { label: t("pdf.invoice.series"), value: seriesOf(view.number) },
      { label: t("pdf.invoice.issueDate"), value: f.date(view.issueDate) },
      ...(view.paidAt ? [{ label: t("pdf.invoice.paidDate"), value: f.date(view.paidAt) }] : []),
      ...(view.displayStatus === "paid" ? [] : [status]),
    ];
  }
  return [
    { label: t("pdf.invoice.reference"), value: view.proformaReference },
    { label: t("pdf.invoice.issueDate"), value: f.date(view.issueDate) },
    { label: t("pdf.invoice.dueDate"), value: f.date(view.dueDate) },
    status,
  ];
}

function invoiceMentions(view: InvoiceView, f: PdfFormatter): string[] {
  return [view.taxMention, view.notes, view.isTaxInvoice ? null : f.t("pdf.invoice.proformaNotice")].filter(
    (item): item is string => typeof item === "string" && item.trim() !== "",
  );
}

/**
 * A tax invoice ("Factura" + number and series, with its VERI*FACTU QR) or, until it is paid, a
 * proforma with its own reference (no QR: it is not an invoice yet).
 */
export function InvoiceDocument({ view, f, verificationQrPng }: { view: InvoiceView; f: PdfFormatter; verificationQrPng: string | null }) {
  const title = invoiceTitle(view, f);
  return (
    <Document title={title} author={view.issuer.legalName} creator={view.issuer.legalName} producer={view.issuer.legalName} language={f.locale}>
      <PdfPage footerText={`${view.issuer.legalName} · ${f.t("pdf.parties.taxId")} ${view.issuer.taxId}`} f={f}>
        <PdfHeader
          issuerName={view.issuer.legalName}
          title={view.isTaxInvoice ? f.t("pdf.invoice.title") : f.t("pdf.invoice.proformaTitle")}
          meta={invoiceMeta(view, f)}
        />
        {verificationQrPng && <PdfVerifactu qrPng={verificationQrPng} f={f} />}
        <PdfParties issuer={issuerParty(view.issuer, f)} client={clientParty(view.client, f)} />
        <PdfLinesTable lines={view.lines} f={f} />
        <PdfTotals taxBreakdown={view.taxBreakdown} total={view.total} currency={view.currency} f={f} />
        <PdfPayments payments={view.payments} amountDue={view.amountDue} f={f} />
        <PdfMentions items={invoiceMentions(view, f)} f={f} />
      </PdfPage>
    </Document>
  );
}
