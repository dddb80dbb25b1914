import type { InvoiceView } from "@/lib/billing/queries/invoice-view";
import { pdfkitFonts } from "./fonts";
import { renderInvoicePdf } from "./render-invoice-pdf";

// Every letter, digit and sign a Spanish invoice prints, so their glyphs are read and measured now.
const CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 ÁÉÍÓÚÜÑ áéíóúüñ ÀÈÌÒÙÇ àèìòùç ºª €$£ .,;:-–—_()[]/@&%+*·'\"¿?¡!";
const SAMPLE_LINES = Array.from({ length: 40 }, (_, index) => ({
  description: index === 0 ? CHARACTERS : `Renovación del dominio ejemplo-${index}.es (1 año), con copias de seguridad diarias y certificado SSL`,
  quantity: 1 + (index % 3),
  unitAmount: 1_000 + index * 137,
  taxRateBp: 2100,
  taxAmount: 0,
  lineSubtotal: 1_000 + index * 137,
}));

/** A made-up tax invoice over two pages that touches every part of the layout (QR, parties, page break, payments, mentions). */
const SAMPLE: InvoiceView = {
  id: 0,
  clientId: 0,
  kind: "standard",
  status: "paid",
  displayStatus: "paid",
  isTaxInvoice: true,
  number: "F0000-000000",
  proformaReference: "PRO-000000",
  issueDate: "2026-01-01",
  dueDate: "2026-01-08",
  paidAt: new Date("2026-01-02T00:00:00Z"),
  currency: "EUR",
  subtotal: 1_000,
  taxTotal: 210,
  total: 1_210,
  amountPaid: 1_210,
  amountDue: 0,
  taxMention: CHARACTERS,
  notes: null,
  issuer: { legalName: CHARACTERS, taxId: "B00000000", address1: "Calle Mayor, 1", city: "Madrid", province: "Madrid", postcode: "28013", country: "ES", email: "a@example.com", phone: "+34 900 000 000" },
  client: { name: "Núñez Peña", companyName: null, taxId: null, address: "Calle Mayor, 1", city: "Madrid", province: "Madrid", postcode: "28013", country: "ES" },
  lines: SAMPLE_LINES,
  taxBreakdown: [{ rateBp: 2100, base: 1_000, tax: 210 }],
  payments: [{ date: new Date("2026-01-02T00:00:00Z"), gateway: "stripe", reference: "pi_0", amount: 1_210 }],
  verificationUrl: "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B00000000&numserie=F0000-000000&fecha=01-01-2026&importe=12.10",
};

/**
 * Parses the fonts and renders a sample invoice three times in both languages when the server starts
 * (instrumentation.ts): the first render of a process pays for reading the two TTFs and their
 * shaping tables and for compiling the code path, several times a warm render. Nothing is stored.
 */
export async function warmUpPdfRendering(): Promise<void> {
  pdfkitFonts();
  // A few rounds: the JavaScript engine compiles the hot paths (shaping, line breaking) after repeats.
  for (let round = 0; round < 3; round += 1) {
    await renderInvoicePdf(SAMPLE, "es");
    await renderInvoicePdf(SAMPLE, "en");
  }
}
