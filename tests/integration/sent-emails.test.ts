import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { sentEmails, type Permission } from "@/db/schema";
import { getSentEmail, getSentEmailHtml, listSentEmails, type EmailReader } from "@/lib/account/sent-emails";
import { encodeCursor, type KeysetOrder } from "@/lib/pagination/keyset";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, uniqueSuffix } from "@/tests/helpers/factories";
import { setTestRequestLocale } from "@/tests/helpers/next-intl-server";
import { scopeOf } from "@/tests/helpers/scope";

// The order listSentEmails pages by, to forge cursors with.
const NEWEST_FIRST: KeysetOrder = { key: sentEmails.createdAt, id: sentEmails.id, type: "timestamp", order: "desc" };

// The real requireUser() runs; only Auth.js's session lookup is replaced, so no cookie or JWT is needed.
const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/config", () => ({ auth }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));

const { GET: viewEmail } = await import("@/app/api/cuenta/correos/[emailId]/route");
const { default: SentEmailsPage } = await import("@/app/(portal)/cuenta/correos/page");
const { default: SentEmailPage } = await import("@/app/(portal)/cuenta/correos/[emailId]/page");

type SignedIn = EmailReader & { clientId: number; email: string; isOwner: boolean; permissions: Permission[] };

let db: Database;
let owner: SignedIn;
let emailsSubAccount: SignedIn;
let invoicesSubAccount: SignedIn;
let other: SignedIn;
/** Client A's emails the owner may read, newest first. */
let ownerVisible: number[];
let ownEmailId: number;
let otherEmailId: number;
let subAccountResetId: number;
let ownerResetId: number;
const marker = uniqueSuffix();

function signInAs(user: SignedIn | null) {
  auth.mockResolvedValue(
    user && { contactId: user.contactId, clientId: user.clientId, isOwner: user.isOwner, permissions: user.permissions, user: { name: "Cliente", email: user.email } },
  );
}

function view(emailId: string | number, headers?: HeadersInit) {
  const id = String(emailId);
  return viewEmail(new Request(`http://localhost/api/cuenta/correos/${id}`, { headers }), { params: Promise.resolve({ emailId: id }) });
}

async function insertEmail(values: {
  clientId: number;
  contactId: number | null;
  subject: string;
  at: string;
  template?: string;
  html?: string;
}): Promise<number> {
  const [row] = await db
    .insert(sentEmails)
    .values({
      clientId: values.clientId,
      contactId: values.contactId,
      toAddress: `destino-${marker}@test.local`,
      subject: values.subject,
      template: values.template ?? "invoice-created",
      html: values.html ?? `<p>${values.subject}</p>`,
      text: values.subject,
      provider: "outbox",
      // Exact microseconds: the pages must not lose or repeat rows that a millisecond cannot tell apart.
      createdAt: sql`${values.at}::timestamptz`,
    })
    .returning({ id: sentEmails.id });
  return row!.id;
}

