import PDFDocument from "pdfkit";
import { pdfkitFonts } from "../fonts";

// A thin layer over pdfkit for documents laid out by hand: A4 pages, the DejaVu fonts (parsed once
// per process), the colours and sizes of lib/pdf/styles.ts, a cursor that moves down the page and
// starts a new one when a block does not fit, and the footer drawn on every page at the end (when
// the number of pages is known).

export const INK = "#1f2933";
export const MUTED = "#52606d";
export const RULE = "#cbd2d9";
export const SHADE = "#f0f4f8";
export const ACCENT = "#1c4f82";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 36, left: 40, right: 40, bottom: 22 };
export const BODY_SIZE = 8.5;
const FOOTER_SIZE = 7.5;

export type TextStyle = { bold?: boolean; size?: number; color?: string; spacing?: number };
export type PdfInfo = { title: string; author: string; language: string; createdAt: Date };

export class PdfCanvas {
  readonly doc: PDFDocument;
  readonly left = MARGIN.left;
  readonly width = A4[0] - MARGIN.left - MARGIN.right;
  readonly right = A4[0] - MARGIN.right;
  y = MARGIN.top;
  /** Called at the top of every page after the first (a table's head that repeats). */
  onNewPage: (() => void) | null = null;
  private readonly bottom: number;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(info: PdfInfo) {
    const fonts = pdfkitFonts();
    // Margins 0: pdfkit must never add a page by itself; every break is decided here.
    this.doc = new PDFDocument({
      size: A4,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      bufferPages: true,
      // No default Helvetica: pdfkit would parse its metrics file for every document, never used here.
      font: null,
      pdfVersion: "1.7",
      lang: info.language,
      displayTitle: true,
      // A fixed creation date: the same invoice renders to the same bytes (the file id is a hash of the info).
      info: { Title: info.title, Author: info.author, Creator: info.author, Producer: info.author, CreationDate: info.createdAt },
    });
    this.doc.registerFont("R", fonts.regular);
    this.doc.registerFont("B", fonts.bold);
    this.doc.on("data", (chunk) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", (error) => reject(error));
    });
    this.bottom = A4[1] - MARGIN.bottom - this.footerHeight() - 10;
  }

  style(style: TextStyle = {}): this {
    this.doc.font(style.bold ? "B" : "R", style.size ?? BODY_SIZE).fillColor(style.color ?? INK);
    return this;
  }

  lineHeight(style: TextStyle = {}): number {
    return this.style(style).doc.currentLineHeight(true);
  }

  textWidth(text: string, style: TextStyle = {}): number {
    return this.style(style).doc.widthOfString(text, { characterSpacing: style.spacing ?? 0 });
  }

  /** Height of `text` wrapped into `width`. */
  textHeight(text: string, width: number, style: TextStyle = {}): number {
    if (text === "") return this.lineHeight(style);
    return this.style(style).doc.heightOfString(text, { width, characterSpacing: style.spacing ?? 0 });
  }

  /** Draws `text` with its top at `y`, wrapped into `width` (one line when no width is given). */
  text(text: string, x: number, y: number, style: TextStyle & { width?: number; align?: "left" | "right" | "center" } = {}): void {
    if (text === "") return;
    this.style(style).doc.text(text, x, y, {
      width: style.width,
      align: style.align ?? "left",
      lineBreak: style.width !== undefined,
      characterSpacing: style.spacing ?? 0,
    });
  }

  /** Text ending at `right`, on one line. */
  textRight(text: string, right: number, y: number, style: TextStyle = {}): void {
    this.text(text, right - this.textWidth(text, style), y, style);
  }

  box(x: number, y: number, width: number, height: number, fill: string): void {
    this.doc.rect(x, y, width, height).fill(fill);
  }

  rule(x1: number, x2: number, y: number, width: number, color = RULE): void {
    this.doc.lineWidth(width).strokeColor(color).moveTo(x1, y).lineTo(x2, y).stroke();
  }

  /** Starts a new page unless `height` more points fit on this one (a block that must not be split). */
  ensureSpace(height: number): void {
    if (this.y + height <= this.bottom || this.y === MARGIN.top) return;
    this.doc.addPage({ size: "A4", margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    this.y = MARGIN.top;
    this.onNewPage?.();
  }

  private footerHeight(): number {
    return 5 + this.lineHeight({ size: FOOTER_SIZE });
  }

  /** The footer on every page ("Hosting Ejemplo S.L. · NIF …" and "Página x de y"), then the bytes. */
  finish(footerText: string, pageLabel: (page: number, pages: number) => string): Promise<Buffer> {
    const { count } = this.doc.bufferedPageRange();
    const top = A4[1] - MARGIN.bottom - this.footerHeight();
    const style = { size: FOOTER_SIZE, color: MUTED };
    for (let index = 0; index < count; index += 1) {
      this.doc.switchToPage(index);
      this.rule(this.left, this.right, top, 0.5);
      this.text(footerText, this.left, top + 5, style);
      this.textRight(pageLabel(index + 1, count), this.right, top + 5, style);
    }
    this.doc.end();
    return this.done;
  }
}
