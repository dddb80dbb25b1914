import QRCode from "qrcode";
import { env } from "@/lib/env";
import { aeatAmount, aeatDate } from "./huella";

// The "QR tributario" a VERI*FACTU invoice carries: a link to the AEAT's check of that invoice.
const VALIDATION_URLS = {
  // The AEAT's test environment: the embedded default and staging point here.
  pruebas: "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR",
  produccion: "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR",
} as const;

export type VerifiableInvoice = { issuerTaxId: string; invoiceNumber: string; issueDate: string; total: number };

export function verificationUrl(record: VerifiableInvoice): string {
  const query = new URLSearchParams({
    nif: record.issuerTaxId,
    numserie: record.invoiceNumber,
    fecha: aeatDate(record.issueDate),
    importe: aeatAmount(record.total),
  });
  return `${VALIDATION_URLS[env.VERIFACTU_ENVIRONMENT]}?${query.toString()}`;
}

/** The QR as a PNG data URL (error correction M, as the specification asks), drawn locally. */
export function verificationQrPng(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 240 });
}
