import { index, integer, pgTable, text, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt } from "./columns";

/** Every email the portal sent, shown in "Correos electrónicos enviados" (walkthrough §3.4). */
export const sentEmails = pgTable(
  "sent_emails",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().references(() => clients.id),
    contactId: integer(),
    toAddress: varchar({ length: 254 }).notNull(),
    subject: varchar({ length: 300 }).notNull(),
    template: varchar({ length: 64 }).notNull(),
    html: text().notNull(),
    text: text().notNull(),
    provider: varchar({ length: 16 }).notNull(),
    providerMessageId: varchar({ length: 200 }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.createdAt)],
);
