"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { applyCredit } from "@/lib/billing/apply-credit";
import { startPayment } from "@/lib/billing/start-payment";
import { rowIdField } from "@/lib/row-id";

const invoiceForm = z.object({ invoiceId: rowIdField() });

/** "Pagar ahora": the amount is what the server finds due; the browser only names the invoice. */
export const payInvoiceAction = userAction({ schema: invoiceForm, permission: "invoices" }, async ({ invoiceId }, user) => {
  const result = await startPayment(user, [invoiceId], { origin: "single" });
  if (!result.ok) return { ok: false, error: result.error };
  redirect(result.redirectUrl);
});

/** "Aplicar crédito": up to min(balance, due), decided inside the use case's locked transaction. */
export const applyCreditAction = userAction({ schema: invoiceForm, permission: "invoices" }, async ({ invoiceId }, user) => {
  const result = await applyCredit(user, invoiceId);
  if (!result.ok) return { ok: false, error: result.error };
  // The balance shows in the header on every page, so the whole portal is refreshed, not just this invoice.
  revalidatePath("/", "layout");
  redirect(`/facturacion/facturas/${invoiceId}?aviso=credito`);
});
