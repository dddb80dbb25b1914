import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { kbHiddenCategories } from "@/db/schema";

/** "This category is not hidden by staff": every customer-side read of the knowledge base adds it. */
export function kbCategoryVisible(categoryId: PgColumn): SQL {
  return sql`not exists (select 1 from ${kbHiddenCategories} where ${kbHiddenCategories.categoryId} = ${categoryId})`;
}
