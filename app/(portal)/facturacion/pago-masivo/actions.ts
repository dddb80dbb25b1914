"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { startPayment } from "@/lib/billing/start-payment";
import { parseRowId } from "@/lib/row-id";

// Only ids travel from the browser; repeated ids are passed on as sent so the use case can refuse
// the whole selection, exactly as it must for any tampered one.
const selectionForm = z.object({
  invoiceIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, context) => {
      const raw = value === undefined ? [] : Array.isArray(value) ? value : [value];
      const ids = raw.map((item) => parseRowId(item));
      if (ids.some((id) => id === null)) {
        context.addIssue({ code: "custom", message: "errors.invalidValue" });
        return z.NEVER;
      }
      return ids as number[];
    }),
});

/** "Pagar la selección": one payment for every ticked invoice, the amount summed on the server. */
export const payInvoicesAction = userAction({ schema: selectionForm, permission: "invoices" }, async ({ invoiceIds }, user) => {
  const result = await startPayment(user, invoiceIds, { origin: "mass" });
  if (!result.ok) return { ok: false, error: result.error };
  redirect(result.redirectUrl);
});
