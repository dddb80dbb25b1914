import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, invoices, quotes } from "@/db/schema";
import { formatInvoiceNumber } from "@/lib/billing/invoice-number";
import { getInvoiceView, type InvoiceView } from "@/lib/billing/queries/invoice-view";
import { madridToday } from "@/lib/billing/today";
import { sendEmail } from "@/lib/email/send-email";
import type { TemplateData, TemplateName } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { invoicePdfFileName, renderInvoicePdf } from "@/lib/pdf/render-invoice-pdf";
import { invoiceRecipients, type InvoiceRecipient } from "./billing-recipients";
import { unsafeClientScope } from "@/lib/auth/scope";

// Billing emails go out after the transaction that caused them has committed. They never throw: a
// mail provider outage must not turn a recorded payment or a created invoice into an error page.
// Each recipient is tried on its own, so one refused address does not silence the others.

/** How many messages the provider accepted and how many it refused (or could not be built). */
export type BillingEmailOutcome = { sent: number; failed: number };

const NOTHING_SENT: BillingEmailOutcome = { sent: 0, failed: 0 };

function portalUrl(path: string): string {
  return `${env.APP_BASE_URL.replace(/\/+$/, "")}${path}`;
}

export function invoiceUrl(invoiceId: number): string {
  return portalUrl(`/facturacion/facturas/${invoiceId}`);
}

export function quoteUrl(quoteId: number): string {
  return portalUrl(`/facturacion/ofertas/${quoteId}`);
}

/**
 * Deliberately unscoped (DESIGN.md: `unsafe...`): jobs and webhooks know only an invoice id, and
 * learn the client here; everything read afterwards is scoped by that client id.
 */
export async function unsafeFindInvoiceClientId(
  invoiceId: number,
  executor?: Executor,
): Promise<{ clientId: number; locale: Locale } | null> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .select({ clientId: invoices.clientId, language: clients.language })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  return row ? { clientId: row.clientId, locale: toLocale(row.language) } : null;
}

/** Deliberately unscoped, like unsafeFindInvoiceClientId: the quote and the invoice its acceptance created. */
async function unsafeFindAcceptedQuote(quoteId: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: quotes.id,
      clientId: quotes.clientId,
      reference: quotes.reference,
      subject: quotes.subject,
      total: quotes.total,
      currency: quotes.currency,
      language: clients.language,
      invoiceId: invoices.id,
      invoiceSeries: invoices.series,
      invoiceNumber: invoices.number,
      invoiceProforma: invoices.proformaReference,
    })
    .from(quotes)
    .innerJoin(clients, eq(clients.id, quotes.clientId))
    // Only an invoice of the quote's own client: a stray id on the quote never leaks another's reference.
    .leftJoin(invoices, and(eq(invoices.id, quotes.invoiceId), eq(invoices.clientId, quotes.clientId)))
    .where(eq(quotes.id, quoteId))
    .limit(1);
  if (!row) return null;
  const invoiceReference =
    row.invoiceSeries !== null && row.invoiceNumber !== null ? formatInvoiceNumber(row.invoiceSeries, row.invoiceNumber) : row.invoiceProforma;
  return { ...row, locale: toLocale(row.language), invoiceReference };
}

type LoadedInvoice = { view: InvoiceView; locale: Locale; recipients: InvoiceRecipient[] };

async function loadInvoice(invoiceId: number, today?: string): Promise<LoadedInvoice | null> {
  const owner = await unsafeFindInvoiceClientId(invoiceId);
  if (!owner) return null;
  const db = await getDb();
  const [view, recipients] = await Promise.all([
    getInvoiceView(unsafeClientScope(owner.clientId), invoiceId, db, today ? { today } : {}),
    invoiceRecipients(db, owner.clientId),
  ]);
  return view ? { view, locale: owner.locale, recipients } : null;
}

function referenceOf(view: InvoiceView): string {
  return view.number ?? view.proformaReference;
}

async function deliver<Name extends TemplateName>(
  template: Name,
  clientId: number,
  locale: Locale,
  recipients: InvoiceRecipient[],
  dataFor: (recipient: InvoiceRecipient) => TemplateData[Name],
  attachments?: { filename: string; content: Buffer }[],
): Promise<BillingEmailOutcome> {
  const outcome = { sent: 0, failed: 0 };
  for (const recipient of recipients) {
    try {
      await sendEmail(
        template,
        { email: recipient.email, name: recipient.name, clientId, contactId: recipient.contactId },
        dataFor(recipient),
        { locale, attachments },
      );
      outcome.sent += 1;
    } catch (error) {
      outcome.failed += 1;
      console.error(`[billing-email] ${template} to ${recipient.email} (client ${clientId}) failed:`, error);
    }
  }
  return outcome;
}

async function neverThrow(what: string, body: () => Promise<BillingEmailOutcome>): Promise<BillingEmailOutcome> {
  try {
    return await body();
  } catch (error) {
    console.error(`[billing-email] ${what} failed:`, error);
    return NOTHING_SENT;
  }
}

