"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { parseRowId } from "@/lib/row-id";
import { completeSandboxPayment, declineSandboxPayment } from "@/lib/payments/sandbox-payment";
import { resultHref } from "../links";

// Only the attempt id is read from the form: the amount is the attempt's own, never the browser's.
const schema = z.object({
  attemptId: z.string().transform((raw, context) => {
    const id = parseRowId(raw);
    if (id === null) {
      context.addIssue({ code: "custom", message: "payments.errors.attemptNotFound" });
      return z.NEVER;
    }
    return id;
  }),
});

export const approveSandboxPaymentAction = userAction({ schema, permission: "invoices" }, async ({ attemptId }, user) => {
  const result = await completeSandboxPayment(user, attemptId);
  if (!result.ok) return result;
  // Invoices, balance and notifications all change with a payment.
  revalidatePath("/", "layout");
  redirect(resultHref(result.attemptId));
});

export const declineSandboxPaymentAction = userAction({ schema, permission: "invoices" }, async ({ attemptId }, user) => {
  const result = await declineSandboxPayment(user, attemptId);
  if (!result.ok) return result;
  redirect(resultHref(result.attemptId));
});
