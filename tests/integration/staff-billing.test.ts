import { createTestStaff, customerSessionOf, signInAsStaff, staffRequest, type TestStaff } from "@/tests/helpers/staff-request";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, clientFiles, creditLedgerEntries, domainOrderItems, invoiceLines, invoices, payments, quoteLines, quotes, verifactuRecords, webhookEvents } from "@/db/schema";
import { buildTinyPdf } from "@/db/seed/tiny-pdf";
import type { SessionUser } from "@/lib/auth/session";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestClientFile, createTestDomain, createTestInvoice, sessionUserFor } from "@/tests/helpers/factories";
import { Forbidden, NotFound } from "@/tests/helpers/next-navigation";
import { scopeOf } from "@/tests/helpers/scope";
import { form } from "@/tests/helpers/form-data";

const outbox = captureEmails();

const actions = await import("@/app/admin/(desk)/facturacion/[clientId]/actions");
const { default: SearchPage } = await import("@/app/admin/(desk)/facturacion/page");
const { default: ClientPage } = await import("@/app/admin/(desk)/facturacion/[clientId]/page");
const { default: InvoicePage } = await import("@/app/admin/(desk)/facturacion/factura/[invoiceId]/page");
const { searchClients } = await import("@/lib/staff/clients/client-search");
const { getCreditBalance } = await import("@/lib/billing/credit");
const { listActivity } = await import("@/lib/account/activity");

let db: Database;
let admin: TestStaff;
let support: TestStaff;
let billing: TestStaff;
let customer: SessionUser;

const PDF = buildTinyPdf("Contrato", ["Contrato de mantenimiento"]);

const pdfFile = (name = "contrato.pdf", bytes: Buffer = PDF) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });

async function invoiceRow(id: number) {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
  return row!;
}

async function countOf(table: typeof payments | typeof clientFiles | typeof creditLedgerEntries | typeof invoices, clientId: number) {
  const [row] = await db.select({ n: count() }).from(table).where(eq(table.clientId, clientId));
  return row!.n;
}

async function writes(clientId: number) {
  const [audit] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.clientId, clientId)));
  return {
    payments: await countOf(payments, clientId),
    files: await countOf(clientFiles, clientId),
    credit: await countOf(creditLedgerEntries, clientId),
    invoices: await countOf(invoices, clientId),
    audit: audit!.n,
  };
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  admin = await createTestStaff(db, "admin");
  support = await createTestStaff(db, "support");
  billing = await createTestStaff(db, "billing");
  customer = sessionUserFor((await createTestClient(db)).owner);
});
afterAll(teardownTestDatabase);

/** Every billing and files action with input a billing member of staff could send. */
async function everyAction() {
  const { invoice: unpaid } = await createTestInvoice(db, customer.clientId);
  const { invoice: paid } = await createTestInvoice(db, customer.clientId, { invoice: { status: "paid", amountPaid: 1210, series: "T", number: Math.floor(Math.random() * 1e9) } });
  const { id: fileId } = await createTestClientFile(db, customer.clientId);
  return [
    { name: "payment", run: () => actions.recordManualPaymentAction(null, form({ invoiceId: String(unpaid.id), amount: "12,10", reference: "TR-1" })) },
    { name: "cancel", run: () => actions.cancelProformaAction(null, form({ invoiceId: String(unpaid.id) })) },
    { name: "refund", run: () => actions.refundToCreditAction(null, form({ invoiceId: String(paid.id), amount: "5", reason: "Error en el precio" })) },
    { name: "send", run: () => actions.sendInvoiceEmailAction(null, form({ invoiceId: String(unpaid.id) })) },
    { name: "create", run: () => actions.createInvoiceAction(null, form({ clientId: String(customer.clientId), description1: "Mantenimiento", unitAmount1: "50" })) },
    { name: "upload", run: () => actions.uploadClientFileAction(null, form({ clientId: String(customer.clientId), title: "Contrato", file: pdfFile() })) },
    { name: "remove", run: () => actions.removeClientFileAction(null, form({ fileId: String(fileId) })) },
  ];
}