function missing(what: string): BillingEmailOutcome {
  console.error(`[billing-email] ${what}: not found, nothing sent.`);
  return NOTHING_SENT;
}

/** Whole days from `from` to `to` ('YYYY-MM-DD'), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "Nueva factura": after an invoice is created (order, renewal, quote, add funds). */
export function sendInvoiceCreatedEmail(invoiceId: number): Promise<BillingEmailOutcome> {
  return neverThrow(`invoice-created for invoice ${invoiceId}`, async () => {
    const loaded = await loadInvoice(invoiceId);
    if (!loaded) return missing(`invoice-created for invoice ${invoiceId}`);
    const { view, locale, recipients } = loaded;
    return deliver("invoice-created", view.clientId, locale, recipients, (recipient) => ({
      name: recipient.name,
      reference: referenceOf(view),
      issueDate: view.issueDate,
      dueDate: view.dueDate,
      total: view.total,
      amountDue: view.amountDue,
      currency: view.currency,
      paid: view.status === "paid",
      invoiceUrl: invoiceUrl(view.id),
    }));
  });
}

/** "Pago recibido", with the (now numbered) invoice as a PDF attachment. */
export function sendPaymentReceivedEmail(invoiceId: number): Promise<BillingEmailOutcome> {
  return neverThrow(`payment-received for invoice ${invoiceId}`, async () => {
    const loaded = await loadInvoice(invoiceId);
    if (!loaded) return missing(`payment-received for invoice ${invoiceId}`);
    const { view, locale, recipients } = loaded;
    let attachments: { filename: string; content: Buffer }[] | undefined;
    try {
      attachments = [{ filename: invoicePdfFileName(view), content: await renderInvoicePdf(view, locale) }];
    } catch (error) {
      // The confirmation still goes out; it then points to the download in the portal instead.
      console.error(`[billing-email] PDF of invoice ${invoiceId} could not be rendered:`, error);
    }
    return deliver(
      "payment-received",
      view.clientId,
      locale,
      recipients,
      (recipient) => ({
        name: recipient.name,
        reference: referenceOf(view),
        total: view.total,
        currency: view.currency,
        paidAt: view.paidAt,
        hasAttachment: attachments !== undefined,
        invoiceUrl: invoiceUrl(view.id),
      }),
      attachments,
    );
  });
}

/** Reminder before the due date of an unpaid invoice. */
export function sendInvoiceReminderEmail(invoiceId: number, options: { today?: string } = {}): Promise<BillingEmailOutcome> {
  return neverThrow(`invoice-reminder for invoice ${invoiceId}`, async () => {
    const today = options.today ?? madridToday();
    const loaded = await loadInvoice(invoiceId, today);
    if (!loaded) return missing(`invoice-reminder for invoice ${invoiceId}`);
    const { view, locale, recipients } = loaded;
    return deliver("invoice-reminder", view.clientId, locale, recipients, (recipient) => ({
      name: recipient.name,
      reference: referenceOf(view),
      dueDate: view.dueDate,
      daysLeft: Math.max(0, daysBetween(today, view.dueDate)),
      amountDue: view.amountDue,
      currency: view.currency,
      invoiceUrl: invoiceUrl(view.id),
    }));
  });
}

/** 1st, 2nd or 3rd notice for an unpaid invoice past its due date. */
export function sendOverdueNoticeEmail(invoiceId: number, level: 1 | 2 | 3, options: { today?: string } = {}): Promise<BillingEmailOutcome> {
  return neverThrow(`overdue-notice ${level} for invoice ${invoiceId}`, async () => {
    const today = options.today ?? madridToday();
    const loaded = await loadInvoice(invoiceId, today);
    if (!loaded) return missing(`overdue-notice for invoice ${invoiceId}`);
    const { view, locale, recipients } = loaded;
    return deliver("overdue-notice", view.clientId, locale, recipients, (recipient) => ({
      level,
      name: recipient.name,
      reference: referenceOf(view),
      dueDate: view.dueDate,
      daysOverdue: Math.max(0, daysBetween(view.dueDate, today)),
      amountDue: view.amountDue,
      currency: view.currency,
      invoiceUrl: invoiceUrl(view.id),
    }));
  });
}

/** Confirmation after a quote is accepted; the invoice it created gets its own "Nueva factura" email. */
export function sendQuoteAcceptedEmail(quoteId: number): Promise<BillingEmailOutcome> {
  return neverThrow(`quote-accepted for quote ${quoteId}`, async () => {
    const quote = await unsafeFindAcceptedQuote(quoteId);
    if (!quote) return missing(`quote-accepted for quote ${quoteId}`);
    const recipients = await invoiceRecipients(await getDb(), quote.clientId);
    return deliver("quote-accepted", quote.clientId, quote.locale, recipients, (recipient) => ({
      name: recipient.name,
      reference: quote.reference,
      subject: quote.subject,
      total: quote.total,
      currency: quote.currency,
      quoteUrl: quoteUrl(quote.id),
      invoiceReference: quote.invoiceReference,
      invoiceUrl: quote.invoiceId !== null && quote.invoiceReference !== null ? invoiceUrl(quote.invoiceId) : null,
    }));
  });
}
