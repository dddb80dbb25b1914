"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import type { StaffRole } from "@/lib/auth/scope";
import { staffAction } from "@/lib/staff/staff-action";
import { invoiceIdForm, manualPaymentForm, newInvoiceForm, refundToCreditForm, removeClientFileForm, uploadClientFileForm } from "@/lib/staff/billing/billing-forms";
import { cancelProforma, createStaffInvoice, recordManualPayment, refundToCredit, sendInvoiceEmail } from "@/lib/staff/billing/billing-writes";
import { removeClientFile, uploadClientFile } from "@/lib/staff/files/client-file-writes";
import { uploadsFrom } from "@/lib/support/ticket-attachments";

const context = async () => ({ ip: clientIp(await headers()) });

// Billing and files for clients are for billing staff (and admins, who may do everything): support gets 403.
const BILLING: readonly StaffRole[] = ["billing"];
// Any revalidatePath in an action refreshes the page it was sent from as well.
const revalidate = "/admin/facturacion";

export const recordManualPaymentAction = staffAction({ schema: manualPaymentForm, roles: BILLING, revalidate }, async (input, staff) =>
  recordManualPayment(staff, input, await context()),
);

export const cancelProformaAction = staffAction({ schema: invoiceIdForm, roles: BILLING, revalidate }, async (input, staff) => cancelProforma(staff, input, await context()));

export const refundToCreditAction = staffAction({ schema: refundToCreditForm, roles: BILLING, revalidate }, async (input, staff) =>
  refundToCredit(staff, input, await context()),
);

export const sendInvoiceEmailAction = staffAction({ schema: invoiceIdForm, roles: BILLING }, async (input, staff) => sendInvoiceEmail(staff, input, await context()));

export const createInvoiceAction = staffAction({ schema: newInvoiceForm, roles: BILLING, revalidate }, async (input, staff) =>
  createStaffInvoice(staff, input, await context()),
);

export const uploadClientFileAction = staffAction({ schema: uploadClientFileForm, roles: BILLING, revalidate }, async (input, staff, formData) =>
  uploadClientFile(staff, input, uploadsFrom(formData.getAll("file")), await context()),
);

export const removeClientFileAction = staffAction({ schema: removeClientFileForm, roles: BILLING, revalidate }, async (input, staff) =>
  removeClientFile(staff, input, await context()),
);