describe("staff billing to customers, visitors and support staff", () => {
  it("answers 404 to every action and page without a staff session (signed out or a customer's), and writes nothing", async () => {
    const acts = await everyAction();
    const before = await writes(customer.clientId);
    const emailsBefore = outbox.length;
    for (const session of [null, customerSessionOf(customer)]) {
      staffRequest.customerSession = session;
      for (const action of acts) await expect(action.run(), action.name).rejects.toBeInstanceOf(NotFound);
      await expect(SearchPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(NotFound);
      await expect(ClientPage({ params: Promise.resolve({ clientId: String(customer.clientId) }) })).rejects.toBeInstanceOf(NotFound);
      await expect(InvoicePage({ params: Promise.resolve({ invoiceId: "1" }) })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await writes(customer.clientId)).toEqual(before);
    expect(outbox.length).toBe(emailsBefore);
  });

  it("answers 403 to support-only staff on every action and page, and writes nothing", async () => {
    const acts = await everyAction();
    const before = await writes(customer.clientId);
    await signInAsStaff(db, support);
    for (const action of acts) await expect(action.run(), action.name).rejects.toBeInstanceOf(Forbidden);
    await expect(SearchPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(Forbidden);
    await expect(ClientPage({ params: Promise.resolve({ clientId: String(customer.clientId) }) })).rejects.toBeInstanceOf(Forbidden);
    expect(await writes(customer.clientId)).toEqual(before);
  });

  it("lets billing and admin staff act", async () => {
    for (const member of [billing, admin]) {
      staffRequest.cookies.clear();
      await signInAsStaff(db, member);
      const { invoice } = await createTestInvoice(db, customer.clientId);
      const result = await actions.cancelProformaAction(null, form({ invoiceId: String(invoice.id) }));
      expect(result, member.role).toEqual({ ok: true, message: "admin.billing.cancel.done" });
      expect((await invoiceRow(invoice.id)).status).toBe("cancelled");
    }
  });
});

describe("the billing pages for billing staff", () => {
  it("render the search, the client and the invoice, and answer 404 for a client or invoice that does not exist", async () => {
    await signInAsStaff(db, billing);
    const { invoice } = await createTestInvoice(db, customer.clientId);
    await expect(SearchPage({ searchParams: Promise.resolve({ q: "Lucía" }) })).resolves.toBeTruthy();
    await expect(ClientPage({ params: Promise.resolve({ clientId: String(customer.clientId) }) })).resolves.toBeTruthy();
    await expect(InvoicePage({ params: Promise.resolve({ invoiceId: String(invoice.id) }) })).resolves.toBeTruthy();
    for (const id of ["999999999", "abc", "0"]) {
      await expect(ClientPage({ params: Promise.resolve({ clientId: id }) })).rejects.toBeInstanceOf(NotFound);
      await expect(InvoicePage({ params: Promise.resolve({ invoiceId: id }) })).rejects.toBeInstanceOf(NotFound);
    }
  });

  it("refreshes the billing pages after a write, not after a refusal", async () => {
    await signInAsStaff(db, billing);
    const { invoice } = await createTestInvoice(db, customer.clientId);
    await actions.recordManualPaymentAction(null, form({ invoiceId: String(invoice.id), amount: "nada", reference: "TR-X" }));
    expect(staffRequest.revalidatePath).not.toHaveBeenCalled();
    await actions.cancelProformaAction(null, form({ invoiceId: String(invoice.id) }));
    expect(staffRequest.revalidatePath).toHaveBeenCalledWith("/admin/facturacion", "layout");
  });
});

describe("recording a bank transfer", () => {
  it("pays the proforma through recordPayment: numbered tax invoice, Veri*Factu record, email, audit with before/after", async () => {
    await signInAsStaff(db, billing);
    const { invoice } = await createTestInvoice(db, customer.clientId);
    const result = await actions.recordManualPaymentAction(null, form({ invoiceId: String(invoice.id), amount: "12,10", reference: "ES-2026-0001" }));
    expect(result).toEqual({ ok: true, message: "admin.billing.payment.recordedPaid" });
    const row = await invoiceRow(invoice.id);
    expect(row).toMatchObject({ status: "paid", amountPaid: 1210 });
    expect(row.number).toBeGreaterThan(0);
    expect(row.series).toMatch(/^F\d{4}$/);
    const [record] = await db.select().from(verifactuRecords).where(eq(verifactuRecords.invoiceId, invoice.id));
    expect(record?.invoiceNumber).toBe(`${row.series}-${String(row.number).padStart(6, "0")}`);
    const [payment] = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(payment).toMatchObject({ gateway: "bank_transfer", gatewayReference: "ES-2026-0001", amount: 1210 });
    expect(outbox.some((email) => email.subject.includes(record!.invoiceNumber))).toBe(true);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.clientId, customer.clientId), eq(auditLog.action, "staff.payment_recorded")));
    expect(audit).toMatchObject({ staffUserId: billing.id, contactId: null });
    expect(audit!.details).toMatchObject({ before: { status: "unpaid", amountPaid: 0, total: 1210 }, after: { status: "paid", amountPaid: 1210 }, amount: 1210 });
    const activity = await listActivity(scopeOf(customer.clientId), { db });
    expect(activity.rows.some((item) => item.action === "staff.payment_recorded")).toBe(true);
  });

  it("records the same transfer once when it is sent twice at the same moment", async () => {
    await signInAsStaff(db, billing);
    const { invoice } = await createTestInvoice(db, customer.clientId, { line: { unitAmount: 10_000 } });
    // Half of the invoice twice: a second recording would be accepted by the amount, so only the key can refuse it.
    const send = () => actions.recordManualPaymentAction(null, form({ invoiceId: String(invoice.id), amount: "60,50", reference: "es 2026 0002" }));
    const results = await Promise.all([send(), send()]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ fieldErrors: { reference: "admin.errors.billing.alreadyRecorded" } });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "unpaid", amountPaid: 6050 });
    // The same reference written differently is the same transfer.
    const again = await actions.recordManualPaymentAction(null, form({ invoiceId: String(invoice.id), amount: "60,50", reference: "ES20260002" }));
    expect(again.ok).toBe(false);
    // The rest, with its own reference, completes and numbers it.
    const rest = await actions.recordManualPaymentAction(null, form({ invoiceId: String(invoice.id), amount: "60,50", reference: "ES-2026-0003" }));
    expect(rest.ok).toBe(true);
    expect((await invoiceRow(invoice.id)).status).toBe("paid");
  });

  it("refuses bad input with a message next to the field and writes nothing (not even the idempotency key)", async () => {
    await signInAsStaff(db, billing);
    const { invoice } = await createTestInvoice(db, customer.clientId);
    const before = await writes(customer.clientId);
    const cases: [Record<string, string>, Record<string, string> | string][] = [
      [{ amount: "doce", reference: "TR-9" }, { amount: "admin.errors.billing.amountInvalid" }],
      [{ amount: "0", reference: "TR-9" }, { amount: "admin.errors.billing.amountInvalid" }],
      [{ amount: "12,10", reference: "" }, { reference: "admin.errors.billing.referenceRequired" }],
      [{ amount: "100", reference: "TR-9" }, { amount: "admin.errors.billing.amountAboveDue" }],
    ];
    for (const [values, expected] of cases) {
      const result = await actions.recordManualPaymentAction(null, form({ invoiceId: String(invoice.id), ...values }));
      expect(result).toMatchObject({ ok: false, fieldErrors: expected });
    }
    expect(await actions.recordManualPaymentAction(null, form({ invoiceId: "999999999", amount: "1", reference: "TR-9" }))).toMatchObject({ ok: false, error: "admin.errors.billing.invoiceNotFound" });
    expect(await writes(customer.clientId)).toEqual(before);
    expect(await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, `invoice-${invoice.id}:TR9`))).toHaveLength(0);
    // A cancelled invoice takes no money.
    await actions.cancelProformaAction(null, form({ invoiceId: String(invoice.id) }));
    expect(await actions.recordManualPaymentAction(null, form({ invoiceId: String(invoice.id), amount: "12,10", reference: "TR-9" }))).toMatchObject({ ok: false, error: "admin.errors.billing.notPayable" });
    expect(await countOf(payments, customer.clientId)).toBe(before.payments);
  });
});

