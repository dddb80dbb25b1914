import type { InvoiceView } from "@/lib/billing/queries/invoice-view";
import { clientParty, issuerParty } from "../parties";
import type { PdfParty } from "../components/pdf-parties";
import type { PdfFormatter } from "../pdf-formatter";
import { ACCENT, MUTED, PdfCanvas, RULE, SHADE, type TextStyle } from "./pdf-canvas";

// The invoice (tax invoice or proforma) written with pdfkit directly. It draws what
// lib/pdf/components draw for the quote with react-pdf (same sizes, colours and order), measured
// and placed here: react-pdf's layout engine took ~190 ms for a warm 50-line invoice on the 2-CPU
// development machine, this 25-45 ms (npm run bench; the same with the standard Helvetica instead
// of the embedded DejaVu: 20-30 ms, but WinAnsi only, so no "Łukasz", Greek or Cyrillic names).

const CELL = 4;
const LINE_COLUMNS = [
  { key: "description", width: 0, align: "left" },
  { key: "quantity", width: 48, align: "right" },
  { key: "unitPrice", width: 78, align: "right" },
  { key: "taxRate", width: 44, align: "right" },
  { key: "base", width: 80, align: "right" },
] as const;
const PAYMENT_COLUMNS = [
  { key: "date", width: 90, align: "left" },
  { key: "method", width: 0, align: "left" },
  { key: "reference", width: 0, align: "left" },
  { key: "amount", width: 90, align: "right" },
] as const;

type Column = { key: string; width: number; align: "left" | "right" };
type PlacedColumn = Column & { x: number; width: number };

/** Fixed widths as given, the rest shared by the columns of width 0 (react-pdf's flex: 1). */
function placeColumns(columns: readonly Column[], left: number, width: number): PlacedColumn[] {
  const fixed = columns.reduce((sum, column) => sum + column.width, 0);
  const flexible = columns.filter((column) => column.width === 0).length;
  let x = left;
  return columns.map((column) => {
    const placed = { ...column, x, width: column.width || (width - fixed) / flexible };
    x += placed.width;
    return placed;
  });
}

/** An amount or a rate: one line, right-aligned, unless it is wider than its column. */
function fitsOnOneLine(canvas: PdfCanvas, column: PlacedColumn, cell: string, style: TextStyle): boolean {
  return column.align === "right" && canvas.textWidth(cell, style) <= column.width - 2 * CELL;
}

/** One table row: each cell padded by 4 pt, wrapped into its column; returns its height. */
function rowHeight(canvas: PdfCanvas, columns: PlacedColumn[], cells: string[], style: TextStyle): number {
  const line = canvas.lineHeight(style);
  const heights = cells.map((cell, index) =>
    fitsOnOneLine(canvas, columns[index]!, cell, style) ? line : canvas.textHeight(cell, columns[index]!.width - 2 * CELL, style),
  );
  return Math.max(...heights) + 2 * CELL;
}

/** A head row: bold labels on one line each, never wrapped ("Cantidad" is a little wider than its column). */
function headHeight(canvas: PdfCanvas): number {
  return canvas.lineHeight({ bold: true }) + 2 * CELL;
}

function drawRow(canvas: PdfCanvas, columns: PlacedColumn[], cells: string[], style: TextStyle, height: number, rule: number, fill?: string): void {
  const { y } = canvas;
  if (fill) canvas.box(canvas.left, y, canvas.width, height, fill);
  cells.forEach((cell, index) => {
    const column = columns[index]!;
    if ((fill && column.align === "right") || fitsOnOneLine(canvas, column, cell, style)) canvas.textRight(cell, column.x + column.width - CELL, y + CELL, style);
    else if (fill) canvas.text(cell, column.x + CELL, y + CELL, style);
    else canvas.text(cell, column.x + CELL, y + CELL, { ...style, width: column.width - 2 * CELL, align: column.align });
  });
  canvas.rule(canvas.left, canvas.right, y + height, rule);
  canvas.y += height;
}

function seriesOf(number: string): string {
  const dash = number.lastIndexOf("-");
  return dash > 0 ? number.slice(0, dash) : number;
}

