import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, type Database } from "@/db/client";
import * as schema from "@/db/schema";
import { invoices, verifactuRecords } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import { getInvoiceView } from "@/lib/billing/queries/invoice-view";
import { recordPayment } from "@/lib/billing/record-payment";
import { renderInvoicePdf } from "@/lib/pdf/render-invoice-pdf";
import { getProvider, setProviderForTests } from "@/lib/providers";
import { huellaAlta } from "@/lib/verifactu/huella";
import { submitPendingRecords } from "@/lib/verifactu/submit-pending-records";
import { verificationQrPng } from "@/lib/verifactu/verification-qr";
import { verifyVerifactuChains } from "@/lib/verifactu/verify-chain";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestInvoice } from "@/tests/helpers/factories";
import { pdfText } from "@/tests/helpers/pdf-text";
import { scopeOf } from "@/tests/helpers/scope";

let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

/** Pays an invoice in full the way every payment path does, which issues it. */
async function issue(clientId: number, unitAmount = 10_000) {
  const { invoice } = await createTestInvoice(db, clientId, { line: { unitAmount } });
  await db.transaction((tx) => recordPayment(tx, { clientId, invoiceId: invoice.id, amount: invoice.total, currency: "EUR", gateway: "credit" }));
  const [record] = await db.select().from(verifactuRecords).where(eq(verifactuRecords.invoiceId, invoice.id));
  return { invoice, record: record! };
}

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe("billing records of issued invoices", () => {
  it("writes one record per issued invoice, with the regulation's fields and a hash that recomputes", async () => {
    const { client } = await createTestClient(db, { client: { taxId: "12345678Z" } });
    const { invoice, record } = await issue(client.id);
    const [issued] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(record).toMatchObject({
      issuerTaxId: "B12345674",
      invoiceNumber: `${issued!.series}-${String(issued!.number).padStart(6, "0")}`,
      issueDate: issued!.issueDate,
      invoiceType: "F1",
      taxTotal: issued!.taxTotal,
      total: issued!.total,
      submissionStatus: "pending",
    });
    expect(record.taxBreakdown).toEqual([{ rateBp: 2100, base: 10_000, tax: 2100 }]);
    expect(record.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(record.hash).toBe(huellaAlta(record));
  });

  it("chains each record to the issuer's previous one, also when invoices are issued at the same moment", async () => {
    const { client } = await createTestClient(db);
    const issued = await Promise.all([issue(client.id, 1000), issue(client.id, 2000), issue(client.id, 3000), issue(client.id, 4000)]);
    const records = await db.select().from(verifactuRecords).where(eq(verifactuRecords.issuerTaxId, "B12345674")).orderBy(verifactuRecords.id);
    const mine = new Set(issued.map(({ record }) => record.id));
    for (let index = 1; index < records.length; index += 1) {
      if (mine.has(records[index]!.id)) expect(records[index]!.previousHash).toBe(records[index - 1]!.hash);
    }
    // No two records share a predecessor: the chain never forks.
    const predecessors = records.map((record) => record.previousHash);
    expect(new Set(predecessors).size).toBe(predecessors.length);
  });

  it("calls a customer without a tax id's invoice simplified (F2)", async () => {
    const { client } = await createTestClient(db, { client: { taxId: null } });
    expect((await issue(client.id)).record.invoiceType).toBe("F2");
  });

  it("refuses to change or delete a record; only its submission state may change", async () => {
    const { client } = await createTestClient(db);
    const { record } = await issue(client.id);
    await expect(db.update(verifactuRecords).set({ total: record.total + 1 }).where(eq(verifactuRecords.id, record.id))).rejects.toThrow();
    await expect(db.delete(verifactuRecords).where(eq(verifactuRecords.id, record.id))).rejects.toThrow();
    await db.update(verifactuRecords).set({ submissionStatus: "error", submissionError: "prueba" }).where(eq(verifactuRecords.id, record.id));
    const [after] = await db.select().from(verifactuRecords).where(eq(verifactuRecords.id, record.id));
    expect(after).toMatchObject({ total: record.total, hash: record.hash, submissionStatus: "error" });
  });

  it("puts the QR tributario and the VERI*FACTU legend on the PDF; the QR decodes to the AEAT check of that invoice", async () => {
    const { client } = await createTestClient(db);
    const { invoice, record } = await issue(client.id, 12_345);
    const view = (await getInvoiceView(scopeOf(client.id), invoice.id))!;
    const url = new URL(view.verificationUrl!);
    expect(`${url.origin}${url.pathname}`).toBe("https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR");
    const [year, month, day] = record.issueDate.split("-");
    expect(Object.fromEntries(url.searchParams)).toEqual({ nif: "B12345674", numserie: record.invoiceNumber, fecha: `${day}-${month}-${year}`, importe: "149.37" });

    const pdf = await renderInvoicePdf(view, "es");
    const text = await pdfText(pdf);
    expect(text).toContain("VERI*FACTU");
    expect(text).toContain("QR tributario");
    expect(pdf.includes(Buffer.from("/Subtype /Image"))).toBe(true);
    expect(decodeQr(await verificationQrPng(view.verificationUrl!))).toBe(view.verificationUrl);
  });

  it("leaves the QR off a proforma: it is not an invoice yet", async () => {
    const { client } = await createTestClient(db);
    const { invoice } = await createTestInvoice(db, client.id);
    const view = (await getInvoiceView(scopeOf(client.id), invoice.id))!;
    expect(view.verificationUrl).toBeNull();
    expect(await pdfText(await renderInvoicePdf(view, "es"))).not.toContain("VERI*FACTU");
  });

  it("sends pending records through the submitter and marks them sent, once", async () => {
    const { client } = await createTestClient(db);
    const { record } = await issue(client.id);
    const calls: number[][] = [];
    const sandbox = getProvider("verifactu");
    setProviderForTests("verifactu", { name: "recording", submit: async (records) => (calls.push(records.map((r) => r.id)), sandbox.submit(records)) });
    try {
      await submitPendingRecords();
      const [sent] = await db.select().from(verifactuRecords).where(eq(verifactuRecords.id, record.id));
      expect(sent).toMatchObject({ submissionStatus: "sent" });
      expect(sent!.submittedAt).toBeInstanceOf(Date);
      await submitPendingRecords();
      expect(calls.flat().filter((id) => id === record.id)).toHaveLength(1);
    } finally {
      setProviderForTests("verifactu", null);
    }
  });
});

describe("npm run verifactu:verify on the demo data", () => {
  // A database of its own, so nothing other test files write can touch the chain being checked.
  let client: PGlite;
  let demo: Database;

  beforeAll(async () => {
    client = new PGlite();
    demo = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
    await migrateDatabase(demo);
    await seedDemoData(demo);
  });

  afterAll(() => client.close());

  it("passes on the demo data, whose issued invoices all have their record", async () => {
    const report = await verifyVerifactuChains(demo);
    expect(report.firstBreak).toBeNull();
    expect(report.records).toBeGreaterThanOrEqual(3);
  });

  it("finds the record whose total was altered in the database, bypassing the trigger as a database owner could", async () => {
    const [second] = await demo.select().from(verifactuRecords).orderBy(verifactuRecords.id).offset(1).limit(1);
    await demo.execute(sql`alter table verifactu_records disable trigger verifactu_records_immutable`);
    await demo.update(verifactuRecords).set({ total: second!.total + 100 }).where(eq(verifactuRecords.id, second!.id));
    await demo.execute(sql`alter table verifactu_records enable trigger verifactu_records_immutable`);
    expect((await verifyVerifactuChains(demo)).firstBreak).toMatchObject({ recordId: second!.id, reason: "hash" });
  });

  it("finds an invoice whose total no longer matches its record", async () => {
    const fresh = new PGlite();
    const database = drizzle({ client: fresh, schema, casing: "snake_case" }) as unknown as Database;
    try {
      await migrateDatabase(database);
      await seedDemoData(database);
      const [first] = await database.select().from(verifactuRecords).orderBy(verifactuRecords.id).limit(1);
      await database.update(invoices).set({ total: 1 }).where(eq(invoices.id, first!.invoiceId));
      expect((await verifyVerifactuChains(database)).firstBreak).toMatchObject({ recordId: first!.id, reason: "invoice" });
    } finally {
      await fresh.close();
    }
  });
});
