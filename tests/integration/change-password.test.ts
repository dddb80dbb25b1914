import { mockActionRequest } from "@/tests/helpers/action-request";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accountTokens, auditLog, contacts, sentEmails, userSessions } from "@/db/schema";
import { CHANGE_PASSWORD_PER_CONTACT, changePassword, type ChangePasswordInput } from "@/lib/account/change-password";
import { loadSessionContact, startDeviceSession } from "@/lib/auth/device-sessions";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import { createAccountToken, findValidToken } from "@/lib/auth/tokens";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, sessionUserFor, type TestContact } from "@/tests/helpers/factories";

const request = mockActionRequest({ forwardedFor: "10.0.0.1, 198.51.100.42" });

const { changePasswordAction } = await import("@/app/(portal)/cuenta/contrasena/actions");

let db: Database;
const IP = "203.0.113.9";
const NEW_PASSWORD = "Girasol-Tranvía-81!";

beforeAll(async () => {
  db = await setupTestDatabase();
});

/** A signed-in contact with two browsers: this one (the session) and another one. */
async function signedInWithTwoBrowsers(contact: TestContact): Promise<{ user: SessionUser; otherSessionId: number }> {
  const sessionId = await startDeviceSession({ contactId: contact.id, ip: "198.51.100.10", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36" });
  const otherSessionId = await startDeviceSession({ contactId: contact.id, ip: "198.51.100.11", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile Safari/604.1" });
  return { user: sessionUserFor(contact, sessionId), otherSessionId };
}

function input(current: string, next = NEW_PASSWORD, confirmation = next): ChangePasswordInput {
  return { currentPassword: current, newPassword: next, confirmPassword: confirmation };
}

async function contactRow(id: number) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

async function sessionAccepted(contact: TestContact, sessionId: number): Promise<boolean> {
  // The token still carries the version it was issued with: the one from before the change.
  return (await loadSessionContact({ contactId: contact.id, sessionVersion: contact.sessionVersion, sessionId })) !== null;
}

async function auditRows(contactId: number) {
  return db.select().from(auditLog).where(and(eq(auditLog.contactId, contactId), eq(auditLog.action, "password.changed")));
}

async function noticeRows(contactId: number) {
  return db.select().from(sentEmails).where(and(eq(sentEmails.contactId, contactId), eq(sentEmails.template, "password-changed")));
}

async function expectNothingChanged(contact: TestContact, user: SessionUser, otherSessionId: number) {
  const row = await contactRow(contact.id);
  expect(row.passwordHash).toBe(contact.passwordHash);
  expect(row.sessionVersion).toBe(contact.sessionVersion);
  expect(await sessionAccepted(contact, user.sessionId)).toBe(true);
  expect(await sessionAccepted(contact, otherSessionId)).toBe(true);
  expect(await auditRows(contact.id)).toHaveLength(0);
  expect(await noticeRows(contact.id)).toHaveLength(0);
}

describe("changePassword", () => {
  it("changes the hash, ends the other browser's session, keeps this one, writes the audit row and sends the notice", async () => {
    const { owner, password } = await createTestClient(db);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(owner);

    const result = await changePassword(user, input(password), IP);

    expect(result).toEqual({ ok: true, endedSessions: 1 });
    const row = await contactRow(owner.id);
    expect(row.passwordHash).not.toBe(owner.passwordHash);
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash, password)).toBe(false);
    // The version is left alone on purpose: the browser that changed it keeps its token.
    expect(row.sessionVersion).toBe(owner.sessionVersion);
    expect(await sessionAccepted(owner, user.sessionId)).toBe(true);
    expect(await sessionAccepted(owner, otherSessionId)).toBe(false);

    const audits = await auditRows(owner.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ clientId: owner.clientId, contactId: owner.id, ip: IP, details: { endedSessions: 1 } });
    expect(JSON.stringify(audits[0]!.details)).not.toContain(NEW_PASSWORD);

    const notices = await noticeRows(owner.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ clientId: owner.clientId, toAddress: owner.email });
    expect(notices[0]!.text).toContain(IP);
    expect(notices[0]!.text).not.toContain(NEW_PASSWORD);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const { owner } = await createTestClient(db);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(owner);

    const result = await changePassword(user, input("No-Es-Esta-2026"), IP);

    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { currentPassword: "security.errors.currentPasswordWrong" } });
    await expectNothingChanged(owner, user, otherSessionId);
  });

  it("stops checking the current password after too many wrong ones, even when the right one comes", async () => {
    const { owner, password } = await createTestClient(db);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(owner);
    for (let attempt = 0; attempt < CHANGE_PASSWORD_PER_CONTACT.limit; attempt++) {
      expect((await changePassword(user, input(`Intento-Fallido-${attempt}`), IP)).ok).toBe(false);
    }
    expect(await changePassword(user, input(password), IP)).toEqual({ ok: false, error: "errors.rateLimited" });
    await expectNothingChanged(owner, user, otherSessionId);
  });

  it.each([
    ["too short", "Ab1!xyz", "security.errors.passwordTooShort"],
    ["too long", `Xk9#mP2vL7qR${"a".repeat(200)}`, "security.errors.passwordTooLong"],
    ["a common password", "password1234", "security.errors.passwordCommon"],
    ["a Spanish dictionary word", "mantequilla", "security.errors.passwordCommon"],
    ["weak", "abcdefghij", "security.errors.passwordWeak"],
  ])("refuses a new password that is %s with its message key, and changes nothing", async (_case, weak, errorKey) => {
    const { owner, password } = await createTestClient(db);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(owner);

    const result = await changePassword(user, input(password, weak), IP);

    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { newPassword: errorKey } });
    await expectNothingChanged(owner, user, otherSessionId);
  });

  it("refuses a new password containing the email or its local part", async () => {
    const { owner, password } = await createTestClient(db);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(owner);
    const localPart = owner.email.split("@")[0]!;

    for (const weak of [`${owner.email.toUpperCase()}-9`, `Zq!${localPart}-73`]) {
      const result = await changePassword(user, input(password, weak), IP);
      expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { newPassword: "security.errors.passwordContainsEmail" } });
    }
    await expectNothingChanged(owner, user, otherSessionId);
  });

  it("answers every problem at once: wrong current password, mismatched confirmation, missing fields", async () => {
    const { owner } = await createTestClient(db);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(owner);

    expect(await changePassword(user, input("No-Es-Esta-2026", NEW_PASSWORD, "Otra-Distinta-2026!"), IP)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { currentPassword: "security.errors.currentPasswordWrong", confirmPassword: "security.errors.passwordMismatch" },
    });
    expect(await changePassword(user, {}, IP)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { currentPassword: "errors.required", newPassword: "errors.required", confirmPassword: "errors.required" },
    });
    await expectNothingChanged(owner, user, otherSessionId);
  });

  it("refuses the current password as the new one", async () => {
    const { owner, password } = await createTestClient(db, { password: "Girasol-Tranvía-99!" });
    const { user, otherSessionId } = await signedInWithTwoBrowsers(owner);
    expect(await changePassword(user, input(password, password), IP)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { newPassword: "security.errors.passwordUnchanged" },
    });
    await expectNothingChanged(owner, user, otherSessionId);
  });

  it("voids a password reset link requested before the change", async () => {
    const { owner, password } = await createTestClient(db);
    const { user } = await signedInWithTwoBrowsers(owner);
    const token = await createAccountToken(db, { contactId: owner.id, purpose: "password_reset", ttlMinutes: 60 });

    expect((await changePassword(user, input(password), IP)).ok).toBe(true);

    expect(await findValidToken(db, token, "password_reset")).toBeNull();
    const [row] = await db.select().from(accountTokens).where(eq(accountTokens.contactId, owner.id));
    expect(row!.usedAt).not.toBeNull();
  });

  it("changes only the signed-in person's password: a sub-account's change leaves the owner and their sessions alone", async () => {
    const { client, owner } = await createTestClient(db);
    const ownerSession = await startDeviceSession({ contactId: owner.id, ip: "198.51.100.20", userAgent: null });
    const { contact, password } = await createSubAccount(db, client.id, ["invoices"]);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(contact);

    expect(await changePassword(user, input(password), IP)).toEqual({ ok: true, endedSessions: 1 });

    expect((await contactRow(owner.id)).passwordHash).toBe(owner.passwordHash);
    expect(await sessionAccepted(owner, ownerSession)).toBe(true);
    expect(await sessionAccepted(contact, otherSessionId)).toBe(false);
    expect(await sessionAccepted(contact, user.sessionId)).toBe(true);
    expect(await noticeRows(contact.id)).toHaveLength(1);
    expect((await noticeRows(contact.id))[0]!.toAddress).toBe(contact.email);
  });

  it("does nothing for a session whose client does not own the contact", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(other.owner);

    const result = await changePassword({ ...user, clientId: mine.client.id }, input(other.password), IP);

    expect(result).toEqual({ ok: false, error: "errors.signedOut" });
    await expectNothingChanged(other.owner, user, otherSessionId);
  });
});

