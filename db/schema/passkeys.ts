import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { bytea, createdAt } from "./columns";
import { clients } from "./clients";
import { contacts } from "./contacts";

/**
 * Passkeys (WebAuthn credentials) of a person who signs in. One passkey with user verification counts
 * as both factors: it opens a session without the password and without the two-step code.
 */
export const passkeys = pgTable(
  "passkeys",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    // Deleting a contact takes its passkeys with it.
    contactId: integer()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    /** The credential id as base64url, as the browser sends it back at sign-in. */
    credentialId: varchar({ length: 1400 }).notNull(),
    /** COSE public key. */
    publicKey: bytea().notNull(),
    /** The authenticator's signature counter (uint32); 0 for authenticators that do not count. */
    counter: bigint({ mode: "number" }).notNull().default(0),
    transports: text().array().$type<string[]>(),
    deviceName: varchar({ length: 60 }).notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.credentialId), index().on(t.contactId)],
);

/**
 * Challenges handed to the browser, one row each until spent: serverless functions keep no memory
 * between the options request and the answer, and deleting the row on use makes each challenge good
 * for one answer only.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    challenge: varchar({ length: 128 }).notNull(),
    /** "registration" (bound to the contact adding a passkey) or "authentication" (sign-in, nobody yet). */
    purpose: varchar({ length: 16 }).notNull(),
    contactId: integer().references(() => contacts.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.challenge), index().on(t.expiresAt)],
);
