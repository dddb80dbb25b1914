import { and, eq } from "drizzle-orm";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { storedPdfs } from "@/db/schema";
import { getInvoiceView } from "@/lib/billing/queries/invoice-view";
import { recordPayment } from "@/lib/billing/record-payment";
import { databasePdfStore, sha256Hex } from "@/lib/pdf/stored-pdfs";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestInvoice } from "@/tests/helpers/factories";
import { setTestRequestLocale } from "@/tests/helpers/next-intl-server";
import { pdfText } from "@/tests/helpers/pdf-text";
import { scopeOf } from "@/tests/helpers/scope";

// The invoice download route with its real storage on the test database. Only Auth.js's session
// lookup is replaced, and the renderer is wrapped (not replaced) so the test can count its calls.
const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/config", () => ({ auth }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));
const renders = vi.hoisted(() => [] as number[]);
vi.mock("@/lib/pdf/render-invoice-pdf", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/pdf/render-invoice-pdf")>();
  return {
    ...original,
    renderInvoicePdf: async (...args: Parameters<typeof original.renderInvoicePdf>) => {
      renders.push(args[0].id);
      return original.renderInvoicePdf(...args);
    },
  };
});

const { GET: getInvoicePdf } = await import("@/app/api/facturas/[invoiceId]/pdf/route");

let db: Database;
let clientId: number;

function signIn() {
  auth.mockResolvedValue({ contactId: ownerId, clientId, isOwner: true, permissions: [], user: { name: "Cliente", email: "c@example.com" } });
}
let ownerId: number;

async function download(invoiceId: number): Promise<Buffer> {
  const id = String(invoiceId);
  const response = await getInvoicePdf(new Request(`http://localhost/api/facturas/${id}/pdf`), { params: Promise.resolve({ invoiceId: id }) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return bytes;
}

/** Paid in full the way every payment path does: numbered in its series, with its Veri*Factu record. */
async function issuedInvoice(unitAmount = 10_000): Promise<number> {
  const { invoice } = await createTestInvoice(db, clientId, { line: { unitAmount, description: "Renovación del dominio peña.es (1 año)" } });
  await db.transaction((tx) => recordPayment(tx, { clientId, invoiceId: invoice.id, amount: invoice.total, currency: "EUR", gateway: "credit" }));
  return invoice.id;
}

function rowsOf(invoiceId: number) {
  return db.select().from(storedPdfs).where(eq(storedPdfs.invoiceId, invoiceId));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  return Buffer.concat([length, Buffer.from(type, "latin1"), data, Buffer.alloc(4)]);
}

/**
 * The QR image as the PDF holds it, read back into a PNG: the greyscale image XObject's stream is
 * PNG image data (Flate with the PNG predictors), so it only needs its header around it.
 */
function qrInPdf(pdf: Buffer): string | null {
  const head = /\/Subtype \/Image\n\/BitsPerComponent 8\n\/Width (\d+)\n\/Height (\d+)\n[^]*?\/ColorSpace \/DeviceGray\n\/Length (\d+)\n>>\nstream\n/.exec(pdf.toString("latin1"));
  if (!head) return null;
  const [, width, height, length] = head.map(Number);
  const data = pdf.subarray(head.index + head[0].length, head.index + head[0].length + length!);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width!, 0);
  header.writeUInt32BE(height!, 4);
  header.writeUInt8(8, 8);
  const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), pngChunk("IHDR", header), pngChunk("IDAT", data), pngChunk("IEND", Buffer.alloc(0))]);
  const image = PNG.sync.read(png, { checkCRC: false });
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

const rendersOf = (invoiceId: number) => renders.filter((id) => id === invoiceId).length;

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  const { client, owner } = await createTestClient(db, { client: { taxId: "12345678Z" } });
  clientId = client.id;
  ownerId = owner.id;
});

beforeEach(() => {
  setTestRequestLocale("es");
  signIn();
});

