import { and, like, ne, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { slugify } from "./slug";

/**
 * A slug for a new row made from its title: the title's own if free, otherwise with -2, -3… added.
 * The unique index on the column still has the last word should two staff save the same title at once.
 */
export async function freeSlug(tx: Executor, table: PgTable & { id: PgColumn; slug: PgColumn }, title: string, fallback: string, exceptId?: number | null): Promise<string> {
  const base = slugify(title) || fallback;
  const conditions: (SQL | undefined)[] = [like(table.slug, `${base}%`), exceptId ? ne(table.id, exceptId) : undefined];
  const taken = new Set((await tx.select({ slug: table.slug }).from(table).where(and(...conditions))).map((row) => String(row.slug)));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
