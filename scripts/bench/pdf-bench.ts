import type { Database } from "@/db/client";
import { invoiceLines, invoices, payments } from "@/db/schema";
import { COMPANY_SETTINGS, seedReferenceData } from "@/db/seed/reference-data";
import { unsafeClientScope } from "@/lib/auth/scope";
import { formatInvoiceNumber } from "@/lib/billing/invoice-number";
import { getInvoiceView, type InvoiceView } from "@/lib/billing/queries/invoice-view";
import { taxForLine } from "@/lib/money";
import { invoicePdfFile } from "@/lib/pdf/invoice-pdf-file";
import { invoicePdfFileName, renderInvoicePdf } from "@/lib/pdf/render-invoice-pdf";
import { databasePdfStore } from "@/lib/pdf/stored-pdfs";
import { warmUpPdfRendering } from "@/lib/pdf/warm-up";
import { recordIssuedInvoice } from "@/lib/verifactu/record-issued-invoice";
import { insertBenchClient } from "./fill-invoices";
import { elapsed, timeRuns, type Timing } from "./stats";

const LINE_COUNT = 50;

/**
 * A paid tax invoice with 50 lines: accents, ñ, €, long descriptions that wrap, two tax rates.
 * Another `variant` has other domain names and amounts (words the renderer has not shaped yet).
 */