describe("cancel, refund to credit, create and send", () => {
  it("takes the registrar orders waiting on a cancelled proforma out with it", async () => {
    await signInAsStaff(db, billing);
    const { invoice } = await createTestInvoice(db, customer.clientId);
    const domain = await createTestDomain(db, customer.clientId, { status: "pending" });
    const [item] = await db.insert(domainOrderItems).values({ clientId: customer.clientId, domainId: domain.id, invoiceId: invoice.id, action: "register" }).returning();
    expect(await actions.cancelProformaAction(null, form({ invoiceId: String(invoice.id) }))).toEqual({ ok: true, message: "admin.billing.cancel.done" });
    const [after] = await db.select().from(domainOrderItems).where(eq(domainOrderItems.id, item!.id));
    expect(after!.state).toBe("cancelled");
  });

  it("cancels only a proforma without payments", async () => {
    await signInAsStaff(db, billing);
    const { invoice } = await createTestInvoice(db, customer.clientId, { invoice: { amountPaid: 100 } });
    expect(await actions.cancelProformaAction(null, form({ invoiceId: String(invoice.id) }))).toMatchObject({ ok: false, error: "admin.errors.billing.notCancellable" });
    expect((await invoiceRow(invoice.id)).status).toBe("unpaid");
  });

  it("refunds a paid invoice to credit: negative payment, ledger entry, refunded when all of it, never more than paid", async () => {
    await signInAsStaff(db, billing);
    const { invoice } = await createTestInvoice(db, customer.clientId);
    await actions.recordManualPaymentAction(null, form({ invoiceId: String(invoice.id), amount: "12,10", reference: "TR-REF-1" }));
    const creditBefore = await getCreditBalance(db, customer.clientId);
    expect(await actions.refundToCreditAction(null, form({ invoiceId: String(invoice.id), amount: "20", reason: "Duplicado" }))).toMatchObject({
      ok: false,
      fieldErrors: { amount: "admin.errors.billing.amountAbovePaid" },
    });
    expect(await actions.refundToCreditAction(null, form({ invoiceId: String(invoice.id), amount: "2,10", reason: "" }))).toMatchObject({ ok: false, fieldErrors: { reason: "admin.errors.billing.reasonRequired" } });
    expect(await getCreditBalance(db, customer.clientId)).toBe(creditBefore);

    expect(await actions.refundToCreditAction(null, form({ invoiceId: String(invoice.id), amount: "2,10", reason: "Descuento acordado" }))).toMatchObject({ ok: true });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 1000 });
    expect(await actions.refundToCreditAction(null, form({ invoiceId: String(invoice.id), amount: "10", reason: "Baja del servicio" }))).toMatchObject({ ok: true });
    const row = await invoiceRow(invoice.id);
    expect(row).toMatchObject({ status: "refunded", amountPaid: 0 });
    expect(row.number).toBeGreaterThan(0);
    expect(await getCreditBalance(db, customer.clientId)).toBe(creditBefore + 1210);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.clientId, customer.clientId), eq(auditLog.action, "staff.invoice_refunded_to_credit")));
    expect(audit!.details).toMatchObject({ amount: 210, before: { amountPaid: 1210 }, after: { amountPaid: 1000 } });
  });

  it("creates an invoice with tax from the client's rule, emails it, and refuses lines without a price", async () => {
    await signInAsStaff(db, billing);
    const before = await writes(customer.clientId);
    const bad = await actions.createInvoiceAction(null, form({ clientId: String(customer.clientId), description1: "Mantenimiento", unitAmount1: "gratis" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { unitAmount1: "admin.errors.billing.amountInvalid" } });
    const empty = await actions.createInvoiceAction(null, form({ clientId: String(customer.clientId) }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { description1: "admin.errors.billing.linesRequired" } });
    const nobody = await actions.createInvoiceAction(null, form({ clientId: "999999999", description1: "X", unitAmount1: "1" }));
    expect(nobody).toMatchObject({ ok: false, error: "admin.errors.billing.clientNotFound" });
    expect(await writes(customer.clientId)).toEqual(before);

    outbox.length = 0;
    const result = await actions.createInvoiceAction(
      null,
      form({ clientId: String(customer.clientId), description1: "Mantenimiento web", quantity1: "2", unitAmount1: "50", description2: "Migración", unitAmount2: "25,50" }),
    );
    expect(result.ok).toBe(true);
    const invoiceId = (result as { data: { invoiceId: number } }).data.invoiceId;
    const row = await invoiceRow(invoiceId);
    // Spanish client: 21 % on 125,50 €, rounded per line (21,00 + 5,36).
    expect(row).toMatchObject({ status: "unpaid", subtotal: 12_550, taxTotal: 2636, total: 15_186, clientId: customer.clientId });
    expect(await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId))).toHaveLength(2);
    expect(outbox).toHaveLength(1);

    const sent = await actions.sendInvoiceEmailAction(null, form({ invoiceId: String(invoiceId) }));
    expect(sent).toEqual({ ok: true, message: "admin.billing.send.done" });
    expect(outbox).toHaveLength(2);
  });
});

