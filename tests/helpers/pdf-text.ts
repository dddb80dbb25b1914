import fs from "node:fs";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

// PDFs are read back with PDF.js (the reader inside Firefox), a JavaScript library from npm, so the
// tests need no system package. What is asserted is what a viewer shows, not what was passed in.

/** Items whose baselines are this close (in points) belong to one printed line. */
const SAME_LINE = 2;
/** A horizontal gap wider than this (in points) between two items reads as a space. */
const WORD_GAP = 1;

type PositionedText = { text: string; x: number; y: number; width: number };

function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // PDF.js detaches the buffer it is given: pass a copy so the caller keeps its bytes.
  return getDocument({ data: new Uint8Array(bytes), fontExtraProperties: true, verbosity: 0 }).promise;
}

/** The page's text line by line, top to bottom, each line's pieces left to right. */
function layOut(items: PositionedText[]): string {
  const lines: PositionedText[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) <= SAME_LINE) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((line) => {
      let text = "";
      let end = -Infinity;
      for (const item of line.sort((a, b) => a.x - b.x)) {
        if (item.x - end > WORD_GAP && text !== "" && !text.endsWith(" ") && !item.text.startsWith(" ")) text += " ";
        text += item.text;
        end = item.x + item.width;
      }
      return text.replace(/ {2,}/g, " ").trimEnd();
    })
    .join("\n");
}

/**
 * The text of a PDF as laid out on its pages: one line per printed line, pages separated by a form
 * feed, and the no-break spaces Intl puts in "21 %" and "1,00 €" made plain.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await openPdf(bytes);
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        items.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
      }
      pages.push(layOut(items));
    }
    return plainSpaces(pages.join("\n\f"));
  } finally {
    await pdf.destroy();
  }
}

/** The text of a PDF file on disk (a browser download), as pdfText reads it. */
export function pdfFileText(file: string): Promise<string> {
  return pdfText(fs.readFileSync(file));
}

export type PdfFont = { name: string; type: string; composite: boolean; vertical: boolean; embedded: boolean };

/** Every font the PDF's pages draw with, as PDF.js loads it. */
export async function pdfFonts(bytes: Uint8Array): Promise<PdfFont[]> {
  const pdf = await openPdf(bytes);
  try {
    const fonts = new Map<string, PdfFont>();
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      // Drawing the page is what makes PDF.js load its fonts into the page's shared objects.
      await page.getOperatorList();
      for (const [, object] of page.commonObjs as unknown as Iterable<[string, Record<string, unknown>]>) {
        if (typeof object?.name !== "string" || typeof object.type !== "string") continue;
        const data = object.data as Uint8Array | undefined;
        fonts.set(object.name, {
          name: object.name,
          type: object.type,
          composite: object.composite === true,
          vertical: object.vertical === true,
          embedded: object.missingFile === false && (data?.byteLength ?? 0) > 0,
        });
      }
    }
    return [...fonts.values()];
  } finally {
    await pdf.destroy();
  }
}
