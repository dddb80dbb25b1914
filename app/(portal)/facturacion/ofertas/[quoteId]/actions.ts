"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { hasPermission } from "@/lib/auth/permissions";
import { acceptQuote } from "@/lib/billing/accept-quote";
import { rowIdField } from "@/lib/row-id";

/**
 * "Aceptar la oferta": one invoice from the quote's own lines. The customer lands on that invoice to
 * pay it, or back on the quote when this user may see quotes but not invoices.
 */
export const acceptQuoteAction = userAction({ schema: z.object({ quoteId: rowIdField() }), permission: "quotes" }, async ({ quoteId }, user) => {
  const result = await acceptQuote(user, quoteId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath("/", "layout");
  redirect(hasPermission(user, "invoices") ? `/facturacion/facturas/${result.invoiceId}?aviso=oferta` : `/facturacion/ofertas/${quoteId}?aviso=aceptada`);
});
