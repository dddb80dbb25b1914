import { z } from "zod";

/** The largest value of an `integer` identity column. */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * Route segments, query strings and form values are strings: only a plain positive integer in the
 * column's range can name a row. Anything else is null, so the caller answers "not found".
 */
export function parseRowId(value: string | undefined | null): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return isRowId(id) ? id : null;
}

export function isRowId(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_ROW_ID;
}

/** A form field naming one row: a plain positive integer, or `message` (a catalog key) next to the field. */
export function rowIdField(message = "errors.invalidValue") {
  return z.string().transform((value, context) => {
    const id = parseRowId(value);
    if (id === null) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return id;
  });
}
