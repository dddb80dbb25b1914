import { z } from "zod";
import { rowIdField } from "@/lib/row-id";

/**
 * Euros as staff type them ("25", "25,50", "25.50 €") into integer cents, or null. A thousands
 * separator is refused rather than guessed ("1.000" could be one euro or a thousand).
 */
export function parseEuroCents(input: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(input.replace(/\s+/g, "").replace(/€$/, "").replace(/^€/, ""));
  if (!match) return null;
  const [, euros, decimals = ""] = match;
  return Number(euros) * 100 + Number(decimals.padEnd(2, "0"));
}

const positiveEuros = (message: string) =>
  z.string().transform((value, context) => {
    const cents = parseEuroCents(value);
    if (cents === null || cents <= 0) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return cents;
  });

export const manualPaymentForm = z.object({
  invoiceId: rowIdField(),
  amount: positiveEuros("admin.errors.billing.amountInvalid"),
  // The bank's reference of the transfer: with the invoice, what makes recording it twice impossible.
  reference: z.string().trim().min(3, "admin.errors.billing.referenceRequired").max(100, "admin.errors.billing.referenceRequired"),
  method: z.enum(["bank_transfer", "manual"], { message: "errors.invalidValue" }).default("bank_transfer"),
});

export const invoiceIdForm = z.object({ invoiceId: rowIdField() });

export const refundToCreditForm = z.object({
  invoiceId: rowIdField(),
  amount: positiveEuros("admin.errors.billing.amountInvalid"),
  reason: z.string().trim().min(3, "admin.errors.billing.reasonRequired").max(500, "admin.errors.billing.reasonRequired"),
});

const LINES = 5;

/** Up to five lines posted as description1/quantity1/unitAmount1 …; blank rows are ignored. */
export const newInvoiceForm = z
  .object({
    clientId: rowIdField(),
    // "invoice" (a proforma, emailed) or "quote" (an oferta in the customer's Ofertas, with a subject).
    document: z.enum(["invoice", "quote"], { message: "errors.invalidValue" }).default("invoice"),
    subject: z.string().trim().max(200, "errors.invalidValue").optional(),
    notes: z.string().trim().max(2000, "errors.invalidValue").optional(),
    ...Object.fromEntries(
      Array.from({ length: LINES }, (_, index) => index + 1).flatMap((n) => [
        [`description${n}`, z.string().trim().max(500, "errors.invalidValue").optional()],
        [`quantity${n}`, z.string().trim().optional()],
        [`unitAmount${n}`, z.string().trim().optional()],
      ]),
    ),
  })
  .transform((input, context) => {
    const values = input as unknown as Record<string, string | undefined>;
    const lines: { description: string; quantity: number; unitAmount: number }[] = [];
    for (let n = 1; n <= LINES; n++) {
      const description = values[`description${n}`] ?? "";
      const quantityText = values[`quantity${n}`] ?? "";
      const amountText = values[`unitAmount${n}`] ?? "";
      if (!description && !amountText) continue;
      if (!description) context.addIssue({ code: "custom", path: [`description${n}`], message: "admin.errors.billing.descriptionRequired" });
      const quantity = quantityText === "" ? 1 : /^\d{1,4}$/.test(quantityText) ? Number(quantityText) : 0;
      if (quantity < 1) context.addIssue({ code: "custom", path: [`quantity${n}`], message: "admin.errors.billing.quantityInvalid" });
      const unitAmount = parseEuroCents(amountText);
      if (unitAmount === null || unitAmount <= 0) context.addIssue({ code: "custom", path: [`unitAmount${n}`], message: "admin.errors.billing.amountInvalid" });
      lines.push({ description, quantity, unitAmount: unitAmount ?? 0 });
    }
    if (lines.length === 0) context.addIssue({ code: "custom", path: ["description1"], message: "admin.errors.billing.linesRequired" });
    if (input.document === "quote" && !input.subject) context.addIssue({ code: "custom", path: ["subject"], message: "admin.errors.billing.subjectRequired" });
    return { clientId: input.clientId, document: input.document, subject: input.subject ?? "", notes: input.notes || undefined, lines };
  });

export const uploadClientFileForm = z.object({
  clientId: rowIdField(),
  title: z.string().trim().min(1, "admin.errors.files.titleRequired").max(200, "admin.errors.files.titleRequired"),
});

export const removeClientFileForm = z.object({ fileId: rowIdField() });