async function walk(reader: EmailReader, limit: number): Promise<{ ids: number[][]; cursors: (string | null)[] }> {
  const ids: number[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 20; guard += 1) {
    const page = await listSentEmails(reader, { cursor, limit });
    ids.push(page.rows.map((row) => row.id));
    cursors.push(page.previousCursor);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { ids, cursors };
}

beforeAll(async () => {
  db = await setupTestDatabase();
  const a = await createTestClient(db);
  owner = { clientId: a.client.id, scope: scopeOf(a.client.id), contactId: a.owner.id, email: a.owner.email, isOwner: true, permissions: [] };
  const withEmails = await createSubAccount(db, a.client.id, ["emails"]);
  emailsSubAccount = { clientId: a.client.id, scope: scopeOf(a.client.id), contactId: withEmails.contact.id, email: withEmails.contact.email, isOwner: false, permissions: ["emails"] };
  const withInvoices = await createSubAccount(db, a.client.id, ["invoices", "tickets"]);
  invoicesSubAccount = { clientId: a.client.id, scope: scopeOf(a.client.id), contactId: withInvoices.contact.id, email: withInvoices.contact.email, isOwner: false, permissions: ["invoices", "tickets"] };
  const b = await createTestClient(db);
  other = { clientId: b.client.id, scope: scopeOf(b.client.id), contactId: b.owner.id, email: b.owner.email, isOwner: true, permissions: [] };

  // 23 messages to A: three share one second and two differ by a single microsecond.
  const stamps = Array.from({ length: 20 }, (_, index) => `2026-01-${String(index + 1).padStart(2, "0")} 09:00:00+00`);
  stamps.push("2026-02-01 10:00:00.000001+00", "2026-02-01 10:00:00.000002+00", "2026-02-01 10:00:00.000002+00");
  const created: { id: number; at: string }[] = [];
  for (const [index, at] of stamps.entries()) {
    created.push({ id: await insertEmail({ clientId: a.client.id, contactId: a.owner.id, subject: `Factura ${index} ${marker}`, at }), at });
  }
  // Another client's messages, interleaved in time with A's.
  otherEmailId = await insertEmail({ clientId: b.client.id, contactId: b.owner.id, subject: `Secreto de B ${marker}`, at: "2026-01-10 09:30:00+00", html: "<p>Secreto de B</p>" });
  await insertEmail({ clientId: b.client.id, contactId: b.owner.id, subject: `Otro de B ${marker}`, at: "2026-02-01 10:00:00.000002+00" });
  // Single-use links: readable only by the person they were sent to.
  subAccountResetId = await insertEmail({ clientId: a.client.id, contactId: withEmails.contact.id, subject: `Restablecer (subcuenta) ${marker}`, at: "2026-03-01 08:00:00+00", template: "password-reset" });
  ownerResetId = await insertEmail({ clientId: a.client.id, contactId: a.owner.id, subject: `Restablecer (titular) ${marker}`, at: "2026-03-02 08:00:00+00", template: "password-reset" });
  created.push({ id: ownerResetId, at: "2026-03-02 08:00:00+00" });

  ownEmailId = await insertEmail({
    clientId: a.client.id,
    contactId: a.owner.id,
    subject: `Con programa ${marker}`,
    at: "2025-12-01 09:00:00+00",
    html: `<html><body><script>parent.document.title="x"</script><img src="https://tracker.example/p.gif"><p>Hola ${marker}</p></body></html>`,
  });
  created.push({ id: ownEmailId, at: "2025-12-01 09:00:00+00" });

  const ordered = await db
    .select({ id: sentEmails.id })
    .from(sentEmails)
    .where(sql`${sentEmails.id} in ${created.map((row) => row.id)}`)
    .orderBy(sql`${sentEmails.createdAt} desc, ${sentEmails.id} desc`);
  ownerVisible = ordered.map((row) => row.id);
});

beforeEach(() => {
  setTestRequestLocale("es");
  auth.mockReset();
});

describe("listSentEmails", () => {
  it("pages through the client's own messages, 20 at a time, newest first, each exactly once", async () => {
    const first = await listSentEmails(owner);
    expect(first.rows).toHaveLength(20);
    expect(first.previousCursor).toBeNull();
    expect(first.rows.map((row) => row.id)).toEqual(ownerVisible.slice(0, 20));
    expect(first.rows[0]).toMatchObject({ subject: `Restablecer (titular) ${marker}`, toAddress: `destino-${marker}@test.local` });
    expect(first.rows[0]!.createdAt).toBeInstanceOf(Date);

    const second = await listSentEmails(owner, { cursor: first.nextCursor });
    expect(second.rows.map((row) => row.id)).toEqual(ownerVisible.slice(20));
    expect(second.nextCursor).toBeNull();
    const back = await listSentEmails(owner, { cursor: second.previousCursor });
    expect(back.rows.map((row) => row.id)).toEqual(ownerVisible.slice(0, 20));
    expect(back.previousCursor).toBeNull();
  });

  it("splits ties of the same instant and microsecond-apart rows without losing or repeating any", async () => {
    const { ids } = await walk(owner, 3);
    expect(ids.flat()).toEqual(ownerVisible);
    expect(new Set(ids.flat()).size).toBe(ownerVisible.length);
  });

  it("never shows another client's messages, nor lends its rows to a forged cursor", async () => {
    const { ids } = await walk(owner, 100);
    expect(ids.flat()).not.toContain(otherEmailId);
    const forged = encodeCursor(NEWEST_FIRST, { direction: "after", value: "2030-01-01T00:00:00.000000Z", id: 2_000_000_000 });
    const page = await listSentEmails(owner, { cursor: forged, limit: 100 });
    expect(page.rows.map((row) => row.id)).toEqual(ownerVisible);

    const theirs = await listSentEmails(other, { limit: 100 });
    expect(theirs.rows.map((row) => row.subject).sort()).toEqual([`Otro de B ${marker}`, `Secreto de B ${marker}`]);
  });

  it.each(["nonsense", "", "YXxub3BlfDE", encodeCursor(NEWEST_FIRST, { direction: "after", value: "2026-02-30T10:00:00.000000Z", id: 5 })])(
    "reads the malformed cursor %j as the first page",
    async (cursor) => {
      const page = await listSentEmails(owner, { cursor });
      expect(page.rows.map((row) => row.id)).toEqual(ownerVisible.slice(0, 20));
    },
  );

  it("shows a single-use link only to the person it was sent to", async () => {
    const ownerIds = (await walk(owner, 100)).ids.flat();
    expect(ownerIds).toContain(ownerResetId);
    expect(ownerIds).not.toContain(subAccountResetId);
    const subIds = (await walk(emailsSubAccount, 100)).ids.flat();
    expect(subIds).toContain(subAccountResetId);
    expect(subIds).not.toContain(ownerResetId);
    expect(await getSentEmail(emailsSubAccount, ownerResetId)).toBeNull();
    expect(await getSentEmailHtml(owner, subAccountResetId)).toBeNull();
  });

  it("returns one message's heading to its client only", async () => {
    expect(await getSentEmail(owner, ownEmailId)).toMatchObject({ id: ownEmailId, subject: `Con programa ${marker}` });
    expect(await getSentEmail(owner, otherEmailId)).toBeNull();
    expect(await getSentEmail(other, ownEmailId)).toBeNull();
    expect(await getSentEmailHtml(other, ownEmailId)).toBeNull();
  });
});

describe("GET /api/cuenta/correos/[emailId]", () => {
  it("serves the stored HTML with a CSP and sandbox that let no script run and nothing remote load", async () => {
    signInAs(owner);
    const response = await view(ownEmailId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await response.text()).toContain(`<p>Hola ${marker}</p>`);
  });

  it("serves it to a sub-account with the emails permission", async () => {
    signInAs(emailsSubAccount);
    expect((await view(ownEmailId)).status).toBe(200);
  });

  it("answers 404 for another client's message, exactly as for a missing one", async () => {
    signInAs(owner);
    const foreign = await view(otherEmailId);
    const missing = await view(2_000_000_000);
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = await foreign.text();
    expect(body).toBe(await missing.text());
    expect(body).not.toContain("Secreto");
  });

  it("answers 404 for another person's single-use link on the same account", async () => {
    signInAs(owner);
    expect((await view(subAccountResetId)).status).toBe(404);
  });

  it("answers 403 to a sub-account without the emails permission, in the request's language", async () => {
    signInAs(invoicesSubAccount);
    setTestRequestLocale("en");
    const response = await view(ownEmailId);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-security-policy")).toBeNull();
    const body = await response.text();
    expect(body).toMatch(/not allowed/);
    expect(body).not.toContain(marker);
  });

  it.each(["abc", "0", "-1", "1.5", "01", "99999999999"])("answers 404 for the id %j", async (id) => {
    signInAs(owner);
    expect((await view(id)).status).toBe(404);
  });

  it("sends a signed-out visitor to /acceder", async () => {
    signInAs(null);
    const error = await view(ownEmailId).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(String((error as { digest?: string } | null)?.digest)).toMatch(/NEXT_REDIRECT.*\/acceder/);
  });
});

describe("/cuenta/correos pages", () => {
  it("are forbidden to a sub-account without the emails permission, before any message is read", async () => {
    // What next.config's experimental.authInterrupts sets in the app, so forbidden() throws its 403.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    signInAs(invoicesSubAccount);
    const digests = await Promise.all(
      [
        SentEmailsPage({ searchParams: Promise.resolve({}) }),
        SentEmailPage({ params: Promise.resolve({ emailId: String(ownEmailId) }) }),
      ].map((rendering) =>
        rendering.then(
          () => null,
          (thrown: unknown) => (thrown as { digest?: string }).digest,
        ),
      ),
    );
    vi.unstubAllEnvs();
    expect(digests).toEqual(["NEXT_HTTP_ERROR_FALLBACK;403", "NEXT_HTTP_ERROR_FALLBACK;403"]);
  });

  it("answers 404 on the message page for another client's message", async () => {
    signInAs(owner);
    const digest = await SentEmailPage({ params: Promise.resolve({ emailId: String(otherEmailId) }) }).then(
      () => null,
      (thrown: unknown) => (thrown as { digest?: string }).digest,
    );
    expect(digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});
