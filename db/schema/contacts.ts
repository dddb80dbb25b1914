import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt, updatedAt } from "./columns";

export const PERMISSIONS = [
  "profile",
  "contacts",
  "products",
  "manageproducts",
  "productsso",
  "domains",
  "managedomains",
  "invoices",
  "quotes",
  "tickets",
  "emails",
  "orders",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type EmailPreferences = {
  general: boolean;
  invoices: boolean;
  support: boolean;
  products: boolean;
  domains: boolean;
};

/**
 * People of a client account. The owner is the contact with isOwner; a sub-account is a contact with
 * hasAccess and a list of permissions; other contacts only receive the emails their preferences ask for.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    isOwner: boolean().notNull().default(false),
    hasAccess: boolean().notNull().default(false),
    firstName: varchar({ length: 100 }).notNull(),
    lastName: varchar({ length: 100 }).notNull(),
    companyName: varchar({ length: 200 }),
    /** Stored lower-case; unique among contacts that can sign in. */
    email: varchar({ length: 254 }).notNull(),
    phone: varchar({ length: 32 }),
    address1: varchar({ length: 200 }),
    city: varchar({ length: 100 }),
    province: varchar({ length: 100 }),
    postcode: varchar({ length: 16 }),
    country: varchar({ length: 2 }),
    permissions: text().array().$type<Permission[]>().notNull().default(sql`'{}'::text[]`),
    emailPreferences: jsonb()
      .$type<EmailPreferences>()
      .notNull()
      .default({ general: true, invoices: false, support: false, products: false, domains: false }),
    passwordHash: text(),
    /** Bumped on password change or "sign out everywhere": JWTs carrying an older version are rejected. */
    sessionVersion: integer().notNull().default(1),
    securityQuestion: varchar({ length: 64 }),
    securityAnswerHash: text(),
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: integer(),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.clientId),
    uniqueIndex("contacts_login_email_unique").on(t.email).where(sql`has_access`),
  ],
);

export const totpBackupCodes = pgTable(
  "totp_backup_codes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    contactId: integer().notNull().references(() => contacts.id),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.contactId)],
);

/** Single-use links: password reset, sub-account invitation, email change. Only the SHA-256 of the token is kept. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    contactId: integer().notNull().references(() => contacts.id),
    purpose: varchar({ length: 24 }).notNull(),
    tokenHash: varchar({ length: 64 }).notNull(),
    payload: jsonb().$type<Record<string, string>>(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    requestedIp: varchar({ length: 64 }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.contactId, t.purpose)],
);

/** Signed-in devices, shown in "Sesiones activas"; the JWT carries the id. */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    contactId: integer().notNull().references(() => contacts.id),
    userAgent: text(),
    ip: varchar({ length: 64 }),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.contactId, t.lastSeenAt)],
);

/** Attempts counted for throttling sign-in and password reset; lives in the database so it works across serverless instances. */
export const rateLimitEvents = pgTable(
  "rate_limit_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    key: varchar({ length: 300 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.key, t.createdAt)],
);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: varchar({ length: 254 }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    role: varchar({ length: 16 }).notNull().default("support"),
    passwordHash: text(),
    /** Sealed with lib/auth/secret-box; staff sign-in refuses to open a session without it (enrolment on first sign-in). */
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
    totpLastStep: integer(),
    /** A disabled member of staff cannot sign in, and open staff sessions stop working. */
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.email)],
);
