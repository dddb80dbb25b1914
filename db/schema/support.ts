import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { bytea, createdAt } from "./columns";
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
    /** Public reference shown to the customer, e.g. "482913". */
    reference: varchar({ length: 16 }).notNull(),
    subject: varchar({ length: 200 }).notNull(),
    status: varchar({ length: 16 }).$type<TicketStatus>().notNull().default("open"),
    priority: varchar({ length: 8 }).notNull().default("medium"),
    lastReplyAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.clientId, t.status, t.lastReplyAt), index().on(t.clientId, t.lastReplyAt), uniqueIndex().on(t.reference)],
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
  (t) => [index().on(t.categoryId), uniqueIndex().on(t.slug)],
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
