import { describe, expect, it } from "vitest";
import type { InvoiceView } from "@/lib/billing/queries/invoice-view";
import type { QuoteView } from "@/lib/billing/queries/quote-view";
import { formatAmount } from "@/lib/i18n/format";
import { taxForLine } from "@/lib/money";
import { invoicePdfFileName, renderInvoicePdf } from "@/lib/pdf/render-invoice-pdf";
import { quotePdfFileName, renderQuotePdf } from "@/lib/pdf/render-quote-pdf";
import { pdfFonts, pdfText } from "@/tests/helpers/pdf-text";

// The PDFs are read back with PDF.js, the way a customer's viewer (or the e2e download test)
// sees them: what is asserted is what is printed, not what was passed in.

const plain = (value: string) => value.replace(/[\u00a0\u202f]/g, " ");
const eur = (cents: number, locale = "es") => plain(formatAmount(cents, "EUR", locale));

type Line = InvoiceView["lines"][number];

function line(description: string, quantity: number, unitAmount: number, taxRateBp: number): Line {
  const lineSubtotal = quantity * unitAmount;
  return { description, quantity, unitAmount, taxRateBp, taxAmount: taxForLine(lineSubtotal, taxRateBp), lineSubtotal };
}

function breakdown(lines: Line[]) {
  const rates = [...new Set(lines.map((l) => l.taxRateBp))].sort((a, b) => b - a);
  return rates.map((rateBp) => {
    const ofRate = lines.filter((l) => l.taxRateBp === rateBp);
    return { rateBp, base: ofRate.reduce((sum, l) => sum + l.lineSubtotal, 0), tax: ofRate.reduce((sum, l) => sum + l.taxAmount, 0) };
  });
}

const ISSUER: InvoiceView["issuer"] = {
  legalName: "Hosting Ejemplo S.L.",
  taxId: "B12345674",
  address1: "Calle de Alcalá, 123, 4º B",
  city: "Madrid",
  province: "Madrid",
  postcode: "28009",
  country: "ES",
  email: "facturacion@example-hosting.es",
  phone: "+34 910 123 456",
};

// 1.020,30 € at 21 % is 214,26 € of IVA: the total is exactly 1.234,56 €.
const TAX_INVOICE_LINES = [line("Hosting Profesional — año 2026 (señal de España)", 2, 45_015, 2100), line("Renovación del dominio peña-logroño.es", 1, 12_000, 2100)];

function invoiceView(overrides: Partial<InvoiceView> = {}): InvoiceView {
  const lines = overrides.lines ?? TAX_INVOICE_LINES;
  const subtotal = lines.reduce((sum, l) => sum + l.lineSubtotal, 0);
  const taxTotal = lines.reduce((sum, l) => sum + l.taxAmount, 0);
  const total = subtotal + taxTotal;
  return {
    id: 123,
    clientId: 7,
    kind: "standard",
    status: "paid",
    displayStatus: "paid",
    isTaxInvoice: true,
    number: "F2026-000123",
    proformaReference: "PRO-000088",
    issueDate: "2026-03-02",
    dueDate: "2026-03-09",
    paidAt: new Date("2026-03-05T10:00:00Z"),
    currency: "EUR",
    subtotal,
    taxTotal,
    total,
    amountPaid: total,
    amountDue: 0,
    taxMention: null,
    notes: null,
    issuer: ISSUER,
    client: {
      name: "Łukasz Żółć",
      companyName: null,
      taxId: "12345678Z",
      address: "Avenida de la Peña, 7",
      city: "Logroño",
      province: "La Rioja",
      postcode: "26001",
      country: "ES",
    },
    lines,
    taxBreakdown: breakdown(lines),
    payments: [{ date: new Date("2026-03-05T10:00:00Z"), gateway: "stripe", reference: "pi_3QtestA", amount: total }],
    verificationUrl: "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=F2026-000123&fecha=02-03-2026&importe=1234.56",
    ...overrides,
  };
}

function proformaView(overrides: Partial<InvoiceView> = {}): InvoiceView {
  const base = invoiceView();
  return invoiceView({
    status: "unpaid",
    displayStatus: "overdue",
    isTaxInvoice: false,
    number: null,
    verificationUrl: null,
    paidAt: null,
    amountPaid: 20_000,
    amountDue: base.total - 20_000,
    payments: [{ date: new Date("2026-03-03T09:00:00Z"), gateway: "credit", reference: null, amount: 20_000 }],
    ...overrides,
  });
}

function reverseChargeView(): InvoiceView {
  const lines = [line("Servidor dedicado Ryzen — marzo 2026", 1, 98_765, 0)];
  return invoiceView({
    client: {
      name: "Jonas Müller",
      companyName: "Müller & Söhne GmbH",
      taxId: "DE123456789",
      address: "Königstraße 12",
      city: "Stuttgart",
      province: "Baden-Württemberg",
      postcode: "70173",
      country: "DE",
    },
    lines,
    taxBreakdown: breakdown(lines),
    taxMention: "Inversión del sujeto pasivo",
    ...(() => {
      const subtotal = lines[0]!.lineSubtotal;
      return { subtotal, taxTotal: 0, total: subtotal, amountPaid: subtotal, payments: [] };
    })(),
  });
}

