import fs from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { create as parseFont, type FontkitFont } from "fontkit";

/** One family that covers Latin (accents, ñ), €, Greek and Cyrillic: client names come from anywhere. */
export const PDF_FONT_FAMILY = "DejaVu Sans";

let registered = false;

function fontsDir(): string {
  return path.join(process.cwd(), "public", "fonts");
}

/**
 * Registers the committed DejaVu TTFs once per process: react-pdf keeps each parsed font in its
 * store, so later renders reuse it. Never a remote font (builds and servers have no internet).
 */
export function registerPdfFonts(): void {
  if (registered) return;
  const dir = fontsDir();
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: 400 },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Hyphenating a NIF, an invoice number or a domain name would change what it says.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

type FontPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
type FontRun = { glyphs: unknown[]; positions: FontPosition[] };

/** What pdfkit reads of a fontkit GlyphRun; the width is summed when asked, after pdfkit has scaled the positions. */
class RememberedRun implements FontRun {
  constructor(
    readonly glyphs: unknown[],
    readonly positions: FontPosition[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** Distinct words kept per font before the cache starts again (a word's run is a few hundred bytes). */
const WORD_CACHE_LIMIT = 20_000;

/**
 * The parsed font with its shaping remembered across documents. pdfkit shapes every word of every
 * document with fontkit (GSUB and GPOS lookups: a quarter of a warm render) and keeps the result
 * only for that document; the same words ("Renovación", "dominio", "21 %") come back in every
 * invoice. Each call gets fresh position objects: pdfkit scales them in place.
 */
function rememberingShaping(font: FontkitFont): FontkitFont {
  const runs = new Map<string, FontRun>();
  const layout = (text: string, features?: unknown): unknown => {
    if (features !== undefined) return font.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      const shaped = font.layout(text) as FontRun;
      run = { glyphs: shaped.glyphs, positions: shaped.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })) };
      if (runs.size >= WORD_CACHE_LIMIT) runs.clear();
      runs.set(text, run);
    }
    return new RememberedRun(run.glyphs, run.positions.map((p) => ({ ...p })));
  };
  return new Proxy(font, {
    get(target, property) {
      if (property === "layout") return layout;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

let parsed: { regular: FontkitFont; bold: FontkitFont } | null = null;

/**
 * The same two DejaVu TTFs for the invoice, which is written with pdfkit directly: parsed once per
 * process (a parse costs more than a whole render), and each document embeds only the glyphs it
 * uses (pdfkit subsets them).
 */
export function pdfkitFonts(): { regular: FontkitFont; bold: FontkitFont } {
  if (!parsed) {
    const dir = fontsDir();
    parsed = {
      regular: rememberingShaping(parseFont(fs.readFileSync(path.join(dir, "DejaVuSans.ttf")))),
      bold: rememberingShaping(parseFont(fs.readFileSync(path.join(dir, "DejaVuSans-Bold.ttf")))),
    };
  }
  return parsed;
}
