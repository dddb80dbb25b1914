import { integer, pgTable, timestamp } from "drizzle-orm/pg-core";
import { staffUsers } from "./contacts";
import { kbCategories } from "./support";

/**
 * Knowledge-base categories staff have hidden: neither they nor their articles reach customers
 * (list, category page, article, search, suggestions, related) until shown again. A row of its own
 * rather than a column so hiding is added without touching kb_categories; showing deletes the row.
 */
export const kbHiddenCategories = pgTable("kb_hidden_categories", {
  categoryId: integer()
    .primaryKey()
    .references(() => kbCategories.id, { onDelete: "cascade" }),
  hiddenByStaffUserId: integer().references(() => staffUsers.id),
  hiddenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
