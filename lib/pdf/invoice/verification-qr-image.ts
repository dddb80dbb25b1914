import QRCode from "qrcode";

// The VERI*FACTU QR for the PDF: the same code as lib/verifactu/verification-qr.ts draws (error
// correction M, as the specification asks; margin 1; 240 px), as a greyscale PNG without alpha.
// pdfkit embeds such a PNG's compressed data as it is; the RGBA PNG it had before had to be decoded
// pixel by pixel in every render to split off its alpha channel (a sixth of a warm render).

const CACHE_SIZE = 64;
const cache = new Map<string, Promise<Buffer>>();

function draw(url: string): Promise<Buffer> {
  // rendererOpts go to pngjs, which packs colour type 0 (greyscale) from the RGBA it is given.
  const options = { errorCorrectionLevel: "M", margin: 1, width: 240, type: "png", rendererOpts: { colorType: 0 } } as const;
  return QRCode.toBuffer(url, options as Parameters<typeof QRCode.toBuffer>[1]);
}

/** The PNG for `url`; the last few are kept (the e-mail attachment and the first download render the same invoice). */
export function verificationQrImage(url: string): Promise<Buffer> {
  let png = cache.get(url);
  if (png) {
    cache.delete(url);
  } else {
    png = draw(url);
    png.catch(() => cache.delete(url));
  }
  cache.set(url, png);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return png;
}
