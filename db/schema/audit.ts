import { index, integer, jsonb, pgTable, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt } from "./columns";

/** Who did what on an account, from which user and IP ("Registro de actividad"). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().references(() => clients.id),
    contactId: integer(),
    staffUserId: integer(),
    action: varchar({ length: 64 }).notNull(),
    details: jsonb().$type<Record<string, unknown>>(),
    ip: varchar({ length: 64 }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.createdAt)],
);
