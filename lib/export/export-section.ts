import type { ClientScope } from "@/lib/auth/scope";
import type { Locale } from "@/lib/i18n/locales";

/**
 * "Descargar mis datos" is assembled from one section per business area (lib/<area>/export-section.ts),
 * so a new area adds its own section instead of teaching the centre its tables. A section reads the
 * requester's rows with one statement per table (children through a join on their parent's client id),
 * lists its columns one by one (a secret added to a table later is not exported by accident), and runs
 * inside the caller's transaction, so every section sees the same instant.
 */
export type ExportRequester = {
  scope: ClientScope;
  contactId: number;
  /** The language texts rendered at read time (credit ledger descriptions) are written in; the account's by default. */
  locale?: Locale;
};

/** Groups child rows under their parent's id, keeping the order the query returned them in. */
export function groupBy<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** A child row without its parent's id, which the nesting already says. */
export function omit<Row extends object, Key extends keyof Row>(row: Row, key: Key): Omit<Row, Key> {
  const copy: Partial<Row> = { ...row };
  delete copy[key];
  return copy as Omit<Row, Key>;
}
