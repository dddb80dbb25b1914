import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { announcements, staffUsers, ticketDepartments, ticketReplies, tickets, TICKET_STATUSES } from "@/db/schema";
import { getAnnouncementBySlug, listAnnouncements, splitParagraphs } from "@/lib/support/announcements";
import { encodeCursor, type KeysetOrder } from "@/lib/pagination/keyset";
import { getTicket, listTickets, type TicketFilter } from "@/lib/support/tickets";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient } from "@/tests/helpers/factories";
import { scopeOf } from "@/tests/helpers/scope";

// The order listTickets pages by, to forge cursors with.
const LATEST_ACTIVITY_FIRST: KeysetOrder = { key: tickets.lastReplyAt, id: tickets.id, type: "timestamp", order: "desc" };

// On DATABASE_URL other test files share these tables: every unique value carries this run's tag,
// and global lists (announcements) are checked for our own rows only.
const RUN = Math.random().toString(36).slice(2, 8);

let db: Database;
let clientA: number;
let clientB: number;
let ticketOfA: number;
let ticketOfB: number;

const TICKETS_OF_A = 45;

beforeAll(async () => {
  db = await setupTestDatabase();

  const a = await createTestClient(db);
  const b = await createTestClient(db);
  clientA = a.client.id;
  clientB = b.client.id;
  const [department] = await db.insert(ticketDepartments).values({ name: "Soporte técnico" }).returning({ id: ticketDepartments.id });
  const [staff] = await db.insert(staffUsers).values({ email: `tecnico-${RUN}@example.com`, name: "Técnico" }).returning({ id: staffUsers.id });

  // Groups of three tickets share one instant and neighbours differ by microseconds only, so the
  // pagination must break ties by id and must not round the cursor to milliseconds.
  const rowsOfA = Array.from({ length: TICKETS_OF_A }, (_, index) => ({
    clientId: clientA,
    departmentId: department.id,
    reference: `${RUN}A${index}`,
    subject: `Consulta ${index}`,
    status: TICKET_STATUSES[index % TICKET_STATUSES.length],
    lastReplyAt: sql`'2026-03-01 10:00:00.000000+00'::timestamptz + ${Math.floor(index / 3)} * interval '1 microsecond'`,
  }));
  const inserted = await db.insert(tickets).values(rowsOfA).returning({ id: tickets.id });
  ticketOfA = inserted[0].id;
  const rowsOfB = Array.from({ length: 5 }, (_, index) => ({
    clientId: clientB,
    departmentId: department.id,
    reference: `${RUN}B${index}`,
    subject: `Ajeno ${index}`,
    status: index === 0 ? ("closed" as const) : ("open" as const),
    lastReplyAt: new Date(Date.UTC(2026, 2, 1, 10, 0, 0, 1)),
  }));
  ticketOfB = (await db.insert(tickets).values(rowsOfB).returning({ id: tickets.id }))[0].id;

  await db.insert(ticketReplies).values([
    { ticketId: ticketOfA, contactId: a.owner.id, authorName: "Ana Cliente", message: "Primera línea\nSegunda línea", createdAt: new Date("2026-03-01T09:00:00Z") },
    { ticketId: ticketOfA, staffUserId: staff.id, authorName: "Técnico", message: "Lo revisamos.", createdAt: new Date("2026-03-01T09:30:00Z") },
    { ticketId: ticketOfA, authorName: "Ana Cliente", message: "Gracias", createdAt: new Date("2026-03-01T09:30:00Z") },
    { ticketId: ticketOfB, authorName: "Bruno Otro", message: "Secreto de B", createdAt: new Date("2026-03-01T09:00:00Z") },
  ]);
});

afterAll(teardownTestDatabase);

async function expectedOrder(clientId: number, filter: TicketFilter): Promise<number[]> {
  const rows = await db
    .select({ id: tickets.id, status: tickets.status })
    .from(tickets)
    .where(eq(tickets.clientId, clientId))
    .orderBy(desc(tickets.lastReplyAt), desc(tickets.id));
  return rows.filter((row) => (filter === "all" ? true : filter === "closed" ? row.status === "closed" : row.status !== "closed")).map((row) => row.id);
}

