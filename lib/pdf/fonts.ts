import path from "node:path";
import { Font } from "@react-pdf/renderer";

/** One family that covers Latin (accents, ñ), €, Greek and Cyrillic: client names come from anywhere. */
export const PDF_FONT_FAMILY = "DejaVu Sans";

let registered = false;

/**
 * Registers the committed DejaVu TTFs once per process: react-pdf keeps each parsed font in its
 * store, so later renders reuse it. Never a remote font (builds and servers have no internet).
 */
export function registerPdfFonts(): void {
  if (registered) return;
  const dir = path.join(process.cwd(), "public", "fonts");
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
