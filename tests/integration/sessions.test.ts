import { mockActionRequest } from "@/tests/helpers/action-request";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, userSessions } from "@/db/schema";
import { describeUserAgent, listActiveSessions, revokeOtherSessions } from "@/lib/account/sessions";
import { loadSessionContact, revokeDeviceSession, startDeviceSession } from "@/lib/auth/device-sessions";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, sessionUserFor, type TestContact } from "@/tests/helpers/factories";

const request = mockActionRequest({ forwardedFor: "198.51.100.88" });

const { revokeOtherSessionsAction } = await import("@/app/(portal)/cuenta/seguridad/_components/actions");

let db: Database;
const IP = "203.0.113.55";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";

beforeAll(async () => {
  db = await setupTestDatabase();
});

async function accepted(contact: TestContact, sessionId: number): Promise<boolean> {
  return (await loadSessionContact({ contactId: contact.id, sessionVersion: contact.sessionVersion, sessionId })) !== null;
}

async function auditRows(contactId: number) {
  return db.select().from(auditLog).where(and(eq(auditLog.contactId, contactId), eq(auditLog.action, "sessions.revoked")));
}

describe("describeUserAgent", () => {
  it.each([
    ["Chrome", "Linux", CHROME_LINUX],
    ["Safari", "iOS", SAFARI_IPHONE],
    ["Firefox", "Windows", FIREFOX_WINDOWS],
    ["Edge", "Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0"],
    ["Safari", "macOS", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"],
    ["Samsung Internet", "Android", "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36"],
    ["Chrome", "Android", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36"],
    ["Chrome", "iOS", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/140.0 Mobile/15E148 Safari/604.1"],
    ["Opera", "Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 OPR/120.0.0.0"],
    ["Chrome", "Linux", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36"],
    ["Chrome", "ChromeOS", "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"],
  ])("recognises %s on %s", (browser, os, agent) => {
    expect(describeUserAgent(agent)).toEqual({ browser, os });
  });

  it("says nothing it does not know", () => {
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
    expect(describeUserAgent("curl/8.5.0")).toEqual({ browser: null, os: null });
  });
});

describe("listActiveSessions", () => {
  it("lists this user's open sessions, the current one first, without other people's, revoked or long-idle ones", async () => {
    const { client, owner } = await createTestClient(db);
    const { contact: subAccount } = await createSubAccount(db, client.id, []);
    const other = await createTestClient(db);

    const phone = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.1", userAgent: SAFARI_IPHONE });
    const here = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.2", userAgent: CHROME_LINUX });
    const signedOut = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.3", userAgent: FIREFOX_WINDOWS });
    await revokeDeviceSession(owner.id, signedOut);
    const forgotten = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.4", userAgent: FIREFOX_WINDOWS });
    await db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(userSessions.id, forgotten));
    await startDeviceSession({ contactId: subAccount.id, ip: "198.51.100.5", userAgent: CHROME_LINUX });
    await startDeviceSession({ contactId: other.owner.id, ip: "198.51.100.6", userAgent: CHROME_LINUX });

    const sessions = await listActiveSessions(sessionUserFor(owner, here));

    expect(sessions.map((session) => session.id)).toEqual([here, phone]);
    expect(sessions[0]).toMatchObject({ id: here, current: true, browser: "Chrome", os: "Linux", ip: "198.51.100.2" });
    expect(sessions[1]).toMatchObject({ id: phone, current: false, browser: "Safari", os: "iOS", ip: "198.51.100.1" });
    expect(sessions[1]!.lastSeenAt).toBeInstanceOf(Date);
  });

  it("shows nothing when the session's client does not own the contact", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    const theirs = await startDeviceSession({ contactId: other.owner.id, ip: "198.51.100.7", userAgent: CHROME_LINUX });

    expect(await listActiveSessions({ contactId: other.owner.id, clientId: mine.client.id, sessionId: theirs })).toEqual([]);
  });
});

describe("revokeOtherSessions", () => {
  it("ends every other session of this user, keeps the current one and writes one audit row", async () => {
    const { client, owner } = await createTestClient(db);
    const { contact: subAccount } = await createSubAccount(db, client.id, []);
    const here = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.10", userAgent: CHROME_LINUX });
    const phone = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.11", userAgent: SAFARI_IPHONE });
    const laptop = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.12", userAgent: FIREFOX_WINDOWS });
    const subAccountSession = await startDeviceSession({ contactId: subAccount.id, ip: "198.51.100.13", userAgent: CHROME_LINUX });

    expect(await revokeOtherSessions(sessionUserFor(owner, here), IP)).toEqual({ ok: true, revoked: 2 });

    expect(await accepted(owner, here)).toBe(true);
    expect(await accepted(owner, phone)).toBe(false);
    expect(await accepted(owner, laptop)).toBe(false);
    expect(await accepted(subAccount, subAccountSession)).toBe(true);
    expect((await listActiveSessions(sessionUserFor(owner, here))).map((session) => session.id)).toEqual([here]);

    const audits = await auditRows(owner.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ clientId: client.id, ip: IP, details: { count: 2 } });
  });

  it("writes nothing when there was no other session", async () => {
    const { owner } = await createTestClient(db);
    const here = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.14", userAgent: CHROME_LINUX });

    expect(await revokeOtherSessions(sessionUserFor(owner, here), IP)).toEqual({ ok: true, revoked: 0 });
    expect(await accepted(owner, here)).toBe(true);
    expect(await auditRows(owner.id)).toHaveLength(0);
  });

  it("ends nothing when the session's client does not own the contact", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    const theirs = await startDeviceSession({ contactId: other.owner.id, ip: "198.51.100.15", userAgent: CHROME_LINUX });

    expect(await revokeOtherSessions({ contactId: other.owner.id, clientId: mine.client.id, sessionId: 0 }, IP)).toEqual({ ok: true, revoked: 0 });
    expect(await accepted(other.owner, theirs)).toBe(true);
  });
});

