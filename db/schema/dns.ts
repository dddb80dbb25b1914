import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { createdAt } from "./columns";
import { domains } from "./domains";

/**
 * The records the customer saved in "Gestión de DNS" (A, AAAA, CNAME, MX, TXT, SRV, CAA), as the
 * editor shows them: `host` relative to the domain ("@" for the domain itself), `content` the value
 * (an address, a host name, the text of a TXT, a CAA value). Written only after the DNS server
 * accepted the same set (lib/domains/dns/save-zone.ts), so it is what the zone holds.
 */
export const dnsRecords = pgTable(
  "dns_records",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    domainId: integer().notNull().references(() => domains.id),
    host: varchar({ length: 253 }).notNull(),
    type: varchar({ length: 16 }).notNull(),
    content: text().notNull(),
    ttl: integer().notNull().default(3600),
    /** MX and SRV. */
    priority: integer(),
    /** SRV. */
    weight: integer(),
    port: integer(),
    /** CAA: flags (0 or 128) and tag (issue, issuewild, iodef). */
    flags: integer(),
    tag: varchar({ length: 16 }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.domainId), index().on(t.clientId)],
);

export const REDIRECT_KINDS = ["redirect", "frame"] as const;
export type RedirectKind = (typeof REDIRECT_KINDS)[number];

/**
 * URL Redirect and URL Frame rows of the editor. The zone points `hostname` at the portal's own
 * address and the portal answers requests for it (app/api/redirect-host): 301 to `target`, or a page
 * framing it. Only a hostname listed here is ever answered, and only with the target its domain's
 * owner saved: a host not here gets 404 (no open redirect).
 */
export const dnsRedirects = pgTable(
  "dns_redirects",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    domainId: integer().notNull().references(() => domains.id),
    /** Relative to the domain, as the editor shows it ("@", "www"). */
    host: varchar({ length: 253 }).notNull(),
    /** The absolute name the Host header is matched against, lower-case ("www.example.com"). */
    hostname: varchar({ length: 253 }).notNull(),
    kind: varchar({ length: 10 }).$type<RedirectKind>().notNull(),
    target: varchar({ length: 2000 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.hostname), index().on(t.domainId), check("dns_redirects_kind", sql`${t.kind} in ('redirect', 'frame')`)],
);

/** alias@domain -> destination (walkthrough §5.2.8); the zone gets the forwarding service's MX records while any exist. */
export const emailForwards = pgTable(
  "email_forwards",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    domainId: integer().notNull().references(() => domains.id),
    localPart: varchar({ length: 64 }).notNull(),
    destination: varchar({ length: 254 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.domainId), uniqueIndex().on(t.domainId, t.localPart), index().on(t.clientId)],
);

/**
 * The sandbox DNS server's own zones (lib/dns/sandbox-dns.ts): what a real server would hold, kept
 * apart from dns_records (the portal's view) so "save only what the server accepted" is tested
 * against a server with state of its own.
 */
export const sandboxDnsZones = pgTable("sandbox_dns_zones", {
  name: varchar({ length: 253 }).primaryKey(),
  nameservers: varchar({ length: 253 }).array().notNull(),
  /** DnsRecord[] */
  records: jsonb().notNull().default([]),
  createdAt: createdAt(),
});