async function walkForward(clientId: number, status: TicketFilter, limit: number) {
  const pages: { ids: number[]; nextCursor: string | null; previousCursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const page = await listTickets(scopeOf(clientId), { status, cursor, limit });
    pages.push({ ids: page.rows.map((row) => row.id), nextCursor: page.nextCursor, previousCursor: page.previousCursor });
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("listTickets", () => {
  it("returns every ticket exactly once, in order, across keyset pages", async () => {
    const pages = await walkForward(clientA, "all", 20);
    expect(pages.map((page) => page.ids.length)).toEqual([20, 20, 5]);
    expect(pages.flatMap((page) => page.ids)).toEqual(await expectedOrder(clientA, "all"));
    expect(pages[0].previousCursor).toBeNull();
    expect(pages[2].nextCursor).toBeNull();
  });

  it("walks back from the last page to the first through previousCursor", async () => {
    const forward = await walkForward(clientA, "all", 20);
    const back = await listTickets(scopeOf(clientA), { status: "all", cursor: forward[2].previousCursor, limit: 20 });
    expect(back.rows.map((row) => row.id)).toEqual(forward[1].ids);
    const first = await listTickets(scopeOf(clientA), { status: "all", cursor: back.previousCursor, limit: 20 });
    expect(first.rows.map((row) => row.id)).toEqual(forward[0].ids);
    expect(first.previousCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
  });

  it("never shows another client's tickets", async () => {
    const idsOfA = (await walkForward(clientA, "all", 50)).flatMap((page) => page.ids);
    const idsOfB = (await walkForward(clientB, "all", 50)).flatMap((page) => page.ids);
    expect(idsOfA).toHaveLength(TICKETS_OF_A);
    expect(idsOfB).toHaveLength(5);
    expect(idsOfA.filter((id) => idsOfB.includes(id))).toEqual([]);
    const page = await listTickets(scopeOf(clientA), { status: "all", limit: 50 });
    expect(page.rows.every((row) => row.reference.startsWith(`${RUN}A`))).toBe(true);
  });

  it("filters by status: open is everything not closed", async () => {
    for (const status of ["open", "closed"] as const) {
      const pages = await walkForward(clientA, status, 7);
      const ids = pages.flatMap((page) => page.ids);
      expect(ids).toEqual(await expectedOrder(clientA, status));
      const rows = (await listTickets(scopeOf(clientA), { status, limit: 100 })).rows;
      expect(rows.every((row) => (status === "closed" ? row.status === "closed" : row.status !== "closed"))).toBe(true);
    }
    expect((await listTickets(scopeOf(clientA), { status: "closed", limit: 100 })).rows).toHaveLength(Math.ceil(TICKETS_OF_A / TICKET_STATUSES.length) - 1);
  });

  it("treats a malformed or foreign-looking cursor as the first page", async () => {
    const first = await listTickets(scopeOf(clientA), { status: "all", limit: 20 });
    for (const cursor of ["nonsense", "", encodeCursor(LATEST_ACTIVITY_FIRST, { direction: "after", value: "2026-03-01T10:00:00.000000Z", id: 1 }).slice(0, -2) + "!!", "x".repeat(500)]) {
      const page = await listTickets(scopeOf(clientA), { status: "all", cursor, limit: 20 });
      expect(page.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    }
  });

  it("a cursor built from another client's ticket still only reads the session client's rows", async () => {
    const ofB = await listTickets(scopeOf(clientB), { status: "all", limit: 1 });
    const page = await listTickets(scopeOf(clientA), { status: "all", cursor: ofB.nextCursor, limit: 100 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((row) => row.reference.startsWith(`${RUN}A`))).toBe(true);
  });
});

describe("getTicket", () => {
  it("returns the ticket with its department and the replies in order", async () => {
    const ticket = await getTicket(scopeOf(clientA), ticketOfA);
    expect(ticket).not.toBeNull();
    expect(ticket!.departmentName).toBe("Soporte técnico");
    expect(ticket!.reference).toBe(`${RUN}A0`);
    expect(ticket!.replies.map((reply) => [reply.authorName, reply.fromStaff])).toEqual([
      ["Ana Cliente", false],
      ["Técnico", true],
      ["Ana Cliente", false],
    ]);
    expect(ticket!.replies[0].message).toBe("Primera línea\nSegunda línea");
  });

  it("answers null for another client's ticket and for ids that do not exist", async () => {
    expect(await getTicket(scopeOf(clientA), ticketOfB)).toBeNull();
    expect(await getTicket(scopeOf(clientB), ticketOfA)).toBeNull();
    expect((await getTicket(scopeOf(clientB), ticketOfB))?.replies.map((reply) => reply.message)).toEqual(["Secreto de B"]);
    expect(await getTicket(scopeOf(clientA), 987_654)).toBeNull();
    expect(await getTicket(scopeOf(clientA), 0)).toBeNull();
    expect(await getTicket(scopeOf(clientA), 2 ** 40)).toBeNull();
  });
});

describe("announcements", () => {
  const slug = (name: string) => `${RUN}-${name}`;
  const mine = (slugs: string[]) => slugs.filter((value) => value.startsWith(`${RUN}-`));

  beforeAll(async () => {
    // Dated long ago so they sort after whatever other test files publish meanwhile.
    const base = Date.UTC(2001, 0, 1, 12);
    await db.insert(announcements).values([
      ...Array.from({ length: 25 }, (_, index) => ({
        title: `Novedad ${index}`,
        slug: slug(`novedad-${index}`),
        summary: index === 0 ? null : `Resumen ${index}`,
        body: index === 0 ? `${"palabra ".repeat(80)}\n\nSegundo párrafo` : `Cuerpo ${index}`,
        // Two announcements share each instant: the id breaks the tie.
        publishedAt: new Date(base + Math.floor(index / 2) * 3_600_000),
      })),
      { title: "Borrador", slug: slug("borrador"), body: "Aún no", published: false, publishedAt: new Date(base) },
      { title: "Programado", slug: slug("programado"), body: "Mañana", publishedAt: new Date(Date.now() + 86_400_000) },
    ]);
  });

  it("pages through published announcements, newest first, hiding drafts and scheduled ones", async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await listAnnouncements({ cursor, limit: 10 });
      pages.push(page.rows.map((row) => row.slug));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 1000);
    expect(pages.slice(0, -1).every((page) => page.length === 10)).toBe(true);
    expect(pages.at(-1)!.length).toBeGreaterThan(0);
    const seen = mine(pages.flat());
    const expected = await db
      .select({ slug: announcements.slug })
      .from(announcements)
      .where(eq(announcements.published, true))
      .orderBy(desc(announcements.publishedAt), desc(announcements.id));
    expect(seen).toEqual(mine(expected.map((row) => row.slug)).filter((value) => value !== slug("programado")));
    expect(seen).toHaveLength(25);
    expect(seen).not.toContain(slug("borrador"));
    expect(seen).not.toContain(slug("programado"));
  });

  it("walks back through previousCursor", async () => {
    const first = await listAnnouncements({ limit: 10 });
    const second = await listAnnouncements({ cursor: first.nextCursor, limit: 10 });
    const back = await listAnnouncements({ cursor: second.previousCursor, limit: 10 });
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.previousCursor).toBeNull();
  });

  it("falls back to the start of the body when there is no summary", async () => {
    const first = await getRow(slug("novedad-0"));
    expect(first.summary.endsWith("…")).toBe(true);
    expect(first.summary.length).toBeLessThanOrEqual(281);
    expect(first.summary).not.toContain("Segundo");
    expect((await getRow(slug("novedad-3"))).summary).toBe("Resumen 3");
  });

  it("finds a published announcement by slug and hides the rest", async () => {
    expect((await getAnnouncementBySlug(slug("novedad-4")))?.title).toBe("Novedad 4");
    expect(await getAnnouncementBySlug(slug("borrador"))).toBeNull();
    expect(await getAnnouncementBySlug(slug("programado"))).toBeNull();
    expect(await getAnnouncementBySlug(slug("no-existe"))).toBeNull();
    expect(await getAnnouncementBySlug("x".repeat(300))).toBeNull();
  });

  it("splits the body into paragraphs on blank lines", () => {
    expect(splitParagraphs("Uno\nsigue\n\n  \r\n\r\nDos\n \nTres\n\n")).toEqual(["Uno\nsigue", "Dos", "Tres"]);
    expect(splitParagraphs("<script>alert(1)</script>")).toEqual(["<script>alert(1)</script>"]);
  });

  /** Finds one of our announcements in the public list, whichever page it lands on. */
  async function getRow(wanted: string) {
    let cursor: string | null = null;
    do {
      const page = await listAnnouncements({ cursor, limit: 100 });
      const row = page.rows.find((candidate) => candidate.slug === wanted);
      if (row) return row;
      cursor = page.nextCursor;
    } while (cursor);
    throw new Error(`${wanted} is not listed`);
  }
});