describe("stored invoice PDFs", () => {
  it("renders an issued invoice once, stores it with its hash and serves the stored bytes on the next download", async () => {
    const invoiceId = await issuedInvoice();
    const first = await download(invoiceId);
    const [row] = await rowsOf(invoiceId);
    expect(row).toMatchObject({ locale: "es", templateVersion: 1, sizeBytes: first.byteLength, sha256: sha256Hex(first) });
    expect(row!.bytes.equals(first)).toBe(true);
    // The stored document is the whole invoice, its VERI*FACTU QR included.
    const text = await pdfText(row!.bytes);
    expect(text).toContain("VERI*FACTU");
    expect(text).toContain("Renovación del dominio peña.es");
    const view = await getInvoiceView(scopeOf(clientId), invoiceId);
    expect(view!.verificationUrl).toMatch(/^https:\/\/prewww2\.aeat\.es\/wlpl\/TIKE-CONT\/ValidarQR\?nif=B12345674&numserie=/);
    expect(qrInPdf(row!.bytes)).toBe(view!.verificationUrl);

    const second = await download(invoiceId);
    expect(second.equals(first)).toBe(true);
    expect(rendersOf(invoiceId)).toBe(1);
    const after = await rowsOf(invoiceId);
    expect(after).toHaveLength(1);
    expect(after[0]!.renderedAt.getTime()).toBe(row!.renderedAt.getTime());
  });

  it("keeps one row per language: the English download is its own document", async () => {
    const invoiceId = await issuedInvoice();
    const spanish = await download(invoiceId);
    setTestRequestLocale("en");
    const english = await download(invoiceId);
    expect(english.equals(spanish)).toBe(false);
    expect(await pdfText(english)).toContain("Payment date");
    expect((await rowsOf(invoiceId)).map((row) => row.locale).sort()).toEqual(["en", "es"]);
    expect(await download(invoiceId)).toEqual(english);
    expect(rendersOf(invoiceId)).toBe(2);
  });

  it("detects stored bytes that were changed, logs it, renders the invoice again and repairs the row", async () => {
    const invoiceId = await issuedInvoice();
    const original = await download(invoiceId);
    const tampered = Buffer.from(original);
    tampered.write("Factura falsa", tampered.indexOf("/Title"), "latin1");
    await db.update(storedPdfs).set({ bytes: tampered }).where(and(eq(storedPdfs.invoiceId, invoiceId), eq(storedPdfs.locale, "es")));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const served = await download(invoiceId);
      expect(served.equals(tampered)).toBe(false);
      // Rendering is deterministic (the creation date is the invoice's), so the repair is the original.
      expect(served.equals(original)).toBe(true);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^\\[stored-pdfs\\] invoice ${invoiceId} \\(es\\): the stored bytes do not match`)));
    } finally {
      warn.mockRestore();
    }
    expect(rendersOf(invoiceId)).toBe(2);
    const [row] = await rowsOf(invoiceId);
    expect(row!.bytes.equals(original)).toBe(true);
    expect(row!.sha256).toBe(sha256Hex(original));
  });

  it("renders again when what the invoice prints changed after it was stored (a refund adds a payment line)", async () => {
    const invoiceId = await issuedInvoice();
    await download(invoiceId);
    await db.update(storedPdfs).set({ fingerprint: "0".repeat(64) }).where(eq(storedPdfs.invoiceId, invoiceId));
    const again = await download(invoiceId);
    expect(rendersOf(invoiceId)).toBe(2);
    const [row] = await rowsOf(invoiceId);
    expect(row!.fingerprint).not.toBe("0".repeat(64));
    expect(row!.bytes.equals(again)).toBe(true);
  });

  it("never stores a proforma (an invoice not yet paid and numbered): it is rendered on every download", async () => {
    const { invoice } = await createTestInvoice(db, clientId, { line: { unitAmount: 5_000 } });
    const first = await download(invoice.id);
    expect(await pdfText(first)).toContain("Factura proforma");
    await download(invoice.id);
    expect(rendersOf(invoice.id)).toBe(2);
    expect(await rowsOf(invoice.id)).toHaveLength(0);
  });

  it("gives 20 simultaneous first downloads one row and the same bytes, without an error", async () => {
    const invoiceId = await issuedInvoice(12_345);
    const downloads = await Promise.all(Array.from({ length: 20 }, () => download(invoiceId)));
    const rows = await rowsOf(invoiceId);
    expect(rows).toHaveLength(1);
    for (const bytes of downloads) expect(bytes.equals(rows[0]!.bytes)).toBe(true);
    expect(rendersOf(invoiceId)).toBe(1);
  });

  it("keeps the first of concurrent writes from different processes (another instance, another render): one row, every caller gets its bytes", async () => {
    const invoiceId = await issuedInvoice(777);
    // Twenty stores, as twenty server instances would hold: the in-process de-duplication does not apply.
    const writes = Array.from({ length: 20 }, (_, index) => {
      const bytes = Buffer.from(`%PDF-1.7 render ${index}`);
      return databasePdfStore(db).keep({ invoiceId, locale: "es" }, { bytes, sha256: sha256Hex(bytes), fingerprint: "f".repeat(64), templateVersion: 1 });
    });
    const kept = await Promise.all(writes);
    const rows = await rowsOf(invoiceId);
    expect(rows).toHaveLength(1);
    for (const result of kept) expect(result.bytes.equals(rows[0]!.bytes)).toBe(true);
    expect(rows[0]!.sha256).toBe(sha256Hex(rows[0]!.bytes));
  });
});
