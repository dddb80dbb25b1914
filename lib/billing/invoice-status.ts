import type { InvoiceStatus } from "@/db/schema";

// Every rule about which invoice statuses belong together lives here, each under a name that says
// what it is for; pages, queries and use cases import these instead of listing statuses themselves.

/** What the customer sees: an unpaid invoice past its due date (Madrid calendar) is "overdue". */
export type InvoiceDisplayStatus = "paid" | "unpaid" | "overdue" | "cancelled" | "refunded" | "collections" | "payment_pending";

/** Money still owed: counted in the balance due. "collections" is a debt handed to collection, still owed. */
export const OUTSTANDING_STATUSES: readonly InvoiceStatus[] = ["unpaid", "payment_pending", "collections"];

/**
 * "Sin pagar" wherever the customer reads it (the invoice list filter, the dashboard card, the
 * header notice, the add-funds cap): waiting for the customer's payment or for the gateway to
 * confirm one. Collections is shown as its own status, not as unpaid.
 */
export const UNPAID_STATUSES: readonly InvoiceStatus[] = ["unpaid", "payment_pending"];

/**
 * Where the customer may START a payment ("Pagar ahora", mass payment, applying credit).
 * payment_pending is left out: a payment for it is already on its way, and a second one would
 * only turn into credit.
 */
export const CUSTOMER_PAYABLE_STATUSES: readonly InvoiceStatus[] = ["unpaid", "collections"];

/**
 * Where money that ARRIVES is put on the invoice (a gateway payment confirmed, or credit a customer
 * payment already vetted): anything still owed, payment_pending included, since that is exactly
 * the invoice whose money is on its way. Anything else sends the money on as excess, to credit.
 */
export const STATUSES_ACCEPTING_GATEWAY_MONEY: readonly InvoiceStatus[] = OUTSTANDING_STATUSES;

type PayableFacts = { status: InvoiceStatus; total: number; amountPaid: number };

/** The one answer to "may the customer pay this now?", asked by the invoice page and by every payment action alike. */
export function canCustomerPay(invoice: PayableFacts): boolean {
  return CUSTOMER_PAYABLE_STATUSES.includes(invoice.status) && invoice.total - invoice.amountPaid > 0;
}

/**
 * Why the customer may not start paying this invoice, or null when canCustomerPay says yes; checkout
 * and "Aplicar crédito" both refuse with it, so they refuse the same invoices with the same words.
 */
export function customerPaymentRefusal(
  invoice: PayableFacts,
): "billing.errors.alreadyPaid" | "billing.errors.paymentPending" | "billing.errors.notPayable" | null {
  if (canCustomerPay(invoice)) return null;
  if (invoice.status === "payment_pending") return "billing.errors.paymentPending";
  if (invoice.status === "paid" || CUSTOMER_PAYABLE_STATUSES.includes(invoice.status)) return "billing.errors.alreadyPaid";
  return "billing.errors.notPayable";
}

/** Credit paying for an add-funds invoice would only move money in a circle. */
export function canPayWithCredit(invoice: PayableFacts & { kind: string }): boolean {
  return canCustomerPay(invoice) && invoice.kind !== "add_funds";
}

export function displayStatusOf(status: InvoiceStatus, dueDate: string, today: string): InvoiceDisplayStatus {
  if (status === "unpaid" && dueDate < today) return "overdue";
  return status;
}

/** A cancelled or refunded invoice owes nothing, whatever its amounts say after a refund. */
export function amountDueOf(invoice: { status: InvoiceStatus; total: number; amountPaid: number }): number {
  if (invoice.status === "cancelled" || invoice.status === "refunded" || invoice.status === "paid") return 0;
  return Math.max(0, invoice.total - invoice.amountPaid);
}
