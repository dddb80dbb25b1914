import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { contacts, userSessions } from "@/db/schema";
import { loadSessionContact, revokeDeviceSession, startDeviceSession } from "@/lib/auth/device-sessions";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient } from "@/tests/helpers/factories";

let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
});

describe("device sessions behind the JWT", () => {
  it("accepts a live session and answers with the contact's current permissions", async () => {
    const { client, owner } = await createTestClient(db);
    const sessionId = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.1", userAgent: "Prueba" });
    const contact = await loadSessionContact({ contactId: owner.id, sessionVersion: owner.sessionVersion, sessionId });
    expect(contact).toMatchObject({ id: owner.id, clientId: client.id, isOwner: true });
  });

  it("refuses the token once this browser signed out, but not another browser of the same user", async () => {
    const { owner } = await createTestClient(db);
    const here = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.2", userAgent: "A" });
    const there = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.3", userAgent: "B" });
    await revokeDeviceSession(owner.id, here);
    expect(await loadSessionContact({ contactId: owner.id, sessionVersion: owner.sessionVersion, sessionId: here })).toBeNull();
    expect(await loadSessionContact({ contactId: owner.id, sessionVersion: owner.sessionVersion, sessionId: there })).not.toBeNull();
  });

  it("does not let one user revoke or borrow another user's session", async () => {
    const a = await createTestClient(db);
    const b = await createTestClient(db);
    const sessionOfB = await startDeviceSession({ contactId: b.owner.id, ip: "198.51.100.4", userAgent: null });
    await revokeDeviceSession(a.owner.id, sessionOfB);
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, sessionOfB));
    expect(row!.revokedAt).toBeNull();
    expect(await loadSessionContact({ contactId: a.owner.id, sessionVersion: a.owner.sessionVersion, sessionId: sessionOfB })).toBeNull();
  });

  it("refuses a token from before a password change, and one of a contact whose access was removed", async () => {
    const { owner } = await createTestClient(db);
    const sessionId = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.5", userAgent: null });
    await db.update(contacts).set({ sessionVersion: owner.sessionVersion + 1 }).where(eq(contacts.id, owner.id));
    expect(await loadSessionContact({ contactId: owner.id, sessionVersion: owner.sessionVersion, sessionId })).toBeNull();

    const other = await createTestClient(db);
    const otherSession = await startDeviceSession({ contactId: other.owner.id, ip: "198.51.100.6", userAgent: null });
    await db.update(contacts).set({ hasAccess: false }).where(eq(contacts.id, other.owner.id));
    expect(await loadSessionContact({ contactId: other.owner.id, sessionVersion: other.owner.sessionVersion, sessionId: otherSession })).toBeNull();
  });

  it("refuses a token without a session id (issued before sessions were recorded)", async () => {
    const { owner } = await createTestClient(db);
    expect(await loadSessionContact({ contactId: owner.id, sessionVersion: owner.sessionVersion, sessionId: undefined })).toBeNull();
  });
});
