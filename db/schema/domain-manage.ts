import { index, integer, jsonb, pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import type { DomainContacts } from "@/lib/registrar/registrar";
import { clients } from "./clients";
import { createdAt, updatedAt } from "./columns";
import { domains } from "./domains";

/**
 * The WHOIS contacts (registrant, admin, tech) the registrar last accepted for a domain (walkthrough
 * §5.2.5). No row yet: nobody has changed them through the portal, and the registrar's are shown.
 */
export const domainContacts = pgTable("domain_contacts", {
  domainId: integer()
    .primaryKey()
    .references(() => domains.id),
  clientId: integer()
    .notNull()
    .references(() => clients.id),
  contacts: jsonb().$type<DomainContacts>().notNull(),
  updatedAt: updatedAt(),
});

/** Private name servers (glue records) the registrar accepted under a domain (walkthrough §5.2.6). */
export const domainPrivateNameservers = pgTable(
  "domain_private_nameservers",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    domainId: integer()
      .notNull()
      .references(() => domains.id),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    host: varchar({ length: 253 }).notNull(),
    ipv4: text().array().notNull(),
    ipv6: text().array().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex().on(t.domainId, t.host), index().on(t.clientId)],
);
