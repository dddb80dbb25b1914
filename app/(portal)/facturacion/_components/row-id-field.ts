import { z } from "zod";
import { parseRowId } from "@/lib/billing/queries/ids";

/** A form field naming one row: a plain positive integer, or the generic "invalid value" message. */
export const rowIdField = z.string().transform((value, context) => {
  const id = parseRowId(value);
  if (id === null) {
    context.addIssue({ code: "custom", message: "errors.invalidValue" });
    return z.NEVER;
  }
  return id;
});
