import { createHash } from "node:crypto";

// The footprint ("huella") of a billing record as the AEAT's technical specification defines it:
// SHA-256 over "name=value" pairs joined by "&", in a fixed order, hex in capitals. The AEAT's own
// worked examples are in tests/unit/verifactu-huella.test.ts.

export type HuellaAltaFields = {
  issuerTaxId: string;
  invoiceNumber: string;
  /** 'YYYY-MM-DD' as stored; hashed as dd-mm-yyyy. */
  issueDate: string;
  invoiceType: string;
  taxTotal: number;
  total: number;
  /** Empty for the issuer's first record. */
  previousHash: string | null;
  generatedAt: string;
};

export function huellaAlta(fields: HuellaAltaFields): string {
  const text = [
    `IDEmisorFactura=${fields.issuerTaxId.trim()}`,
    `NumSerieFactura=${fields.invoiceNumber.trim()}`,
    `FechaExpedicionFactura=${aeatDate(fields.issueDate)}`,
    `TipoFactura=${fields.invoiceType}`,
    `CuotaTotal=${aeatAmount(fields.taxTotal)}`,
    `ImporteTotal=${aeatAmount(fields.total)}`,
    `Huella=${fields.previousHash ?? ""}`,
    `FechaHoraHusoGenRegistro=${fields.generatedAt}`,
  ].join("&");
  return createHash("sha256").update(text, "utf8").digest("hex").toUpperCase();
}

/** 'YYYY-MM-DD' -> 'dd-mm-yyyy', the date format of the AEAT's records and QR. */
export function aeatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}-${month}-${year}`;
}

/** Cents -> "123.45": a dot, two decimals, a minus for negative amounts (rectifying invoices). */
export function aeatAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** The record's generation time in Madrid with its offset: "2026-12-02T15:20:30+01:00". */
export function madridTimestamp(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Madrid",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : String(parts.timeZoneName).replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
