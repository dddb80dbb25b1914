import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { quoteLines, quotes, type Permission, type QuoteStage } from "@/db/schema";
import { COMPANY_SETTINGS } from "@/db/seed/reference-data";
import { formatAmount } from "@/lib/i18n/format";
import { taxForLine } from "@/lib/money";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, createTestInvoice, isoDate, uniqueSuffix } from "@/tests/helpers/factories";
import { setTestRequestLocale } from "@/tests/helpers/next-intl-server";
import { pdfText } from "@/tests/helpers/pdf-text";

// The real requireUser() runs; only Auth.js's session lookup is replaced, so no cookie or JWT is needed.
const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/config", () => ({ auth }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));

const { GET: getInvoicePdf } = await import("@/app/api/facturas/[invoiceId]/pdf/route");
const { GET: getQuotePdf } = await import("@/app/api/ofertas/[quoteId]/pdf/route");

type SignedIn = { clientId: number; contactId: number; email: string; isOwner: boolean; permissions: Permission[] };

let db: Database;
let owner: SignedIn;
let invoicesOnly: SignedIn;
let quotesOnly: SignedIn;
let other: SignedIn;
let series: string;
let paidInvoiceId: number;
let proformaId: number;
let proformaReference: string;
let otherInvoiceId: number;
let quoteId: number;
let quoteReference: string;
let draftQuoteId: number;
let otherQuoteId: number;

const eur = (cents: number, locale = "es") => formatAmount(cents, "EUR", locale).replace(/[\u00a0\u202f]/g, " ");

async function createQuote(clientId: number, stage: QuoteStage = "delivered") {
  const lineSubtotal = 2 * 45_000;
  const taxAmount = taxForLine(lineSubtotal, 2100);
  const [quote] = await db
    .insert(quotes)
    .values({
      clientId,
      reference: `OF-${uniqueSuffix()}`,
      subject: "Migración al Plan Empresa",
      stage,
      issueDate: isoDate(-2),
      validUntil: isoDate(20),
      subtotal: lineSubtotal,
      taxTotal: taxAmount,
      total: lineSubtotal + taxAmount,
    })
    .returning();
  await db.insert(quoteLines).values({ quoteId: quote!.id, description: "Plan Empresa (12 meses)", quantity: 2, unitAmount: 45_000, taxRateBp: 2100, taxAmount, lineSubtotal });
  return quote!;
}

function signInAs(user: SignedIn | null) {
  auth.mockResolvedValue(
    user && { contactId: user.contactId, clientId: user.clientId, isOwner: user.isOwner, permissions: user.permissions, user: { name: "Cliente", email: user.email } },
  );
}

function downloadInvoice(invoiceId: string | number, headers?: HeadersInit) {
  const id = String(invoiceId);
  return getInvoicePdf(new Request(`http://localhost/api/facturas/${id}/pdf`, { headers }), { params: Promise.resolve({ invoiceId: id }) });
}

function downloadQuote(id: string | number, headers?: HeadersInit) {
  const quoteIdParam = String(id);
  return getQuotePdf(new Request(`http://localhost/api/ofertas/${quoteIdParam}/pdf`, { headers }), { params: Promise.resolve({ quoteId: quoteIdParam }) });
}

async function expectPdfDownload(response: Response, fileName: string): Promise<Buffer> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${fileName.replace(/[.]/g, "\\.")}"`));
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return bytes;
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);

  const a = await createTestClient(db, { client: { firstName: "Łukasz", lastName: `Żółć ${uniqueSuffix()}`, taxId: "12345678Z" } });
  owner = { clientId: a.client.id, contactId: a.owner.id, email: a.owner.email, isOwner: true, permissions: [] };
  const billing = await createSubAccount(db, a.client.id, ["invoices"]);
  invoicesOnly = { clientId: a.client.id, contactId: billing.contact.id, email: billing.contact.email, isOwner: false, permissions: ["invoices"] };
  const sales = await createSubAccount(db, a.client.id, ["quotes", "tickets"]);
  quotesOnly = { clientId: a.client.id, contactId: sales.contact.id, email: sales.contact.email, isOwner: false, permissions: ["quotes", "tickets"] };
  const b = await createTestClient(db, { client: { taxId: "B87654321", companyName: "Secretos de B S.L." } });
  other = { clientId: b.client.id, contactId: b.owner.id, email: b.owner.email, isOwner: true, permissions: [] };

  // A series of its own, so the number never collides with another file's on a shared database.
  series = `T${uniqueSuffix().slice(0, 8)}`;
  // 1 × 1.020,30 € at 21 %: 214,26 € of IVA, 1.234,56 € in all.
  const paid = await createTestInvoice(db, a.client.id, {
    invoice: { status: "paid", series, number: 123, paidAt: new Date(), amountPaid: 123_456 },
    line: { unitAmount: 102_030, description: "Plan Profesional — año 2026 (España)" },
  });
  expect(paid.invoice.total).toBe(123_456);
  paidInvoiceId = paid.invoice.id;
  const proforma = await createTestInvoice(db, a.client.id, { line: { unitAmount: 5_000 } });
  proformaId = proforma.invoice.id;
  proformaReference = proforma.invoice.proformaReference;
  otherInvoiceId = (await createTestInvoice(db, b.client.id, { invoice: { notes: "secreto de B" } })).invoice.id;

  const quote = await createQuote(a.client.id);
  quoteId = quote.id;
  quoteReference = quote.reference;
  draftQuoteId = (await createQuote(a.client.id, "draft")).id;
  otherQuoteId = (await createQuote(b.client.id)).id;
});

