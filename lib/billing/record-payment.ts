import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoices, payments } from "@/db/schema";
import { queueDomainOrderItems } from "@/lib/domains/orders/domain-order-items";
import { queueOrderProvisioning } from "@/lib/services/provision-queue";
import { BillingError } from "./billing-error";
import { addCreditEntry, lockClient } from "./credit";
import { formatInvoiceNumber, invoiceNumberOf, invoiceSeriesFor, takeNextInvoiceNumber } from "./invoice-number";
import { STATUSES_ACCEPTING_GATEWAY_MONEY } from "./invoice-status";
import { getCompanySettings } from "@/lib/settings/get-settings";
import { recordIssuedInvoice } from "@/lib/verifactu/record-issued-invoice";
import { madridToday } from "./today";

// bank_transfer and manual: money staff saw arrive and recorded from the staff area (lib/staff/billing).
export type PaymentGatewayName = "stripe" | "sandbox" | "credit" | "bank_transfer" | "manual";

export type RecordPaymentInput = {
  clientId: number;
  invoiceId: number;
  /** Cents received for this invoice; more than the amount due comes back as `excess`. */
  amount: number;
  currency: string;
  gateway: PaymentGatewayName;
  gatewayReference?: string | null;
  paymentAttemptId?: number | null;
};

export type RecordPaymentResult = {
  /** Cents put on the invoice (a payments row). */
  applied: number;
  /** amount - applied: the caller credits it to the client's ledger, so no money is ever lost. */
  excess: number;
  /** True when this payment completed the invoice: it is now a numbered tax invoice. */
  paidNow: boolean;
  /** The tax invoice number ("F2026-000123") when the invoice is (or already was) numbered. */
  invoiceNumber: string | null;
};

type InvoiceRow = typeof invoices.$inferSelect;

/**
 * Puts money on one invoice inside the caller's transaction. Locks the client row, then the invoice
 * (scoped by clientId: another client's invoice is "not found"). An invoice no longer payable (paid
 * meanwhile by another path, cancelled) takes nothing and the whole amount comes back as excess.
 * When the amount due reaches 0 the invoice is paid and takes the next number of its year's series.
 */
export async function recordPayment(tx: Transaction, input: RecordPaymentInput): Promise<RecordPaymentResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new BillingError("billing.errors.invalidAmount", `payment amount ${input.amount}`);
  if (!(await lockClient(tx, input.clientId))) throw new BillingError("billing.errors.invoiceNotFound", `client ${input.clientId}`);
  const invoice = await lockInvoice(tx, input.clientId, input.invoiceId);
  if (!invoice) throw new BillingError("billing.errors.invoiceNotFound", `invoice ${input.invoiceId} of client ${input.clientId}`);
  if (invoice.currency !== input.currency.toUpperCase()) {
    throw new BillingError("billing.errors.currencyMismatch", `invoice ${invoice.id} is in ${invoice.currency}, payment in ${input.currency}`);
  }

  const due = invoice.total - invoice.amountPaid;
  if (!STATUSES_ACCEPTING_GATEWAY_MONEY.includes(invoice.status) || due <= 0) {
    return { applied: 0, excess: input.amount, paidNow: false, invoiceNumber: invoiceNumberOf(invoice) };
  }

  const applied = Math.min(input.amount, due);
  await tx.insert(payments).values({
    clientId: input.clientId,
    invoiceId: invoice.id,
    gateway: input.gateway,
    gatewayReference: input.gatewayReference ?? null,
    paymentAttemptId: input.paymentAttemptId ?? null,
    amount: applied,
    currency: invoice.currency,
  });
  const amountPaid = invoice.amountPaid + applied;
  const excess = input.amount - applied;
  if (amountPaid < invoice.total) {
    await tx.update(invoices).set({ amountPaid }).where(eq(invoices.id, invoice.id));
    return { applied, excess, paidNow: false, invoiceNumber: null };
  }
  const invoiceNumber = await issuePaidInvoice(tx, { ...invoice, amountPaid });
  return { applied, excess, paidNow: true, invoiceNumber };
}

/** The invoice row, locked, only if it belongs to the client. */
export async function lockInvoice(tx: Transaction, clientId: number, invoiceId: number): Promise<InvoiceRow | null> {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.clientId, clientId)))
    .for("update");
  return invoice ?? null;
}

/**
 * Turns a fully paid proforma into a tax invoice: status, payment time and the series number, all
 * in the caller's transaction (the number comes back if it rolls back), with its Veri*Factu billing
 * record. Paying an add-funds invoice is what puts its amount on the credit ledger, paying an order's
 * invoice queues its services for provisioning. The invoice row must already be locked.
 */
export async function issuePaidInvoice(tx: Transaction, invoice: InvoiceRow): Promise<string> {
  const paidAt = new Date();
  const series = invoiceSeriesFor(paidAt);
  const number = await takeNextInvoiceNumber(tx, series);
  // The tax invoice is issued when its number is taken: its date is that day, so numbers and dates run in the same order.
  const issueDate = madridToday(paidAt);
  await tx
    .update(invoices)
    .set({ amountPaid: invoice.amountPaid, status: "paid", paidAt, issueDate, series, number })
    .where(eq(invoices.id, invoice.id));
  const formatted = formatInvoiceNumber(series, number);
  await recordIssuedInvoice(tx, {
    id: invoice.id,
    invoiceNumber: formatted,
    issueDate,
    taxTotal: invoice.taxTotal,
    total: invoice.total,
    currency: invoice.currency,
    clientTaxId: invoice.clientSnapshot.taxId,
  }, await getCompanySettings(tx));
  // An order's services are queued for the panel in this same transaction: once, however often the payment is reported.
  await queueOrderProvisioning(tx, invoice);
  // Its registrar orders (register, transfer, renew, ID protection) likewise: queued once, carried out after commit.
  await queueDomainOrderItems(tx, invoice);
  if (invoice.kind === "add_funds" && invoice.total > 0) {
    await addCreditEntry(tx, {
      clientId: invoice.clientId,
      amount: invoice.total,
      kind: "deposit",
      invoiceId: invoice.id,
      description: { key: "billing.creditLedger.addFunds", params: { invoiceNumber: formatted } },
    });
  }
  return formatted;
}

