import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { invoiceLines, invoices, payments, verifactuRecords, type InvoiceClientSnapshot, type InvoiceStatus } from "@/db/schema";
import { formatInvoiceNumber } from "@/lib/billing/invoice-number";
import type { DocumentLine } from "@/lib/billing/price-lines";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { isRowId } from "@/lib/row-id";
import { amountDueOf, displayStatusOf, type InvoiceDisplayStatus } from "../invoice-status";
import { companySettingsValue, issuerFrom, type InvoiceIssuer } from "./issuer";
import { taxBreakdownOf, type TaxBreakdownRow } from "./tax-breakdown";
import type { ClientScope } from "@/lib/auth/scope";
import { verificationUrl } from "@/lib/verifactu/verification-qr";

export type { InvoiceIssuer } from "./issuer";
export type { TaxBreakdownRow } from "./tax-breakdown";
export type { InvoiceDisplayStatus } from "../invoice-status";

export type InvoiceViewLine = DocumentLine;

export type InvoiceViewPayment = {
  date: Date;
  /** "stripe", "sandbox", "credit" (free text in the table: older rows may hold others). */
  gateway: string;
  reference: string | null;
  /** Negative for a refund. */
  amount: number;
};

/**
 * Everything the invoice page, its print view and its PDF show. Amounts are cents of `currency`.
 * Rendered by lib/pdf too: change it only together with the PDF.
 */
export type InvoiceView = {
  id: number;
  clientId: number;
  kind: string;
  status: InvoiceStatus;
  displayStatus: InvoiceDisplayStatus;
  /** Paid and numbered in its series: a tax invoice. Otherwise a proforma. */
  isTaxInvoice: boolean;
  /** "F2026-000123" once paid, null for a proforma. */
  number: string | null;
  proformaReference: string;
  issueDate: string;
  dueDate: string;
  paidAt: Date | null;
  currency: string;
  subtotal: number;
  taxTotal: number;
  total: number;
  amountPaid: number;
  /** 0 for paid, cancelled and refunded invoices. */
  amountDue: number;
  taxMention: string | null;
  notes: string | null;
  issuer: InvoiceIssuer;
  client: InvoiceClientSnapshot;
  lines: InvoiceViewLine[];
  taxBreakdown: TaxBreakdownRow[];
  payments: InvoiceViewPayment[];
  /** The AEAT check of an issued invoice (its VERI*FACTU QR), from its billing record; null for a proforma. */
  verificationUrl: string | null;
};

/**
 * One invoice of this client, or null when it is missing or another client's (the same answer).
 * Three statements whatever the number of lines or payments, sent side by side: each carries the
 * client id, so none relies on another having checked ownership first.
 */
export async function getInvoiceView(scope: ClientScope, invoiceId: number, executor?: Executor, options: { today?: string } = {}): Promise<InvoiceView | null> {
  const { clientId } = scope;
  if (!isRowId(invoiceId) || !isRowId(clientId)) return null;
  const db = executor ?? (await getDb());
  const [invoiceRows, lineRows, paymentRows] = await Promise.all([
    db
      .select({
        id: invoices.id,
        clientId: invoices.clientId,
        kind: invoices.kind,
        status: invoices.status,
        series: invoices.series,
        number: invoices.number,
        proformaReference: invoices.proformaReference,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        paidAt: invoices.paidAt,
        currency: invoices.currency,
        subtotal: invoices.subtotal,
        taxTotal: invoices.taxTotal,
        total: invoices.total,
        amountPaid: invoices.amountPaid,
        taxMention: invoices.taxMention,
        notes: invoices.notes,
        clientSnapshot: invoices.clientSnapshot,
        company: companySettingsValue,
        record: {
          issuerTaxId: verifactuRecords.issuerTaxId,
          invoiceNumber: verifactuRecords.invoiceNumber,
          issueDate: verifactuRecords.issueDate,
          total: verifactuRecords.total,
        },
      })
      .from(invoices)
      .leftJoin(verifactuRecords, eq(verifactuRecords.invoiceId, invoices.id))
      .where(and(eq(invoices.id, invoiceId), eq(invoices.clientId, clientId)))
      .limit(1),
    db
      .select({
        description: invoiceLines.description,
        quantity: invoiceLines.quantity,
        unitAmount: invoiceLines.unitAmount,
        taxRateBp: invoiceLines.taxRateBp,
        taxAmount: invoiceLines.taxAmount,
        lineSubtotal: invoiceLines.lineSubtotal,
      })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(and(eq(invoiceLines.invoiceId, invoiceId), eq(invoices.clientId, clientId)))
      .orderBy(asc(invoiceLines.sortOrder), asc(invoiceLines.id)),
    db
      .select({ date: payments.createdAt, gateway: payments.gateway, reference: payments.gatewayReference, amount: payments.amount })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoiceId), eq(payments.clientId, clientId)))
      .orderBy(asc(payments.createdAt), asc(payments.id)),
  ]);
  const row = invoiceRows[0];
  if (!row) return null;
  const today = options.today ?? madridToday();
  const isTaxInvoice = row.series !== null && row.number !== null;
  return {
    id: row.id,
    clientId: row.clientId,
    kind: row.kind,
    status: row.status,
    displayStatus: displayStatusOf(row.status, row.dueDate, today),
    isTaxInvoice,
    number: isTaxInvoice ? formatInvoiceNumber(row.series!, row.number!) : null,
    proformaReference: row.proformaReference,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    paidAt: row.paidAt,
    currency: row.currency,
    subtotal: row.subtotal,
    taxTotal: row.taxTotal,
    total: row.total,
    amountPaid: row.amountPaid,
    amountDue: amountDueOf(row),
    taxMention: row.taxMention,
    notes: row.notes,
    issuer: issuerFrom(row.company),
    client: row.clientSnapshot,
    lines: lineRows,
    taxBreakdown: taxBreakdownOf(lineRows),
    payments: paymentRows,
    verificationUrl: row.record ? verificationUrl(row.record) : null,
  };
}
