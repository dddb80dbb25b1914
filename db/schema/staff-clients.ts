import { index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt } from "./columns";
import { contacts, staffUsers, userSessions } from "./contacts";
import { staffSessions } from "./staff";

/** What staff write about a client for each other (staff area only: no customer query reads this table). */
export const clientNotes = pgTable(
  "client_notes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.createdAt)],
);

/**
 * "Acceder como cliente": a member of staff opening the portal as a client's owner contact. Created by
 * the staff action with a single-use grant (only its hash kept, a minute to use it); signing in with
 * the grant fills userSessionId. The row hangs on the staff session (cascade): when the staff member
 * signs out, the impersonation row goes, and the customer session built on it stops counting.
 */
export const impersonations = pgTable(
  "impersonations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id),
    staffSessionId: integer()
      .notNull()
      .references(() => staffSessions.id, { onDelete: "cascade" }),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    contactId: integer()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    grantTokenHash: varchar({ length: 64 }),
    grantExpiresAt: timestamp({ withTimezone: true }).notNull(),
    userSessionId: integer().references(() => userSessions.id, { onDelete: "set null" }),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.grantTokenHash), uniqueIndex().on(t.userSessionId), index().on(t.staffSessionId)],
);
