import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { bytea, createdAt } from "./columns";

/** Files staff attached to a client ("Archivos adjuntos" on the dashboard). */
export const clientFiles = pgTable(
  "client_files",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    title: varchar({ length: 200 }).notNull(),
    fileName: varchar({ length: 255 }).notNull(),
    mimeType: varchar({ length: 100 }).notNull(),
    sizeBytes: integer().notNull(),
    data: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.createdAt)],
);
