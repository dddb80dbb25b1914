import type { InvoiceStatus } from "@/db/schema";

/** What the customer sees: an unpaid invoice past its due date (Madrid calendar) is "overdue". */
export type InvoiceDisplayStatus = "paid" | "unpaid" | "overdue" | "cancelled" | "refunded" | "collections" | "payment_pending";

/** Money still owed: counted in the balance due. */
export const OUTSTANDING_STATUSES: InvoiceStatus[] = ["unpaid", "payment_pending", "collections"];

/**
 * What "Pagar ahora" and mass payment offer. payment_pending is left out: a payment for it is
 * already on its way, and a second one would only turn into credit.
 */
export const PAYABLE_STATUSES: InvoiceStatus[] = ["unpaid", "collections"];

/** The "Sin pagar" filter: everything waiting for the customer's payment, overdue ones included. */
export const UNPAID_FILTER_STATUSES: InvoiceStatus[] = ["unpaid", "payment_pending"];

export function displayStatusOf(status: InvoiceStatus, dueDate: string, today: string): InvoiceDisplayStatus {
  if (status === "unpaid" && dueDate < today) return "overdue";
  return status;
}

/** A cancelled or refunded invoice owes nothing, whatever its amounts say after a refund. */
export function amountDueOf(invoice: { status: InvoiceStatus; total: number; amountPaid: number }): number {
  if (invoice.status === "cancelled" || invoice.status === "refunded" || invoice.status === "paid") return 0;
  return Math.max(0, invoice.total - invoice.amountPaid);
}