describe("quotes", () => {
  it("creates a delivered quote priced with the client's tax rule, and refuses one without a subject", async () => {
    await signInAsStaff(db, billing);
    const noSubject = await actions.createInvoiceAction(null, form({ clientId: String(customer.clientId), document: "quote", description1: "Migración", unitAmount1: "100" }));
    expect(noSubject).toMatchObject({ ok: false, fieldErrors: { subject: "admin.errors.billing.subjectRequired" } });
    const result = await actions.createInvoiceAction(
      null,
      form({ clientId: String(customer.clientId), document: "quote", subject: "Migración de la tienda", description1: "Migración", unitAmount1: "100", description2: "Formación", quantity2: "3", unitAmount2: "33,33" }),
    );
    expect(result).toMatchObject({ ok: true, message: "admin.billing.quote.done" });
    const quoteId = (result as { data: { quoteId: number } }).data.quoteId;
    const [quote] = await db.select().from(quotes).where(eq(quotes.id, quoteId));
    // 100 + 99,99 = 199,99 €; 21 % per line: 21,00 + 21,00 (20,9979 rounded).
    expect(quote).toMatchObject({ clientId: customer.clientId, stage: "delivered", subtotal: 19_999, taxTotal: 4200, total: 24_199, reference: `OF-${String(quoteId).padStart(6, "0")}` });
    expect(await db.select().from(quoteLines).where(eq(quoteLines.quoteId, quoteId))).toHaveLength(2);
    // The customer finds it in Ofertas.
    const { listQuotes } = await import("@/lib/billing/queries/list-quotes");
    const page = await listQuotes(scopeOf(customer.clientId), { limit: 10, db });
    expect(page.rows.map((row) => row.id)).toContain(quoteId);
  });
});

