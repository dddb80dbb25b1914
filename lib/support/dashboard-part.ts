import { and, desc, eq, ne, sql } from "drizzle-orm";
import { announcements, ticketDepartments, tickets, type TicketStatus } from "@/db/schema";
import type { DashboardPart } from "@/lib/dashboard/dashboard-part";

export const DASHBOARD_TICKETS = 5;
export const DASHBOARD_ANNOUNCEMENTS = 3;

export type DashboardTicket = {
  id: number;
  reference: string;
  subject: string;
  status: TicketStatus;
  departmentName: string;
  lastReplyAt: Date;
};

export type DashboardAnnouncement = { id: number; title: string; slug: string; summary: string | null; publishedAt: Date };

/** "Tickets de soporte abiertos", latest activity first; the count of all open ones rides along as a window aggregate. */
export const openTicketsPart: DashboardPart<{ count: number; items: DashboardTicket[] }, "tickets"> = {
  permission: "tickets",
  async load({ db, clientId }) {
    const rows = await db
      .select({
        id: tickets.id,
        reference: tickets.reference,
        subject: tickets.subject,
        status: tickets.status,
        departmentName: ticketDepartments.name,
        lastReplyAt: tickets.lastReplyAt,
        openCount: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(tickets)
      .innerJoin(ticketDepartments, eq(ticketDepartments.id, tickets.departmentId))
      .where(and(eq(tickets.clientId, clientId), ne(tickets.status, "closed")))
      .orderBy(desc(tickets.lastReplyAt), desc(tickets.id))
      .limit(DASHBOARD_TICKETS);
    return { count: rows[0]?.openCount ?? 0, items: rows.map(({ id, reference, subject, status, departmentName, lastReplyAt }) => ({ id, reference, subject, status, departmentName, lastReplyAt })) };
  },
};

/** "Noticias": public to every customer; a future publication date keeps one hidden until then. */
export const announcementsPart: DashboardPart<DashboardAnnouncement[], null> = {
  permission: null,
  load({ db }) {
    return db
      .select({
        id: announcements.id,
        title: announcements.title,
        slug: announcements.slug,
        summary: announcements.summary,
        publishedAt: announcements.publishedAt,
      })
      .from(announcements)
      .where(and(eq(announcements.published, true), sql`${announcements.publishedAt} <= now()`))
      .orderBy(desc(announcements.publishedAt), desc(announcements.id))
      .limit(DASHBOARD_ANNOUNCEMENTS);
  },
};