function invoiceMeta(view: InvoiceView, f: PdfFormatter): { label: string; value: string }[] {
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

function drawHeader(canvas: PdfCanvas, view: InvoiceView, f: PdfFormatter): void {
  const top = canvas.y;
  const issuerStyle = { bold: true, size: 13, color: ACCENT };
  canvas.text(view.issuer.legalName, canvas.left, top, { ...issuerStyle, width: 260 });
  const leftHeight = canvas.textHeight(view.issuer.legalName, 260, issuerStyle);
  const titleStyle = { bold: true, size: 17, color: ACCENT };
  canvas.textRight(view.isTaxInvoice ? f.t("pdf.invoice.title") : f.t("pdf.invoice.proformaTitle"), canvas.right, top, titleStyle);
  let y = top + canvas.lineHeight(titleStyle) + 6;
  for (const item of invoiceMeta(view, f)) {
    const valueWidth = canvas.textWidth(item.value, { bold: true });
    canvas.textRight(item.value, canvas.right, y, { bold: true });
    canvas.textRight(item.label, canvas.right - valueWidth - 6, y, { color: MUTED });
    y += canvas.lineHeight();
  }
  canvas.y = Math.max(top + leftHeight, y) + 18;
}

/** The "QR tributario" (96 pt = 34 mm, inside the 30-40 mm asked) and the VERI*FACTU legend, top of page 1. */
function drawVerifactu(canvas: PdfCanvas, qrPng: Buffer, f: PdfFormatter): void {
  const top = canvas.y;
  const labelStyle = { size: 7, color: MUTED };
  const label = f.t("pdf.invoice.verifactu.qrLabel");
  const labelHeight = canvas.lineHeight(labelStyle);
  const boxWidth = Math.max(96, canvas.textWidth(label, labelStyle));
  canvas.text(label, canvas.left + (boxWidth - canvas.textWidth(label, labelStyle)) / 2, top, labelStyle);
  canvas.doc.image(qrPng, canvas.left + (boxWidth - 96) / 2, top + labelHeight + 2, { width: 96, height: 96 });
  const boxHeight = labelHeight + 2 + 96;
  const legendStyle = { bold: true, size: 11, spacing: 0.5 };
  const noteStyle = { size: 7.5, color: MUTED };
  const textX = canvas.left + boxWidth + 10;
  const textWidth = canvas.right - textX;
  const note = f.t("pdf.invoice.verifactu.note");
  const textHeight = canvas.lineHeight(legendStyle) + 2 + canvas.textHeight(note, textWidth, noteStyle);
  const textTop = top + (boxHeight - textHeight) / 2;
  canvas.text("VERI*FACTU", textX, textTop, legendStyle);
  canvas.text(note, textX, textTop + canvas.lineHeight(legendStyle) + 2, { ...noteStyle, width: textWidth });
  canvas.y = top + Math.max(boxHeight, textHeight) + 14;
}

type PartyLine = { text: string; style: TextStyle; after?: number; label?: string };

function partyLines(party: PdfParty): PartyLine[] {
  return [
    { text: party.heading.toUpperCase(), style: { size: 7.5, color: MUTED, spacing: 0.6 }, after: 3 },
    { text: party.name, style: { bold: true, size: 10 } },
    ...(party.secondaryName ? [{ text: party.secondaryName, style: {} }] : []),
    ...(party.taxId ? [{ text: party.taxId.value, label: `${party.taxId.label}: `, style: { bold: true } }] : []),
    ...party.lines.map((text) => ({ text, style: {} })),
  ];
}

function partyHeight(canvas: PdfCanvas, lines: PartyLine[], width: number): number {
  return lines.reduce((sum, line) => sum + canvas.textHeight(`${line.label ?? ""}${line.text}`, width, line.style) + (line.after ?? 0), 0);
}

function drawParty(canvas: PdfCanvas, lines: PartyLine[], x: number, y: number, width: number, height: number): void {
  canvas.doc.lineWidth(0.75).strokeColor(RULE).roundedRect(x, y, width, height, 3).stroke();
  let lineY = y + 8;
  const inner = width - 16;
  for (const line of lines) {
    if (line.label) {
      // "NIF: " muted, the number bold, on one line.
      canvas.text(line.label, x + 8, lineY, { color: MUTED });
      const labelWidth = canvas.textWidth(line.label);
      canvas.text(line.text, x + 8 + labelWidth, lineY, { ...line.style, width: inner - labelWidth });
      lineY += canvas.textHeight(line.text, inner - labelWidth, line.style);
    } else {
      canvas.text(line.text, x + 8, lineY, { ...line.style, width: inner });
      lineY += canvas.textHeight(line.text, inner, line.style) + (line.after ?? 0);
    }
  }
}

function drawParties(canvas: PdfCanvas, view: InvoiceView, f: PdfFormatter): void {
  const width = (canvas.width - 12) / 2;
  const issuer = partyLines(issuerParty(view.issuer, f));
  const client = partyLines(clientParty(view.client, f));
  const height = Math.max(partyHeight(canvas, issuer, width - 16), partyHeight(canvas, client, width - 16)) + 16;
  canvas.ensureSpace(height);
  drawParty(canvas, issuer, canvas.left, canvas.y, width, height);
  drawParty(canvas, client, canvas.left + width + 12, canvas.y, width, height);
  canvas.y += height + 16;
}

/** The lines; the head row repeats at the top of every page the table runs onto, and no row is split. */
function drawLines(canvas: PdfCanvas, view: InvoiceView, f: PdfFormatter): void {
  const { t } = f;
  const columns = placeColumns(LINE_COLUMNS, canvas.left, canvas.width);
  const head = [t("pdf.lines.description"), t("pdf.lines.quantity"), t("pdf.lines.unitPrice"), t("pdf.lines.taxRate"), t("pdf.lines.base")];
  const headStyle = { bold: true };
  const headRow = headHeight(canvas);
  const drawHead = () => {
    canvas.rule(canvas.left, canvas.right, canvas.y, 0.75);
    drawRow(canvas, columns, head, headStyle, headRow, 0.75, SHADE);
  };
  const rows = view.lines.map((line) => [line.description, String(line.quantity), f.money(line.unitAmount), f.percent(line.taxRateBp), f.money(line.lineSubtotal)]);
  const first = rows[0] ? rowHeight(canvas, columns, rows[0], {}) : 0;
  canvas.ensureSpace(headRow + first);
  drawHead();
  canvas.onNewPage = drawHead;
  for (const cells of rows) {
    const height = rowHeight(canvas, columns, cells, {});
    canvas.ensureSpace(height);
    drawRow(canvas, columns, cells, {}, height, 0.5);
  }
  canvas.onNewPage = null;
  canvas.y += 12;
}

/** Tax base and tax of each rate, then the total and its currency, in a 250 pt box on the right. */
function drawTotals(canvas: PdfCanvas, view: InvoiceView, f: PdfFormatter): void {
  const { t } = f;
  const left = canvas.right - 250;
  const rowStep = canvas.lineHeight() + 4;
  const grandStyle = { bold: true, size: 11 };
  const grandHeight = canvas.lineHeight(grandStyle) + 10;
  canvas.ensureSpace(view.taxBreakdown.length * 2 * rowStep + 4 + grandHeight + 14);
  const row = (label: string, amount: string) => {
    canvas.text(label, left, canvas.y + 2);
    canvas.textRight(amount, canvas.right, canvas.y + 2);
    canvas.y += rowStep;
  };
  for (const rate of view.taxBreakdown) {
    row(t("pdf.totals.taxBase", { rate: f.percent(rate.rateBp) }), f.money(rate.base));
    row(t("pdf.totals.tax", { rate: f.percent(rate.rateBp) }), f.money(rate.tax));
  }
  canvas.y += 4;
  canvas.box(left, canvas.y, 250, grandHeight, SHADE);
  canvas.rule(left, canvas.right, canvas.y, 1, ACCENT);
  canvas.text(t("pdf.totals.total", { currency: view.currency }), left + 4, canvas.y + 5, grandStyle);
  canvas.textRight(f.money(view.total), canvas.right - 4, canvas.y + 5, grandStyle);
  canvas.y += grandHeight + 14;
}

const KNOWN_METHODS = new Set(["stripe", "sandbox", "credit"]);

function methodLabel(gateway: string, f: PdfFormatter): string {
  const key = KNOWN_METHODS.has(gateway) ? (gateway as "stripe" | "sandbox" | "credit") : "other";
  return f.t(`pdf.payments.methods.${key}`);
}

/** Payments so far (none on a fresh proforma) and what is still due, kept together on one page. */
function drawPayments(canvas: PdfCanvas, view: InvoiceView, f: PdfFormatter): void {
  const { t } = f;
  const columns = placeColumns(PAYMENT_COLUMNS, canvas.left, canvas.width);
  const titleStyle = { bold: true, size: 9.5, color: ACCENT };
  const head = [t("pdf.payments.date"), t("pdf.payments.method"), t("pdf.payments.reference"), t("pdf.payments.amount")];
  const rows = view.payments.map((payment) => [f.date(payment.date), methodLabel(payment.gateway, f), payment.reference ?? "", f.money(payment.amount)]);
  const dueStyle = { bold: true, size: 10 };
  const dueHeight = 4 + canvas.lineHeight(dueStyle);
  const headRow = rows.length > 0 ? headHeight(canvas) : 0;
  const heights = rows.map((cells) => rowHeight(canvas, columns, cells, {}));
  const tableHeight = rows.length > 0 ? canvas.lineHeight(titleStyle) + 4 + headRow + heights.reduce((a, b) => a + b, 0) + 12 : 0;
  canvas.ensureSpace(tableHeight + dueHeight + 14);
  if (rows.length > 0) {
    canvas.text(t("pdf.payments.title"), canvas.left, canvas.y, titleStyle);
    canvas.y += canvas.lineHeight(titleStyle) + 4;
    canvas.rule(canvas.left, canvas.right, canvas.y, 0.75);
    drawRow(canvas, columns, head, { bold: true }, headRow, 0.75, SHADE);
    rows.forEach((cells, index) => drawRow(canvas, columns, cells, {}, heights[index]!, 0.5));
    canvas.y += 12;
  }
  const amount = f.money(view.amountDue);
  canvas.textRight(amount, canvas.right, canvas.y + 4, dueStyle);
  canvas.textRight(t("pdf.totals.amountDue"), canvas.right - canvas.textWidth(amount, dueStyle) - 12, canvas.y + 4, dueStyle);
  canvas.y += dueHeight + 14;
}

function invoiceMentions(view: InvoiceView, f: PdfFormatter): string[] {
  return [view.taxMention, view.notes, view.isTaxInvoice ? null : f.t("pdf.invoice.proformaNotice")].filter(
    (item): item is string => typeof item === "string" && item.trim() !== "",
  );
}

/** Legal mentions (reverse charge, not subject to VAT), notes and the proforma notice; nothing when there are none. */
function drawMentions(canvas: PdfCanvas, view: InvoiceView, f: PdfFormatter): void {
  const items = invoiceMentions(view, f);
  if (items.length === 0) return;
  const titleStyle = { bold: true, size: 9.5, color: ACCENT };
  const titleHeight = canvas.lineHeight(titleStyle) + 4;
  // The title never ends a page alone: it goes with (at least) the first mention.
  canvas.ensureSpace(titleHeight + canvas.textHeight(items[0]!, canvas.width));
  canvas.text(f.t("pdf.mentions.title"), canvas.left, canvas.y, titleStyle);
  canvas.y += titleHeight;
  for (const item of items) {
    const height = canvas.textHeight(item, canvas.width);
    canvas.ensureSpace(height);
    canvas.text(item, canvas.left, canvas.y, { width: canvas.width });
    canvas.y += height + 3;
  }
}

function invoiceTitle(view: InvoiceView, f: PdfFormatter): string {
  return view.isTaxInvoice && view.number ? `${f.t("pdf.invoice.title")} ${view.number}` : `${f.t("pdf.invoice.proformaTitle")} ${view.proformaReference}`;
}

/**
 * A tax invoice ("Factura" + number and series, with its VERI*FACTU QR) or, until it is paid, a
 * proforma with its own reference (no QR: it is not an invoice yet).
 */
export function writeInvoicePdf(view: InvoiceView, f: PdfFormatter, verificationQrPng: Buffer | null): Promise<Buffer> {
  const canvas = new PdfCanvas({
    title: invoiceTitle(view, f),
    author: view.issuer.legalName,
    language: f.locale,
    // Fixed per invoice, so a re-render gives the same bytes: the date the invoice was paid, else issued.
    createdAt: view.paidAt ?? new Date(`${view.issueDate}T00:00:00Z`),
  });
  drawHeader(canvas, view, f);
  if (verificationQrPng) drawVerifactu(canvas, verificationQrPng, f);
  drawParties(canvas, view, f);
  drawLines(canvas, view, f);
  drawTotals(canvas, view, f);
  drawPayments(canvas, view, f);
  drawMentions(canvas, view, f);
  return canvas.finish(`${view.issuer.legalName} · ${f.t("pdf.parties.taxId")} ${view.issuer.taxId}`, (page, pages) =>
    f.t("pdf.footer.page", { page, pages }),
  );
}
