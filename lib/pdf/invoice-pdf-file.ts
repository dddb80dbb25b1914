import type { InvoiceView } from "@/lib/billing/queries/invoice-view";
import { toLocale } from "@/lib/i18n/locales";
import { catalogs } from "@/lib/i18n/messages";
import { renderInvoicePdf } from "./render-invoice-pdf";
import { databasePdfStore, sha256Hex, type RenderedPdf, type StoredPdfKey, type StoredPdfStore } from "./stored-pdfs";

/**
 * Raise when the invoice PDF's layout changes (lib/pdf/invoice/*): every stored invoice is then
 * rendered again on its next download, the row replaced.
 */
export const INVOICE_PDF_TEMPLATE_VERSION = 1;

/**
 * Only an issued tax invoice is stored: one that was paid in full and got its number in its series
 * (lib/billing/record-payment.ts numbers it and writes its Veri*Factu record in the same
 * transaction). Its number, date, parties, lines, totals and QR are fixed by law from then on; its
 * status is "paid", or "refunded" after a refund. Everything else is a proforma (unpaid,
 * payment_pending, collections, or cancelled before payment): it turns "Vencida" when the due date
 * passes, shows each partial payment and what is still due, and becomes a different document (a
 * numbered "Factura") once paid, so it is rendered on every download and never stored.
 *
 * A stored invoice can still change in one way: a refund adds a negative payment to its payments
 * table (and, in full, makes it "Reembolsada"). That is why the row keeps a fingerprint of what it
 * was rendered from; a different fingerprint renders it again.
 */
export function isStoredInvoicePdf(view: Pick<InvoiceView, "isTaxInvoice" | "number">): boolean {
  return view.isTaxInvoice && view.number !== null;
}

const labelsHashes = new Map<string, string>();

/** Hash of everything the PDF prints: the invoice as shown, the language and its labels, the layout version. */
export function invoicePdfFingerprint(view: InvoiceView, locale: string): string {
  const resolved = toLocale(locale);
  let labels = labelsHashes.get(resolved);
  if (!labels) {
    labels = sha256Hex(JSON.stringify(catalogs[resolved].pdf));
    labelsHashes.set(resolved, labels);
  }
  return sha256Hex(JSON.stringify({ template: INVOICE_PDF_TEMPLATE_VERSION, locale: resolved, labels, view }));
}

// At most this many renders run at once in a process: a burst of first downloads queues instead of
// holding a hundred half-built documents in memory; each render is CPU work of a few tens of ms.
const MAX_PARALLEL_RENDERS = 4;
let running = 0;
const waiting: (() => void)[] = [];

async function withRenderSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

// The same invoice asked for several times at once (a double click, a burst of first downloads) is
// rendered and written once per process: later requests wait for that flight, which ends only
// once the row is written, so they find it. Across processes the unique row decides (keep()).
const inFlight = new Map<string, Promise<Buffer>>();

function renderAndStore(view: InvoiceView, key: StoredPdfKey, fingerprint: string, store: StoredPdfStore, mode: "keep" | "replace"): Promise<Buffer> {
  const flightKey = `${key.invoiceId}:${key.locale}:${fingerprint}`;
  let pending = inFlight.get(flightKey);
  if (!pending) {
    pending = (async () => {
      const bytes = await withRenderSlot(() => renderInvoicePdf(view, key.locale));
      const rendered: RenderedPdf = { bytes, sha256: sha256Hex(bytes), fingerprint, templateVersion: INVOICE_PDF_TEMPLATE_VERSION };
      const stored = mode === "keep" ? await store.keep(key, rendered) : await store.replace(key, rendered);
      // The row another request kept was rendered from other content (a refund landed in between): serve ours.
      return stored.fingerprint === fingerprint ? stored.bytes : bytes;
    })().finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, pending);
  }
  return pending;
}

export type InvoicePdfSource = "stored" | "rendered" | "not-stored";

/**
 * The invoice's PDF as the download route serves it: an issued tax invoice from storage when it was
 * rendered before from the same content and its bytes still match their hash, otherwise rendered
 * and stored (the first of concurrent requests wins, and all serve its bytes); a proforma rendered
 * every time. `view` must be the reader's own invoice (getInvoiceView checked it).
 */
export async function invoicePdfFile(
  view: InvoiceView,
  locale: string,
  store: StoredPdfStore = databasePdfStore(),
): Promise<{ bytes: Buffer; source: InvoicePdfSource }> {
  const resolved = toLocale(locale);
  if (!isStoredInvoicePdf(view)) return { bytes: await withRenderSlot(() => renderInvoicePdf(view, resolved)), source: "not-stored" };
  const key: StoredPdfKey = { invoiceId: view.id, locale: resolved };
  const fingerprint = invoicePdfFingerprint(view, resolved);
  const stored = await store.read(key);
  if (!stored) return { bytes: await renderAndStore(view, key, fingerprint, store, "keep"), source: "rendered" };
  const intact = sha256Hex(stored.bytes) === stored.sha256;
  if (intact && stored.fingerprint === fingerprint && stored.templateVersion === INVOICE_PDF_TEMPLATE_VERSION) {
    return { bytes: stored.bytes, source: "stored" };
  }
  if (!intact) {
    console.warn(`[stored-pdfs] invoice ${view.id} (${resolved}): the stored bytes do not match their sha256 ${stored.sha256}; rendering it again`);
  }
  return { bytes: await renderAndStore(view, key, fingerprint, store, "replace"), source: "rendered" };
}