describe("changePasswordAction", () => {
  function signInAs(user: SessionUser | null) {
    request.auth.mockResolvedValue(
      user && {
        contactId: user.contactId,
        clientId: user.clientId,
        isOwner: user.isOwner,
        permissions: user.permissions,
        sessionId: user.sessionId,
        user: { name: user.name, email: user.email },
      },
    );
  }

  function formDataOf(values: Record<string, string>): FormData {
    const formData = new FormData();
    for (const [key, value] of Object.entries(values)) formData.append(key, value);
    return formData;
  }

  it("changes the password of the session's contact, with the request's IP, and ignores a contact id sent with the form", async () => {
    const { client, owner, password } = await createTestClient(db);
    const { contact: subAccount } = await createSubAccount(db, client.id, []);
    const { user, otherSessionId } = await signedInWithTwoBrowsers(owner);
    signInAs(user);

    const result = await changePasswordAction(
      null,
      formDataOf({ currentPassword: password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, contactId: String(subAccount.id), username: owner.email }),
    );

    expect(result).toEqual({ ok: true, message: "security.password.saved" });
    expect(await verifyPassword((await contactRow(owner.id)).passwordHash, NEW_PASSWORD)).toBe(true);
    expect((await contactRow(subAccount.id)).passwordHash).toBe(subAccount.passwordHash);
    expect(await sessionAccepted(owner, user.sessionId)).toBe(true);
    expect(await sessionAccepted(owner, otherSessionId)).toBe(false);
    expect((await auditRows(owner.id))[0]).toMatchObject({ ip: "198.51.100.42" });
    expect(request.revalidatePath).toHaveBeenCalledWith("/cuenta/seguridad");
  });

  it("lets a sub-account without any permission change its own password", async () => {
    const { client } = await createTestClient(db);
    const { contact, password } = await createSubAccount(db, client.id, []);
    const { user } = await signedInWithTwoBrowsers(contact);
    signInAs(user);

    const result = await changePasswordAction(null, formDataOf({ currentPassword: password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));

    expect(result).toEqual({ ok: true, message: "security.password.saved" });
  });

  it("answers a signed-out request without touching anything", async () => {
    signInAs(null);
    const result = await changePasswordAction(null, formDataOf({ currentPassword: "x", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    expect(result).toEqual({ ok: false, error: "errors.signedOut" });
  });

  it("leaves other people's sessions alone", async () => {
    const a = await createTestClient(db);
    const b = await createTestClient(db);
    const sessionOfB = await startDeviceSession({ contactId: b.owner.id, ip: "198.51.100.30", userAgent: null });
    const { user } = await signedInWithTwoBrowsers(a.owner);
    signInAs(user);

    await changePasswordAction(null, formDataOf({ currentPassword: a.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));

    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, sessionOfB));
    expect(row!.revokedAt).toBeNull();
  });
});