describe("files for clients", () => {
  it("uploads a PDF checked by content, which the client's dashboard lists, and removes it", async () => {
    await signInAsStaff(db, billing);
    const result = await actions.uploadClientFileAction(null, form({ clientId: String(customer.clientId), title: "Contrato firmado", file: pdfFile() }));
    expect(result).toEqual({ ok: true, message: "admin.files.uploaded" });
    const [file] = await db.select().from(clientFiles).where(and(eq(clientFiles.clientId, customer.clientId), eq(clientFiles.title, "Contrato firmado")));
    expect(file).toMatchObject({ fileName: "contrato.pdf", mimeType: "application/pdf", sizeBytes: PDF.byteLength });
    const { clientFilesPart } = await import("@/lib/files/dashboard-part");
    const listed = await clientFilesPart.load({ db, clientId: customer.clientId } as never);
    expect(listed.map((row) => row.title)).toContain("Contrato firmado");

    expect(await actions.removeClientFileAction(null, form({ fileId: String(file!.id) }))).toEqual({ ok: true, message: "admin.files.removed" });
    expect(await db.select().from(clientFiles).where(eq(clientFiles.id, file!.id))).toHaveLength(0);
    const actionsLogged = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.clientId, customer.clientId))).map((row) => row.action);
    expect(actionsLogged).toEqual(expect.arrayContaining(["staff.file_uploaded", "staff.file_removed"]));
  });

  it("refuses a file whose content is not what its name says, an empty title or no file, and writes nothing", async () => {
    await signInAsStaff(db, billing);
    const before = await writes(customer.clientId);
    const html = new File([new TextEncoder().encode("<html><script>alert(1)</script></html>\u0000")], "factura.pdf", { type: "application/pdf" });
    const cases: [Record<string, string | Blob>, Record<string, string>][] = [
      [{ title: "Falsa", file: html }, { file: "support.errors.attachmentType" }],
      [{ title: "Renombrado", file: pdfFile("contrato.exe") }, { file: "support.errors.attachmentType" }],
      [{ title: "", file: pdfFile() }, { title: "admin.errors.files.titleRequired" }],
      [{ title: "Sin archivo" }, { file: "admin.errors.files.fileRequired" }],
    ];
    for (const [values, expected] of cases) {
      const result = await actions.uploadClientFileAction(null, form({ clientId: String(customer.clientId), ...values }));
      expect(result).toMatchObject({ ok: false, fieldErrors: expected });
    }
    expect(await writes(customer.clientId)).toEqual(before);
    expect(await actions.removeClientFileAction(null, form({ fileId: "999999999" }))).toMatchObject({ ok: false, error: "admin.errors.files.fileNotFound" });
  });
});

describe("client search (the billing desk uses the clients search)", () => {
  it("finds a client by name, email, company and NIF", async () => {
    const { client, owner } = await createTestClient(db, { client: { companyName: "Talleres Búsqueda SL", taxId: "B12345674" } });
    const scope = { staffUserId: admin.id, role: "admin" } as never;
    for (const term of [client.firstName, owner.email, "talleres búsqueda", "B12345674"]) {
      expect((await searchClients(scope, { query: term })).rows.map((row) => row.id), term).toContain(client.id);
    }
    expect((await searchClients(scope, { query: "%%%nadie-así%%%" })).rows).toEqual([]);
  });
});
