import type { InvoiceView } from "@/lib/billing/queries/invoice-view";
import { COMPANY_SETTINGS } from "@/db/seed/reference-data";
import { taxForLine } from "@/lib/money";
import { invoicePdfFileName, renderInvoicePdf } from "@/lib/pdf/render-invoice-pdf";
import { elapsed, timeRuns, type Timing } from "./stats";

const LINE_COUNT = 50;

/** A paid tax invoice with 50 lines: accents, ñ, €, long descriptions that wrap, two tax rates. */
export function fiftyLineInvoice(): InvoiceView {
  const lines = Array.from({ length: LINE_COUNT }, (_, index) => {
    const quantity = 1 + (index % 3);
    const unitAmount = 599 + index * 137;
    const lineSubtotal = quantity * unitAmount;
    const taxRateBp = index % 10 === 9 ? 0 : 2100;
    return {
      description:
        index % 4 === 0
          ? `Plan Profesional - tienda-número-${index + 1}.es (01/03/2026 - 28/02/2027), con copias de seguridad diarias y certificado SSL`
          : `Renovación del dominio año-${index + 1}.es (1 año)`,
      quantity,
      unitAmount,
      taxRateBp,
      taxAmount: taxForLine(lineSubtotal, taxRateBp),
      lineSubtotal,
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const taxTotal = lines.reduce((sum, line) => sum + line.taxAmount, 0);
  const rates = [...new Set(lines.map((line) => line.taxRateBp))];
  return {
    id: 123,
    clientId: 1,
    kind: "standard",
    status: "paid",
    displayStatus: "paid",
    isTaxInvoice: true,
    number: "F2026-000123",
    proformaReference: "PRO-000123",
    issueDate: "2026-03-01",
    dueDate: "2026-03-08",
    paidAt: new Date("2026-03-04T10:15:00Z"),
    currency: "EUR",
    subtotal,
    taxTotal,
    total: subtotal + taxTotal,
    amountPaid: subtotal + taxTotal,
    amountDue: 0,
    taxMention: null,
    notes: null,
    issuer: {
      legalName: COMPANY_SETTINGS.legalName,
      taxId: COMPANY_SETTINGS.taxId,
      address1: COMPANY_SETTINGS.address1,
      city: COMPANY_SETTINGS.city,
      province: COMPANY_SETTINGS.province,
      postcode: COMPANY_SETTINGS.postcode,
      country: COMPANY_SETTINGS.country,
      email: COMPANY_SETTINGS.email,
      phone: COMPANY_SETTINGS.phone,
    },
    client: {
      name: "María José Núñez Peña",
      companyName: "Diseños Añil S.L.",
      taxId: "B87654321",
      address: "Avenida de la Constitución, 12, 3º Izq.",
      city: "Sevilla",
      province: "Sevilla",
      postcode: "41001",
      country: "ES",
    },
    lines,
    taxBreakdown: rates.map((rateBp) => {
      const ofRate = lines.filter((line) => line.taxRateBp === rateBp);
      return { rateBp, base: ofRate.reduce((sum, line) => sum + line.lineSubtotal, 0), tax: ofRate.reduce((sum, line) => sum + line.taxAmount, 0) };
    }),
    payments: [{ date: new Date("2026-03-04T10:15:00Z"), gateway: "stripe", reference: "pi_3QbenchA0000000001", amount: subtotal + taxTotal }],
    verificationUrl: "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=F2026-000123&fecha=01-03-2026&importe=1000.00",
  };
}

export type PdfBenchResult = Timing & { firstRenderMs: number; bytes: number; fileName: string };

/** Warm p50 of renderInvoicePdf: the first render (font parsing, module warm-up) is reported apart. */
export async function benchInvoicePdf(runs = 30): Promise<PdfBenchResult> {
  const view = fiftyLineInvoice();
  const first = await elapsed(() => renderInvoicePdf(view, "es"));
  const timing = await timeRuns(() => renderInvoicePdf(view, "es"), { warmup: 3, runs });
  return { ...timing, firstRenderMs: first.ms, bytes: first.value.byteLength, fileName: invoicePdfFileName(view) };
}