beforeEach(() => {
  setTestRequestLocale("es");
  auth.mockReset();
});

describe("GET /api/facturas/[invoiceId]/pdf", () => {
  it("serves the owner's tax invoice as a PDF download holding the number, both NIFs, the tax base, the IVA and the total", async () => {
    signInAs(owner);
    const bytes = await expectPdfDownload(await downloadInvoice(paidInvoiceId), `${series}-000123.pdf`);
    const text = await pdfText(bytes);
    expect(text).toContain(`${series}-000123`);
    expect(text).toContain(COMPANY_SETTINGS.taxId);
    expect(text).toContain(COMPANY_SETTINGS.legalName);
    expect(text).toContain("12345678Z");
    expect(text).toContain("Łukasz Żółć");
    expect(text).toMatch(new RegExp(`Base imponible \\(21 %\\)\\s+${eur(102_030)}`));
    expect(text).toMatch(new RegExp(`IVA \\(21 %\\)\\s+${eur(21_426)}`));
    expect(text).toMatch(new RegExp(`Total \\(EUR\\)\\s+${eur(123_456)}`));
    expect(text).not.toContain("secreto de B");
  });

  it("names an unpaid invoice's PDF after its proforma reference", async () => {
    signInAs(owner);
    const text = await pdfText(await expectPdfDownload(await downloadInvoice(proformaId), `Proforma-${proformaReference}.pdf`));
    expect(text).toContain("Factura proforma");
    expect(text).toContain(proformaReference);
  });

  it("serves it to a sub-account with the invoices permission, in the request's language", async () => {
    signInAs(invoicesOnly);
    setTestRequestLocale("en");
    const text = await pdfText(await expectPdfDownload(await downloadInvoice(paidInvoiceId), `${series}-000123.pdf`));
    expect(text).toContain("Payment date");
    expect(text).toContain("Page 1 of 1");
    expect(text).toMatch(new RegExp(`Total \\(EUR\\)\\s+${eur(123_456, "en")}`));
  });

  it("answers 403 to a sub-account without the invoices permission, before looking the invoice up", async () => {
    signInAs(quotesOnly);
    for (const id of [paidInvoiceId, otherInvoiceId, 2_000_000_000]) {
      const response = await downloadInvoice(id);
      expect(response.status).toBe(403);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(await response.text()).toMatch(/permiso/);
    }
  });

  it("answers 404 for another client's invoice, exactly as for a missing one", async () => {
    signInAs(owner);
    const foreign = await downloadInvoice(otherInvoiceId);
    const missing = await downloadInvoice(2_000_000_000);
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(foreign.headers.get("content-disposition")).toBeNull();
    const body = await foreign.text();
    expect(body).toBe(await missing.text());
    expect(body).not.toContain("secreto");

    signInAs(other);
    expect((await downloadInvoice(paidInvoiceId)).status).toBe(404);
  });

  it.each(["abc", "0", "-1", "1.5", "1e3", "01", "99999999999", " 1", "%31"])("answers 404 for the id %j", async (id) => {
    signInAs(owner);
    expect((await downloadInvoice(id)).status).toBe(404);
  });

  it("sends a signed-out visitor to /acceder", async () => {
    signInAs(null);
    const error = await downloadInvoice(paidInvoiceId).then(
      () => null,
      (thrown: unknown) => thrown as { digest?: string },
    );
    expect(error?.digest).toMatch(/^NEXT_REDIRECT;.*;\/acceder;/);
  });
});

describe("GET /api/ofertas/[quoteId]/pdf", () => {
  it("serves the client's quote to the owner and to a sub-account with the quotes permission", async () => {
    for (const user of [owner, quotesOnly]) {
      signInAs(user);
      const text = await pdfText(await expectPdfDownload(await downloadQuote(quoteId), `Oferta-${quoteReference}.pdf`));
      expect(text).toContain(quoteReference);
      expect(text).toContain("Migración al Plan Empresa");
      expect(text).toContain(COMPANY_SETTINGS.taxId);
      expect(text).toMatch(new RegExp(`Total \\(EUR\\)\\s+${eur(90_000 + 18_900)}`));
    }
  });

  it("answers 403 to a sub-account without the quotes permission", async () => {
    signInAs(invoicesOnly);
    expect((await downloadQuote(quoteId)).status).toBe(403);
  });

  it("answers 404 for another client's quote, a draft and a missing one", async () => {
    signInAs(owner);
    const missing = await downloadQuote(2_000_000_000);
    expect(missing.status).toBe(404);
    const missingBody = await missing.text();
    for (const id of [otherQuoteId, draftQuoteId]) {
      const response = await downloadQuote(id);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(missingBody);
    }
  });
});
