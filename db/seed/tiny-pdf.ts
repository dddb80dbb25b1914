/**
 * Builds a small, valid one-page PDF (Helvetica, A4) so the demo has real files to download without
 * shipping binaries. Text is WinAnsi-encoded, which covers Spanish accents, ñ, ¿, ¡ and €.
 */
export function buildTinyPdf(title: string, lines: string[]): Buffer {
  const content = pageContent(title, lines);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${content.length} >>\nstream\n${content.toString("latin1")}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (Hosting Ejemplo) >>`,
  ];

  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let length = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, "latin1");
    chunks.push(chunk);
    length += chunk.length;
  });

  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  chunks.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(chunks);
}

function pageContent(title: string, lines: string[]): Buffer {
  const operations = ["BT", "/F2 16 Tf", "56 780 Td", `${pdfString(title)} Tj`, "/F1 11 Tf", "16 TL", "0 -12 Td"];
  for (const line of lines) operations.push("T*", `${pdfString(line)} Tj`);
  operations.push("ET");
  return Buffer.from(operations.join("\n"), "latin1");
}

// WinAnsi matches Latin-1 for accented letters; only € (0x80) sits elsewhere.
function pdfString(text: string): string {
  const escaped = text.replace(/[\\()]/g, (character) => `\\${character}`).replace(/€/g, "\x80");
  return `(${escaped})`;
}
