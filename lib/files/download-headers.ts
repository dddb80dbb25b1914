/**
 * Headers for serving a stored file: always as a download, never rendered by the browser, never
 * kept in a shared cache. The file name comes from staff or customers, so it is sanitised for the
 * quoted ASCII form and percent-encoded (RFC 5987/6266) for the exact Unicode form.
 */
export function downloadHeaders(fileName: string, sizeBytes?: number): Headers {
  const name = safeFileName(fileName);
  const headers = new Headers({
    "Content-Type": "application/octet-stream",
    "Content-Disposition": `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
  if (sizeBytes !== undefined) headers.set("Content-Length", String(sizeBytes));
  return headers;
}

/** No directories, no control characters, never empty. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "archivo" : cleaned;
}

/** "Presupuesto año 2026.pdf" -> "Presupuesto ano 2026.pdf"; what cannot be approximated becomes "_". */
export function asciiFallback(fileName: string): string {
  return fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
}

export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
