"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { createAddFundsInvoice } from "@/lib/billing/add-funds";
import { startPayment } from "@/lib/billing/start-payment";
import { parseEuroAmount } from "./parse-amount";

const addFundsForm = z.object({ amount: z.string().optional() });

/**
 * "Añadir fondos": an add-funds invoice for the amount, then straight to its payment. If the payment
 * cannot start, the invoice already exists: the customer lands on it and can pay it from there.
 */
export const addFundsAction = userAction({ schema: addFundsForm, permission: "invoices" }, async ({ amount }, user) => {
  const cents = parseEuroAmount(amount ?? "");
  if (cents === null || cents <= 0) {
    return { ok: false, error: "errors.checkFields", fieldErrors: { amount: amount?.trim() ? "billing.addFunds.amountInvalid" : "errors.required" } };
  }
  const created = await createAddFundsInvoice(user, cents);
  if (!created.ok) return "fieldErrors" in created ? { ok: false, error: created.error, fieldErrors: created.fieldErrors } : { ok: false, error: created.error };
  const payment = await startPayment(user, [created.invoiceId], { origin: "single" });
  redirect(payment.ok ? payment.redirectUrl : `/facturacion/facturas/${created.invoiceId}?aviso=fondos`);
});
