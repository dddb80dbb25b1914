import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { bytea, createdAt } from "./columns";
import { domains } from "./domains";
import type { Permission } from "./contacts";
import { products } from "./products";
import { contacts, staffUsers } from "./contacts";
import { servers, services } from "./services";

export const TICKET_STATUSES = ["open", "answered", "customer_reply", "on_hold", "in_progress", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ticketDepartments = pgTable("ticket_departments", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: varchar({ length: 100 }).notNull(),
  description: text(),
  email: varchar({ length: 254 }),
  hidden: boolean().notNull().default(false),
  /** A sub-account needs this permission too to open a ticket here (e.g. Facturación: "invoices"). */
  permission: varchar({ length: 32 }).$type<Permission>(),
  sortOrder: integer().notNull().default(0),
});

export const tickets = pgTable(
  "tickets",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    contactId: integer().references(() => contacts.id),
    departmentId: integer().notNull().references(() => ticketDepartments.id),
    serviceId: integer().references(() => services.id),
    domainId: integer().references(() => domains.id),
    /** Public reference shown to the customer, e.g. "482913". */
    reference: varchar({ length: 16 }).notNull(),
    subject: varchar({ length: 200 }).notNull(),
    status: varchar({ length: 16 }).$type<TicketStatus>().notNull().default("open"),
    priority: varchar({ length: 8 }).notNull().default("medium"),
    /** The member of staff handling it (staff desk); null: the department's queue. */
    assignedStaffUserId: integer().references(() => staffUsers.id),
    /** Set when staff merged this ticket into another: its messages moved there, it stays closed. */
    mergedIntoTicketId: integer(),
    lastReplyAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.clientId, t.status, t.lastReplyAt),
    index().on(t.clientId, t.lastReplyAt),
    uniqueIndex().on(t.reference),
    // The staff desk's queue: by department and status, latest activity first.
    index().on(t.departmentId, t.status, t.lastReplyAt),
    index().on(t.status, t.lastReplyAt),
  ],
);

export const ticketReplies = pgTable(
  "ticket_replies",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer().notNull().references(() => tickets.id),
    contactId: integer().references(() => contacts.id),
    staffUserId: integer().references(() => staffUsers.id),
    authorName: varchar({ length: 200 }).notNull(),
    message: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.ticketId, t.createdAt)],
);

export const ticketAttachments = pgTable(
  "ticket_attachments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer().notNull().references(() => clients.id),
    ticketId: integer().notNull().references(() => tickets.id),
    replyId: integer().references(() => ticketReplies.id),
    /** Generated name; the customer's file name is only ever shown, never used on disk. */
    storedName: varchar({ length: 64 }).notNull(),
    originalName: varchar({ length: 255 }).notNull(),
    mimeType: varchar({ length: 100 }).notNull(),
    sizeBytes: integer().notNull(),
    data: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.ticketId)],
);

export const announcements = pgTable(
  "announcements",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    title: varchar({ length: 200 }).notNull(),
    slug: varchar({ length: 200 }).notNull(),
    summary: text(),
    body: text().notNull(),
    published: boolean().notNull().default(true),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.published, t.publishedAt), uniqueIndex().on(t.slug)],
);

export const kbCategories = pgTable("kb_categories", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  parentId: integer(),
  name: varchar({ length: 200 }).notNull(),
  slug: varchar({ length: 200 }).notNull().unique(),
  description: text(),
  sortOrder: integer().notNull().default(0),
});

export const kbArticles = pgTable(
  "kb_articles",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    categoryId: integer().notNull().references(() => kbCategories.id),
    title: varchar({ length: 200 }).notNull(),
    slug: varchar({ length: 200 }).notNull(),
    body: text().notNull(),
    views: integer().notNull().default(0),
    helpfulYes: integer().notNull().default(0),
    helpfulNo: integer().notNull().default(0),
    published: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.categoryId),
    uniqueIndex().on(t.slug),
    // Full-text search in Spanish, the title weighing more than the body; queries must use kbSearchDocument.
    index("kb_articles_search").using("gin", sql`(setweight(to_tsvector('spanish', ${t.title}), 'A') || setweight(to_tsvector('spanish', ${t.body}), 'B'))`),
  ],
);

/** "¿Fue útil la respuesta?": one answer per voter (a contact, or a signed-out visitor's cookie id, hashed). */
export const kbArticleVotes = pgTable(
  "kb_article_votes",
  {
    articleId: integer()
      .notNull()
      .references(() => kbArticles.id),
    voterKey: varchar({ length: 64 }).notNull(),
    helpful: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.voterKey] })],
);

export const downloadCategories = pgTable("download_categories", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: varchar({ length: 200 }).notNull(),
  description: text(),
  sortOrder: integer().notNull().default(0),
});

export const downloads = pgTable(
  "downloads",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    categoryId: integer().notNull().references(() => downloadCategories.id),
    title: varchar({ length: 200 }).notNull(),
    description: text(),
    fileName: varchar({ length: 255 }).notNull(),
    mimeType: varchar({ length: 100 }).notNull(),
    sizeBytes: integer().notNull(),
    data: bytea().notNull(),
    /** Only for clients with an active product. */
    clientsOnly: boolean().notNull().default(false),
    /** Only for clients with an active service of this product. */
    requiredProductId: integer().references(() => products.id),
    downloadCount: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.categoryId)],
);

export const NETWORK_ISSUE_STATUSES = ["reported", "investigating", "in_progress", "outage", "scheduled", "resolved"] as const;

/** "Estado de los servidores": incidents and maintenance, optionally tied to one server. */
export const networkIssues = pgTable(
  "network_issues",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    title: varchar({ length: 200 }).notNull(),
    type: varchar({ length: 16 }).notNull().default("server"),
    serverId: integer().references(() => servers.id),
    priority: varchar({ length: 8 }).notNull().default("medium"),
    status: varchar({ length: 16 }).notNull().default("reported"),
    description: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status, t.startsAt)],
);

/** The servers an incident touches (one incident may affect several). */
export const networkIssueServers = pgTable(
  "network_issue_servers",
  {
    issueId: integer()
      .notNull()
      .references(() => networkIssues.id),
    serverId: integer()
      .notNull()
      .references(() => servers.id),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.serverId] }), index().on(t.serverId)],
);

/** The timeline of an incident as staff post it. */
export const networkIssueUpdates = pgTable(
  "network_issue_updates",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    issueId: integer()
      .notNull()
      .references(() => networkIssues.id),
    status: varchar({ length: 16 }).notNull(),
    message: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.issueId, t.createdAt)],
);

/** Each client told about an incident on its servers, so the notice goes out once per client. */
export const networkIssueNotices = pgTable(
  "network_issue_notices",
  {
    issueId: integer()
      .notNull()
      .references(() => networkIssues.id),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    sentAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.clientId] })],
);

/** What the cron saw when it checked a server's reachability. */
export const serverChecks = pgTable(
  "server_checks",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    serverId: integer()
      .notNull()
      .references(() => servers.id),
    reachable: boolean().notNull(),
    latencyMs: integer(),
    error: varchar({ length: 200 }),
    checkedAt: createdAt(),
  },
  (t) => [index().on(t.serverId, t.checkedAt)],
);