describe("revokeOtherSessionsAction", () => {
  it("ends the other sessions of the signed-in user, whatever ids the form carries", async () => {
    const { client, owner } = await createTestClient(db);
    const { contact: subAccount } = await createSubAccount(db, client.id, []);
    const here = await startDeviceSession({ contactId: subAccount.id, ip: "198.51.100.16", userAgent: CHROME_LINUX });
    const there = await startDeviceSession({ contactId: subAccount.id, ip: "198.51.100.17", userAgent: SAFARI_IPHONE });
    const ownerSession = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.18", userAgent: CHROME_LINUX });
    const user = sessionUserFor(subAccount, here);
    request.auth.mockResolvedValue({
      contactId: user.contactId,
      clientId: user.clientId,
      isOwner: user.isOwner,
      permissions: user.permissions,
      sessionId: user.sessionId,
      user: { name: user.name, email: user.email },
    });
    const formData = new FormData();
    formData.append("contactId", String(owner.id));
    formData.append("sessionId", String(there));

    expect(await revokeOtherSessionsAction(null, formData)).toEqual({ ok: true, message: "security.sessions.revoked" });

    expect(await accepted(subAccount, here)).toBe(true);
    expect(await accepted(subAccount, there)).toBe(false);
    expect(await accepted(owner, ownerSession)).toBe(true);
    expect((await auditRows(subAccount.id))[0]).toMatchObject({ ip: "198.51.100.88" });
    expect(request.revalidatePath).toHaveBeenCalledWith("/cuenta/seguridad");

    expect(await revokeOtherSessionsAction(null, new FormData())).toEqual({ ok: true, message: "security.sessions.noneRevoked" });
  });

  it("answers a signed-out request with its message", async () => {
    request.auth.mockResolvedValue(null);
    expect(await revokeOtherSessionsAction(null, new FormData())).toEqual({ ok: false, error: "errors.signedOut" });
  });
});
