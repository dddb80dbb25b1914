import { boolean, date, jsonb, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * The embedded registrar's own registry: what a real registry would hold for each name registered or
 * transferred through the sandbox. Kept apart from `domains` (the portal's view) so that the portal's
 * rule "save only what the registrar accepted" is tested against a registrar with state of its own.
 */
export const sandboxRegistryDomains = pgTable("sandbox_registry_domains", {
  name: varchar({ length: 253 }).primaryKey(),
  /** active | pending_transfer | expired (RegistryStatus). */
  status: varchar({ length: 20 }).notNull(),
  expiryDate: date({ mode: "string" }),
  locked: boolean().notNull().default(true),
  idProtection: boolean().notNull().default(false),
  nameservers: varchar({ length: 253 }).array().notNull(),
  /** DomainContacts; null until someone saves them (the sandbox then answers the client's own details). */
  contacts: jsonb(),
  eppCode: varchar({ length: 32 }).notNull(),
  /** PrivateNameserver[] (glue records under the name itself). */
  privateNameservers: jsonb().notNull().default([]),
  transferRequestedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
});