describe("renderInvoicePdf", () => {
  it("prints a tax invoice with its number, both NIFs, the tax base, the IVA and the total", async () => {
    const view = invoiceView();
    expect(view.total).toBe(123_456);
    const text = await pdfText(await renderInvoicePdf(view, "es"));

    expect(text).toContain("Factura");
    expect(text).not.toContain("proforma");
    expect(text).toContain("F2026-000123");
    expect(text).toMatch(/Serie\s+F2026/);
    expect(text).toContain("Hosting Ejemplo S.L.");
    expect(text).toContain("B12345674");
    expect(text).toContain("12345678Z");
    expect(text).toContain("Calle de Alcalá, 123, 4º B");
    expect(text).toContain("Avenida de la Peña, 7");
    expect(text).toContain("26001 Logroño, La Rioja");
    expect(text).toContain("Łukasz Żółć");
    expect(text).toContain("Renovación del dominio peña-logroño.es");
    // Quantity, unit price, rate and base of a line, in that order on one row.
    expect(text).toMatch(new RegExp(`\\b2\\s+${eur(45_015)}\\s+21 %\\s+${eur(90_030)}`));
    expect(text).toMatch(new RegExp(`Base imponible \\(21 %\\)\\s+${eur(102_030)}`));
    expect(text).toMatch(new RegExp(`IVA \\(21 %\\)\\s+${eur(21_426)}`));
    expect(text).toMatch(new RegExp(`Total \\(EUR\\)\\s+${eur(123_456)}`));
    expect(text).toMatch(/Fecha de emisión\s+2 mar 2026/);
    expect(text).toMatch(/Fecha de pago\s+5 mar 2026/);
    expect(text).toMatch(/Tarjeta\s+pi_3QtestA/);
    expect(text).toMatch(new RegExp(`Importe pendiente\\s+${eur(0)}`));
    expect(text).toContain("Página 1 de 1");
  });

  // Amounts go through formatAmount like the invoice page, so both print the same string. (es-ES in
  // CLDR groups thousands only from five digits: 1234,56 € but 12.345,63 €.)
  it("formats money the Spanish way, thousands grouped with a dot and cents after a comma", async () => {
    const lines = [line("Migración completa de 40 sitios", 1, 1_020_300, 2100)];
    const text = await pdfText(await renderInvoicePdf(invoiceView({ lines, taxBreakdown: breakdown(lines) }), "es"));
    expect(text).toMatch(/Base imponible \(21 %\)\s+10\.203,00 €/);
    expect(text).toMatch(new RegExp(`IVA \\(21 %\\)\\s+${eur(214_263)}`));
    expect(text).toMatch(/Total \(EUR\)\s+12\.345,63 €/);
  });

  it("prints a proforma with its own reference, due date, the payments so far and what is still due", async () => {
    const view = proformaView();
    const text = await pdfText(await renderInvoicePdf(view, "es"));
    expect(text).toContain("Factura proforma");
    expect(text).toContain("PRO-000088");
    expect(text).not.toContain("F2026");
    expect(text).toMatch(/Fecha de vencimiento\s+9 mar 2026/);
    expect(text).toMatch(/Estado\s+Vencida/);
    expect(text).toMatch(new RegExp(`3 mar 2026\\s+Saldo a favor\\s+${eur(20_000)}`));
    expect(text).toMatch(new RegExp(`Importe pendiente\\s+${eur(view.total - 20_000)}`));
    expect(text).toContain("sin validez como factura");
  });

  it("prints the reverse-charge mention and the client's VAT number for an EU business", async () => {
    const text = await pdfText(await renderInvoicePdf(reverseChargeView(), "es"));
    expect(text).toContain("Inversión del sujeto pasivo");
    expect(text).toMatch(/NIF-IVA: DE123456789/);
    expect(text).toContain("Müller & Söhne GmbH");
    expect(text).toContain("Alemania");
    expect(text).toMatch(new RegExp(`Base imponible \\(0 %\\)\\s+${eur(98_765)}`));
    expect(text).toMatch(new RegExp(`IVA \\(0 %\\)\\s+${eur(0)}`));
    expect(text).toMatch(new RegExp(`Total \\(EUR\\)\\s+${eur(98_765)}`));
  });

  it("shows the tax base and the tax of each rate apart", async () => {
    const lines = [line("Hosting", 1, 10_000, 2100), line("Saldo prepago", 1, 5_000, 0)];
    const text = await pdfText(await renderInvoicePdf(invoiceView({ lines, taxBreakdown: breakdown(lines) }), "es"));
    expect(text).toMatch(new RegExp(`Base imponible \\(21 %\\)\\s+${eur(10_000)}`));
    expect(text).toMatch(new RegExp(`IVA \\(21 %\\)\\s+${eur(2_100)}`));
    expect(text).toMatch(new RegExp(`Base imponible \\(0 %\\)\\s+${eur(5_000)}`));
    expect(text).toMatch(new RegExp(`Total \\(EUR\\)\\s+${eur(17_100)}`));
  });

  it.each(["Łukasz Żółć", "Δημήτρης Παπαδόπουλος", "Ирина Соколова", "Núñez Güell, Begoña"])("renders the client name %j with the embedded font", async (name) => {
    const view = invoiceView({ client: { ...invoiceView().client, name } });
    const bytes = await renderInvoicePdf(view, "es");
    expect(await pdfText(bytes)).toContain(name);
  });

  it("embeds its fonts instead of relying on the reader's", async () => {
    const fonts = await pdfFonts(await renderInvoicePdf(invoiceView(), "es"));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      // A six-letter tag before "+" marks a subset; a composite CIDFontType2 is a CID TrueType
      // font, written horizontally (Identity-H); embedded means the file carries the glyphs.
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
      expect(font).toMatchObject({ type: "CIDFontType2", composite: true, vertical: false, embedded: true });
    }
  });

  it("speaks English when asked", async () => {
    const text = await pdfText(await renderInvoicePdf(proformaView(), "en"));
    expect(text).toContain("Proforma invoice");
    expect(text).toMatch(new RegExp(`Tax base \\(21%\\)\\s+${eur(102_030, "en")}`));
    expect(text).toContain("Page 1 of 1");
    expect(text).toContain("Spain");
  });

  it("repeats the table head and numbers the pages of a long invoice", async () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(`Línea ${i + 1}: renovación del dominio ejemplo-${i + 1}.es por un año`, 1, 1_000 + i, 2100));
    const text = await pdfText(await renderInvoicePdf(invoiceView({ lines, taxBreakdown: breakdown(lines) }), "es"));
    const pages = text.split("\f").filter((page) => page.trim() !== "");
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Página ${index + 1} de ${pages.length}`);
      if (/Línea \d+:/.test(page)) expect(page).toMatch(/Descripción\s+Cantidad\s+Precio unitario\s+IVA\s+Base/);
    });
    expect(pages.filter((page) => /Línea \d+:/.test(page)).length).toBeGreaterThan(1);
    expect(text).toContain("Línea 60:");
  });
});

describe("invoicePdfFileName", () => {
  it("names a tax invoice by its number and a proforma by its reference", () => {
    expect(invoicePdfFileName(invoiceView())).toBe("F2026-000123.pdf");
    expect(invoicePdfFileName(proformaView({ proformaReference: "PRO-000123" }))).toBe("Proforma-PRO-000123.pdf");
  });
});

function quoteView(overrides: Partial<QuoteView> = {}): QuoteView {
  const lines = [line("Diseño de tienda online (Ирина Δημήτρης)", 1, 150_000, 2100), line("Formación — 4 horas", 4, 6_000, 2100)];
  const subtotal = lines.reduce((sum, l) => sum + l.lineSubtotal, 0);
  const taxTotal = lines.reduce((sum, l) => sum + l.taxAmount, 0);
  return {
    id: 42,
    clientId: 7,
    reference: "OF-000042",
    subject: "Nueva tienda con pasarela de pago",
    stage: "delivered",
    displayStage: "delivered",
    issueDate: "2026-03-01",
    validUntil: "2026-03-31",
    currency: "EUR",
    subtotal,
    taxTotal,
    total: subtotal + taxTotal,
    notes: "Incluye tres rondas de cambios.",
    acceptedAt: null,
    invoiceId: null,
    issuer: ISSUER,
    client: { name: "Begoña Ibáñez", companyName: "Añil Diseño S.L.", taxId: "B87654321", address: "Plaza Mayor 3", city: "Salamanca", province: "Salamanca", postcode: "37002", country: "ES" },
    lines,
    taxBreakdown: breakdown(lines),
    acceptable: true,
    expired: false,
    ...overrides,
  };
}

describe("renderQuotePdf", () => {
  it("prints the quote with its reference, validity, parties, lines and totals, and no payments", async () => {
    const view = quoteView();
    const text = await pdfText(await renderQuotePdf(view, "es"));
    expect(text).toContain("Oferta");
    expect(text).toContain("OF-000042");
    expect(text).toMatch(/Válida hasta\s+31 mar 2026/);
    expect(text).toContain("Nueva tienda con pasarela de pago");
    expect(text).toContain("Añil Diseño S.L.");
    expect(text).toContain("Begoña Ibáñez");
    expect(text).toContain("B87654321");
    expect(text).toContain("B12345674");
    expect(text).toContain("Ирина Δημήτρης");
    expect(text).toMatch(new RegExp(`Base imponible \\(21 %\\)\\s+${eur(174_000)}`));
    expect(text).toMatch(new RegExp(`Total \\(EUR\\)\\s+${eur(view.total)}`));
    expect(text).toContain("Incluye tres rondas de cambios.");
    expect(text).not.toContain("Importe pendiente");
    expect(text).not.toContain("Pagos");
  });

  it("names the file after the quote's reference", () => {
    expect(quotePdfFileName(quoteView())).toBe("Oferta-OF-000042.pdf");
  });
});
