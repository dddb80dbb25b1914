import { index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { staffUsers } from "./contacts";
import { tickets } from "./support";

/**
 * A signed-in staff browser. The cookie holds a random token; only its SHA-256 is stored, so a copy
 * of this table opens no session. Deleting the row signs the browser out at once.
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id),
    tokenHash: varchar({ length: 64 }).notNull(),
    ip: varchar({ length: 64 }),
    userAgent: varchar({ length: 300 }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.staffUserId)],
);

/**
 * Between the password and the code: single use, short-lived, hashed. For a member of staff without
 * two-factor yet it carries the new secret (sealed) that the first code confirms.
 */
export const staffSignInTokens = pgTable(
  "staff_sign_in_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id),
    tokenHash: varchar({ length: 64 }).notNull(),
    enrolSecret: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.staffUserId)],
);

/** Notes staff write on a ticket for each other: a table of their own, so no customer query can ever select them. */
export const ticketNotes = pgTable(
  "ticket_notes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id),
    message: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.ticketId, t.createdAt)],
);

/** "Respuestas predefinidas": texts staff insert into a reply. */
export const cannedReplies = pgTable("canned_replies", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  title: varchar({ length: 200 }).notNull(),
  body: text().notNull(),
  createdAt: createdAt(),
});