export function fiftyLineInvoice(variant = 0): InvoiceView {
  const tag = variant === 0 ? "" : `-v${variant}`;
  const lines = Array.from({ length: LINE_COUNT }, (_, index) => {
    const quantity = 1 + (index % 3);
    const unitAmount = 599 + index * 137 + variant * 7;
    const lineSubtotal = quantity * unitAmount;
    const taxRateBp = index % 10 === 9 ? 0 : 2100;
    return {
      description:
        index % 4 === 0
          ? `Plan Profesional - tienda-número-${index + 1}${tag}.es (01/03/2026 - 28/02/2027), con copias de seguridad diarias y certificado SSL`
          : `Renovación del dominio año-${index + 1}${tag}.es (1 año)`,
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

export type PdfBenchResult = Timing & {
  /** What the server does at start-up (lib/pdf/warm-up.ts) in this fresh process: reading the fonts, compiling the code path. */
  warmUpMs: number;
  /** The first render of the 50-line invoice after that warm-up: what the first download of a started server costs. */
  firstRenderMs: number;
  /** 30 different 50-line invoices (other names and amounts), each rendered once after the warm-up. */
  distinct: Timing;
  /** CPU time of this process per warm render (user + system, all threads): what the wall time is when nothing else runs. */
  cpuMsPerRender: number;
  bytes: number;
  fileName: string;
};

/**
 * Warm p50 of renderInvoicePdf over `runs` renders of the same invoice; the start-up warm-up of a
 * fresh process and the first render after it are reported apart, and so is the p50 over invoices
 * never rendered before (their words not yet shaped). Must run before anything else renders a PDF.
 */
export async function benchInvoicePdf(runs = 30): Promise<PdfBenchResult> {
  const view = fiftyLineInvoice();
  const warmUp = await elapsed(() => warmUpPdfRendering());
  const first = await elapsed(() => renderInvoicePdf(view, "es"));
  let variant = 0;
  const distinct = await timeRuns(() => renderInvoicePdf(fiftyLineInvoice((variant += 1)), "es"), { warmup: 0, runs });
  const cpuBefore = process.cpuUsage();
  const timing = await timeRuns(() => renderInvoicePdf(view, "es"), { warmup: 3, runs });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerRender = (cpu.user + cpu.system) / 1000 / (runs + 3);
  return { ...timing, firstRenderMs: first.ms, warmUpMs: warmUp.ms, distinct, cpuMsPerRender, bytes: first.value.byteLength, fileName: invoicePdfFileName(view) };
}

// Stored PDFs (issue 11) -------------------------------------------------------------------------

export type MemorySample = { rssMiB: number; heapUsedMiB: number };

function memoryNow(): MemorySample {
  const usage = process.memoryUsage();
  return { rssMiB: usage.rss / 2 ** 20, heapUsedMiB: usage.heapUsed / 2 ** 20 };
}

/** Runs `work` while sampling the process's memory every 5 ms; returns the figures before, at the peak and after. */
async function withMemory<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; before: MemorySample; peak: MemorySample; after: MemorySample }> {
  const before = memoryNow();
  const peak = { ...before };
  const timer = setInterval(() => {
    const now = memoryNow();
    peak.rssMiB = Math.max(peak.rssMiB, now.rssMiB);
    peak.heapUsedMiB = Math.max(peak.heapUsedMiB, now.heapUsedMiB);
  }, 5);
  try {
    const { value, ms } = await elapsed(work);
    const after = memoryNow();
    return { value, ms, before, peak: { rssMiB: Math.max(peak.rssMiB, after.rssMiB), heapUsedMiB: Math.max(peak.heapUsedMiB, after.heapUsedMiB) }, after };
  } finally {
    clearInterval(timer);
  }
}

export type ParallelPdfRun = { requests: number; errors: number; wrongSource: number; ms: number; before: MemorySample; peak: MemorySample; after: MemorySample };

export type StoredPdfBenchResult = {
  /** invoicePdfFile() of a stored 50-line invoice: what the route does once it has the invoice. */
  served: Timing;
  /** The route's whole work for it: getInvoiceView (3 statements) and invoicePdfFile. */
  servedWithView: Timing;
  storedBytes: number;
  /** 100 different issued invoices requested at once, never downloaded before (render + store)… */
  firstParallel: ParallelPdfRun;
  /** …and the same 100 at once again (all from storage). */
  storedParallel: ParallelPdfRun;
};

/**
 * 100 issued 50-line invoices of one client, paid and numbered with their Veri*Factu records the way
 * recordPayment issues them (recordIssuedInvoice in the same transaction), in `db`.
 */
async function insertIssuedInvoices(db: Database, count: number): Promise<{ clientId: number; invoiceIds: number[] }> {
  const clientId = await insertBenchClient(db, "Pdf");
  const template = fiftyLineInvoice();
  const series = "BPDF";
  const invoiceIds: number[] = [];
  await db.transaction(async (tx) => {
    for (let number = 1; number <= count; number += 1) {
      const [invoice] = await tx
        .insert(invoices)
        .values({
          clientId,
          proformaReference: `PRO-BPDF-${number}`,
          status: "paid",
          kind: "standard",
          issueDate: template.issueDate,
          dueDate: template.dueDate,
          paidAt: template.paidAt,
          series,
          number,
          currency: "EUR",
          subtotal: template.subtotal,
          taxTotal: template.taxTotal,
          total: template.total,
          amountPaid: template.total,
          clientSnapshot: template.client,
        })
        .returning({ id: invoices.id });
      await tx.insert(invoiceLines).values(template.lines.map((line, index) => ({ ...line, invoiceId: invoice!.id, sortOrder: index })));
      await tx.insert(payments).values({ clientId, invoiceId: invoice!.id, gateway: "stripe", gatewayReference: `pi_bench_${number}`, amount: template.total, currency: "EUR" });
      await recordIssuedInvoice(
        tx,
        {
          id: invoice!.id,
          invoiceNumber: formatInvoiceNumber(series, number),
          issueDate: template.issueDate,
          taxTotal: template.taxTotal,
          total: template.total,
          currency: "EUR",
          clientTaxId: template.client.taxId,
        },
        { taxId: COMPANY_SETTINGS.taxId, legalName: COMPANY_SETTINGS.legalName },
      );
      invoiceIds.push(invoice!.id);
    }
  });
  return { clientId, invoiceIds };
}

/** What GET /api/facturas/[id]/pdf does after the session check, against `db`. */
async function downloadInvoicePdf(db: Database, clientId: number, invoiceId: number) {
  const view = await getInvoiceView(unsafeClientScope(clientId), invoiceId, db);
  if (!view) throw new Error(`Invoice ${invoiceId} not found`);
  return invoicePdfFile(view, "es", databasePdfStore(db));
}

async function parallelDownloads(db: Database, clientId: number, invoiceIds: number[], expected: "rendered" | "stored"): Promise<ParallelPdfRun> {
  const run = await withMemory(() => Promise.allSettled(invoiceIds.map((id) => downloadInvoicePdf(db, clientId, id))));
  const errors = run.value.filter((result) => result.status === "rejected");
  for (const error of errors.slice(0, 3)) console.error((error as PromiseRejectedResult).reason);
  const wrongSource = run.value.filter((result) => result.status === "fulfilled" && result.value.source !== expected).length;
  return { requests: invoiceIds.length, errors: errors.length, wrongSource, ms: run.ms, before: run.before, peak: run.peak, after: run.after };
}

/** Stored invoice PDFs: 100 first downloads at once, 100 stored ones at once, then one stored invoice served `runs` times. */
export async function benchStoredPdfs(db: Database, runs = 200): Promise<StoredPdfBenchResult> {
  await seedReferenceData(db);
  const { clientId, invoiceIds } = await insertIssuedInvoices(db, 100);
  const firstParallel = await parallelDownloads(db, clientId, invoiceIds, "rendered");
  const storedParallel = await parallelDownloads(db, clientId, invoiceIds, "stored");
  const view = (await getInvoiceView(unsafeClientScope(clientId), invoiceIds[0]!, db))!;
  const store = databasePdfStore(db);
  const served = await timeRuns(
    async () => {
      const file = await invoicePdfFile(view, "es", store);
      if (file.source !== "stored") throw new Error(`Expected the stored PDF, got ${file.source}`);
    },
    { warmup: 20, runs },
  );
  const servedWithView = await timeRuns(() => downloadInvoicePdf(db, clientId, invoiceIds[0]!), { warmup: 20, runs });
  const storedBytes = (await invoicePdfFile(view, "es", store)).bytes.byteLength;
  return { served, servedWithView, storedBytes, firstParallel, storedParallel };
}
