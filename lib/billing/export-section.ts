import { and, asc, eq, notInArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients, creditLedgerEntries, invoiceLines, invoices, payments, quoteLines, quotes } from "@/db/schema";
import { groupBy, omit, type ExportRequester } from "@/lib/export/export-section";
import { translatorFor } from "@/lib/i18n/translator";
import { renderCreditEntryDescription } from "./credit-entry-description";
import { formatInvoiceNumber } from "./invoice-number";
import { HIDDEN_QUOTE_STAGES } from "./queries/quote-status";

/** Invoices with their lines and payments, quotes with their lines, and the credit ledger with its balances. */
export async function exportBilling(executor: Executor, { scope: { clientId }, locale }: ExportRequester) {
  const [invoiceRows, invoiceLineRows, paymentRows, quoteRows, quoteLineRows, creditRows] = await Promise.all([
    executor
      .select({
        id: invoices.id,
        series: invoices.series,
        number: invoices.number,
        proformaReference: invoices.proformaReference,
        status: invoices.status,
        kind: invoices.kind,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        paidAt: invoices.paidAt,
        currency: invoices.currency,
        subtotal: invoices.subtotal,
        taxTotal: invoices.taxTotal,
        total: invoices.total,
        amountPaid: invoices.amountPaid,
        billedTo: invoices.clientSnapshot,
        taxMention: invoices.taxMention,
        notes: invoices.notes,
        createdAt: invoices.createdAt,
      })
      .from(invoices)
      .where(eq(invoices.clientId, clientId))
      .orderBy(asc(invoices.issueDate), asc(invoices.id)),
    executor
      .select({
        invoiceId: invoiceLines.invoiceId,
        description: invoiceLines.description,
        quantity: invoiceLines.quantity,
        unitAmount: invoiceLines.unitAmount,
        taxRateBp: invoiceLines.taxRateBp,
        taxAmount: invoiceLines.taxAmount,
        lineSubtotal: invoiceLines.lineSubtotal,
        serviceId: invoiceLines.serviceId,
        domainId: invoiceLines.domainId,
        periodStart: invoiceLines.periodStart,
        periodEnd: invoiceLines.periodEnd,
      })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(eq(invoices.clientId, clientId))
      .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.sortOrder), asc(invoiceLines.id)),
    executor
      .select({
        invoiceId: payments.invoiceId,
        gateway: payments.gateway,
        gatewayReference: payments.gatewayReference,
        amount: payments.amount,
        currency: payments.currency,
        createdAt: payments.createdAt,
      })
      .from(payments)
      .where(eq(payments.clientId, clientId))
      .orderBy(asc(payments.createdAt), asc(payments.id)),
    // Drafts are the company's work in progress: the portal never shows them, nor does the export.
    executor
      .select({
        id: quotes.id,
        reference: quotes.reference,
        subject: quotes.subject,
        stage: quotes.stage,
        issueDate: quotes.issueDate,
        validUntil: quotes.validUntil,
        currency: quotes.currency,
        subtotal: quotes.subtotal,
        taxTotal: quotes.taxTotal,
        total: quotes.total,
        acceptedAt: quotes.acceptedAt,
        invoiceId: quotes.invoiceId,
        notes: quotes.notes,
        createdAt: quotes.createdAt,
      })
      .from(quotes)
      .where(and(eq(quotes.clientId, clientId), notInArray(quotes.stage, HIDDEN_QUOTE_STAGES)))
      .orderBy(asc(quotes.issueDate), asc(quotes.id)),
    executor
      .select({
        quoteId: quoteLines.quoteId,
        description: quoteLines.description,
        quantity: quoteLines.quantity,
        unitAmount: quoteLines.unitAmount,
        taxRateBp: quoteLines.taxRateBp,
        taxAmount: quoteLines.taxAmount,
        lineSubtotal: quoteLines.lineSubtotal,
      })
      .from(quoteLines)
      .innerJoin(quotes, eq(quotes.id, quoteLines.quoteId))
      .where(and(eq(quotes.clientId, clientId), notInArray(quotes.stage, HIDDEN_QUOTE_STAGES)))
      .orderBy(asc(quoteLines.quoteId), asc(quoteLines.sortOrder), asc(quoteLines.id)),
    executor
      .select({
        amount: creditLedgerEntries.amount,
        currency: creditLedgerEntries.currency,
        kind: creditLedgerEntries.kind,
        invoiceId: creditLedgerEntries.invoiceId,
        paymentAttemptId: creditLedgerEntries.paymentAttemptId,
        descriptionKey: creditLedgerEntries.descriptionKey,
        descriptionParams: creditLedgerEntries.descriptionParams,
        description: creditLedgerEntries.description,
        createdAt: creditLedgerEntries.createdAt,
        // Descriptions are rendered in the reader's language, the account's when none was asked for.
        accountLanguage: clients.language,
      })
      .from(creditLedgerEntries)
      .innerJoin(clients, eq(clients.id, creditLedgerEntries.clientId))
      .where(eq(creditLedgerEntries.clientId, clientId))
      .orderBy(asc(creditLedgerEntries.createdAt), asc(creditLedgerEntries.id)),
  ]);
  const linesByInvoice = groupBy(invoiceLineRows, (row) => row.invoiceId);
  const paymentsByInvoice = groupBy(paymentRows, (row) => row.invoiceId);
  const linesByQuote = groupBy(quoteLineRows, (row) => row.quoteId);
  const balances = new Map<string, number>();
  for (const entry of creditRows) balances.set(entry.currency, (balances.get(entry.currency) ?? 0) + entry.amount);
  return {
    invoices: invoiceRows.map(({ id, series, number, ...invoice }) => ({
      id,
      number: series !== null && number !== null ? formatInvoiceNumber(series, number) : null,
      ...invoice,
      lines: (linesByInvoice.get(id) ?? []).map((line) => omit(line, "invoiceId")),
      payments: (paymentsByInvoice.get(id) ?? []).map((payment) => omit(payment, "invoiceId")),
    })),
    quotes: quoteRows.map((quote) => ({
      ...quote,
      lines: (linesByQuote.get(quote.id) ?? []).map((line) => omit(line, "quoteId")),
    })),
    credit: {
      balances: [...balances].map(([currency, amount]) => ({ currency, amount })),
      entries: creditRows.map(({ descriptionKey, descriptionParams, description, accountLanguage, ...entry }) => ({
        ...entry,
        description: renderCreditEntryDescription(translatorFor(locale ?? accountLanguage), { descriptionKey, descriptionParams, description }),
      })),
    },
  };
}
