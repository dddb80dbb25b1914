import { z } from "zod";
import { rowIdField } from "@/lib/row-id";

/** Euros as staff type them ("25", "25,50", "25.50 €") into integer cents; a thousands separator is refused, not guessed. */
export function parseEuroCents(input: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(input.replace(/\s+/g, "").replace(/€$/, "").replace(/^€/, ""));
  if (!match) return null;
  const [, euros, decimals = ""] = match;
  return Number(euros) * 100 + Number(decimals.padEnd(2, "0"));
}

/** The most one manual entry may move: a typo of an extra zero should not reach the books. */
export const MAX_MANUAL_CENTS = 100_000_00;

const amount = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .transform((value, context) => {
    const cents = parseEuroCents(value);
    if (cents === null || cents <= 0) {
      context.addIssue({ code: "custom", message: "admin.errors.amountInvalid" });
      return z.NEVER;
    }
    if (cents > MAX_MANUAL_CENTS) {
      context.addIssue({ code: "custom", message: "admin.errors.amountTooLarge" });
      return z.NEVER;
    }
    return cents;
  });

const reason = z.string({ error: "admin.errors.reasonRequired" }).trim().min(1, "admin.errors.reasonRequired").max(300, "admin.errors.reasonTooLong");

export const creditForm = z.object({ clientId: rowIdField(), amount, reason });
export const chargeForm = z.object({ clientId: rowIdField(), amount, reason });
export const clientNoteForm = z.object({
  clientId: rowIdField(),
  note: z.string({ error: "admin.errors.noteRequired" }).trim().min(1, "admin.errors.noteRequired").max(5000, "errors.invalidValue"),
});
export const impersonateForm = z.object({ clientId: rowIdField() });
