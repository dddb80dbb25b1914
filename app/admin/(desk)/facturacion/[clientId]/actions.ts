"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import type { StaffRole } from "@/lib/auth/scope";
import { staffAction } from "@/lib/staff/staff-action";
import { invoiceIdForm, manualPaymentForm, newInvoiceForm, refundToCreditForm, removeClientFileForm, uploadClientFileForm } from "@/lib/staff/billing/billing-forms";
import { cancelProforma, createStaffInvoice, recordManualPayment, refundToCredit, sendInvoiceEmail } from "@/lib/staff/billing/billing-writes";
import { createStaffQuote } from "@/lib/staff/billing/create-quote";
import { removeClientFile, uploadClientFile } from "@/lib/staff/files/client-file-writes";
import { uploadsFrom } from "@/lib/support/ticket-attachments";

const context = async () => ({ ip: clientIp(await headers()) });

// Billing and files for clients are for billing staff (and admins, who may do everything): support gets 403.
const BILLING: readonly StaffRole[] = ["billing"];
// A write changes the client's page and the invoice's page alike: every page under /admin/facturacion is refreshed.
function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath("/admin/facturacion", "layout");
  return result;
}

export const recordManualPaymentAction = staffAction({ schema: manualPaymentForm, roles: BILLING }, async (input, staff) =>
  refreshed(await recordManualPayment(staff, input, await context())),
);

export const cancelProformaAction = staffAction({ schema: invoiceIdForm, roles: BILLING }, async (input, staff) =>
  refreshed(await cancelProforma(staff, input, await context())),
);

export const refundToCreditAction = staffAction({ schema: refundToCreditForm, roles: BILLING }, async (input, staff) =>
  refreshed(await refundToCredit(staff, input, await context())),
);

export const sendInvoiceEmailAction = staffAction({ schema: invoiceIdForm, roles: BILLING }, async (input, staff) => sendInvoiceEmail(staff, input, await context()));

/** One form for both documents: a proforma invoice (emailed to the client) or a quote. */
export const createInvoiceAction = staffAction({ schema: newInvoiceForm, roles: BILLING }, async (input, staff): Promise<ActionResult<{ invoiceId?: number; quoteId?: number }>> =>
  refreshed<{ invoiceId?: number; quoteId?: number }>(
    input.document === "quote"
      ? await createStaffQuote(staff, { clientId: input.clientId, subject: input.subject, lines: input.lines, notes: input.notes }, await context())
      : await createStaffInvoice(staff, { clientId: input.clientId, lines: input.lines, notes: input.notes }, await context()),
  ),
);

export const uploadClientFileAction = staffAction({ schema: uploadClientFileForm, roles: BILLING }, async (input, staff, formData) =>
  refreshed(await uploadClientFile(staff, input, uploadsFrom(formData.getAll("file")), await context())),
);

export const removeClientFileAction = staffAction({ schema: removeClientFileForm, roles: BILLING }, async (input, staff) =>
  refreshed(await removeClientFile(staff, input, await context())),
);
