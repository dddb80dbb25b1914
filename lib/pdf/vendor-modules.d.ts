// pdfkit and fontkit ship no types; only what lib/pdf/invoice uses is declared here.

declare module "fontkit" {
  export type FontkitFont = { postscriptName: string; layout: (...args: unknown[]) => unknown };
  export function create(buffer: Uint8Array): FontkitFont;
}

declare module "pdfkit" {
  import type { FontkitFont } from "fontkit";

  type TextOptions = {
    width?: number;
    align?: "left" | "right" | "center" | "justify";
    lineBreak?: boolean;
    characterSpacing?: number;
    lineGap?: number;
  };

  export default class PDFDocument {
    constructor(options?: {
      size?: string | [number, number];
      margin?: number;
      margins?: { top: number; bottom: number; left: number; right: number };
      autoFirstPage?: boolean;
      bufferPages?: boolean;
      font?: string | null;
      compress?: boolean;
      pdfVersion?: string;
      lang?: string;
      displayTitle?: boolean;
      info?: Record<string, string | Date>;
    });
    page: { width: number; height: number };
    y: number;
    on(event: "data", listener: (chunk: Buffer) => void): this;
    on(event: "end" | "error", listener: (error?: Error) => void): this;
    registerFont(name: string, src: FontkitFont | string | Uint8Array): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    widthOfString(text: string, options?: TextOptions): number;
    heightOfString(text: string, options?: TextOptions): number;
    currentLineHeight(includeGap?: boolean): number;
    rect(x: number, y: number, width: number, height: number): this;
    roundedRect(x: number, y: number, width: number, height: number, radius: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    image(src: Buffer | string, x: number, y: number, options?: { width?: number; height?: number }): this;
    addPage(options?: { size?: string; margins?: { top: number; bottom: number; left: number; right: number } }): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(index: number): this;
    end(): void;
  }
}
