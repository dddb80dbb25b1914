import type { Database } from "@/db/client";
import { unsafeClientScope } from "@/lib/auth/scope";
import { getCreditBalance } from "@/lib/billing/credit";
import { getInvoiceView } from "@/lib/billing/queries/invoice-view";
import { canCustomerPay } from "@/lib/billing/invoice-status";
import { getInvoiceSummary, listInvoices } from "@/lib/billing/queries/list-invoices";

// What the two pages read per request, mirrored from app/(portal)/facturacion/facturas/page.tsx and
// [invoiceId]/page.tsx (the session and the portal layout aside): keep in step with those pages.

export const LIST_PAGE_SIZE = 20;

/** "Mis facturas": one page of the list and the figures on top, side by side. */
export async function loadInvoiceListPage(db: Database, clientId: number, today: string, cursor?: string | null) {
  const scope = unsafeClientScope(clientId);
  const [page, summary] = await Promise.all([
    listInvoices(scope, { status: "all", sort: "issue_desc", cursor, limit: LIST_PAGE_SIZE, today, db }),
    getInvoiceSummary(scope, { today, db }),
  ]);
  return { page, summary };
}

/** One invoice: the view, then the credit balance when "Aplicar crédito" could be offered. */
export async function loadInvoicePage(db: Database, clientId: number, invoiceId: number, today: string) {
  const scope = unsafeClientScope(clientId);
  const view = await getInvoiceView(scope, invoiceId, db, { today });
  if (!view) throw new Error(`Invoice ${invoiceId} of client ${clientId} not found`);
  const payable = canCustomerPay(view);
  const credit = payable && view.kind !== "add_funds" ? await getCreditBalance(db, clientId) : 0;
  return { view, credit };
}
