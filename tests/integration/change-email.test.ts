import { mockActionRequest } from "@/tests/helpers/action-request";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accountTokens, auditLog, contacts, sentEmails } from "@/db/schema";
import { confirmEmailChange, EMAIL_CHANGE_PER_ACCOUNT, inspectEmailChangeToken, requestEmailChange } from "@/lib/account/change-email";
import { getProfile } from "@/lib/account/get-profile";
import type { SessionUser } from "@/lib/auth/session";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createOutboxProvider } from "@/lib/email/outbox-provider";
import { setProviderForTests } from "@/lib/providers";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, sessionUserFor, TEST_PASSWORD, type TestContact, uniqueEmail } from "@/tests/helpers/factories";
import { scopeOf } from "@/tests/helpers/scope";

const request = mockActionRequest({ forwardedFor: "198.51.100.44" });

const { requestEmailChangeAction } = await import("@/app/(portal)/cuenta/actions");
const { confirmEmailChangeAction } = await import("@/app/(auth)/verificar-correo/actions");

let db: Database;
const IP = "203.0.113.9";
const LINK = /\/verificar-correo\/([A-Za-z0-9_-]{20,})/;

beforeAll(async () => {
  db = await setupTestDatabase();
  // Nothing leaves the machine and nothing floods the test log; sent_emails is still written.
  setProviderForTests("email", createOutboxProvider(() => {}));
});

afterAll(() => setProviderForTests("email", null));


async function contactRow(id: number) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

async function emailsTo(...addresses: string[]) {
  return db.select().from(sentEmails).where(inArray(sentEmails.toAddress, addresses));
}

async function tokensOf(contactId: number) {
  return db.select().from(accountTokens).where(and(eq(accountTokens.contactId, contactId), eq(accountTokens.purpose, "email_change")));
}

async function emailAudits(clientId: number) {
  return db.select().from(auditLog).where(and(eq(auditLog.clientId, clientId), eq(auditLog.action, "email.changed")));
}

/** A request that went through, and the token taken from the email as the customer would. */
async function requested(owner: TestContact, newEmail = uniqueEmail("nuevo")) {
  const result = await requestEmailChange(sessionUserFor(owner), { newEmail, currentPassword: TEST_PASSWORD }, IP);
  expect(result).toEqual({ ok: true, newEmail });
  const [verify] = await emailsTo(newEmail);
  const token = LINK.exec(verify!.text)?.[1];
  expect(token).toBeDefined();
  return { newEmail, token: token! };
}

describe("requestEmailChange", () => {
  it("refuses a wrong current password: no link, no notice, nothing pending", async () => {
    const { owner } = await createTestClient(db);
    const newEmail = uniqueEmail("nuevo");

    const result = await requestEmailChange(sessionUserFor(owner), { newEmail, currentPassword: "no-es-la-contraseña" }, IP);

    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { currentPassword: "account.errors.currentPasswordWrong" } });
    expect(await emailsTo(newEmail, owner.email)).toHaveLength(0);
    expect(await tokensOf(owner.id)).toHaveLength(0);
    expect((await contactRow(owner.id)).email).toBe(owner.email);
  });

  it("asks for both fields and a real address", async () => {
    const { owner } = await createTestClient(db);
    expect(await requestEmailChange(sessionUserFor(owner), {}, IP)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { newEmail: "errors.required", currentPassword: "errors.required" },
    });
    expect(await requestEmailChange(sessionUserFor(owner), { newEmail: "no-es-un-correo", currentPassword: TEST_PASSWORD }, IP)).toMatchObject({
      fieldErrors: { newEmail: "errors.emailInvalid" },
    });
    expect(await requestEmailChange(sessionUserFor(owner), { newEmail: ` ${owner.email.toUpperCase()} `, currentPassword: TEST_PASSWORD }, IP)).toMatchObject({
      fieldErrors: { newEmail: "account.errors.emailUnchanged" },
    });
  });

  it("leaves the email as it was, sends the link only to the new address and a notice without it to the old one", async () => {
    const { client, owner } = await createTestClient(db);
    const newEmail = uniqueEmail("nuevo");

    const result = await requestEmailChange(sessionUserFor(owner), { newEmail: `  ${newEmail.toUpperCase()} `, currentPassword: TEST_PASSWORD }, IP);

    expect(result).toEqual({ ok: true, newEmail });
    expect((await contactRow(owner.id)).email).toBe(owner.email);
    const rows = await emailsTo(newEmail, owner.email);
    expect(rows).toHaveLength(2);
    const verify = rows.find((row) => row.toAddress === newEmail)!;
    const notice = rows.find((row) => row.toAddress === owner.email)!;
    expect(verify.template).toBe("email-change-verify");
    expect(verify.text).toMatch(LINK);
    expect(verify.html).toMatch(LINK);
    expect(verify.subject).toBe("Confirme su nueva dirección de correo electrónico");
    // Not listed in the account's sent emails, where anyone with portal access could follow it.
    expect(verify.clientId).toBeNull();
    expect(notice.template).toBe("email-change-notice");
    expect(notice.clientId).toBe(client.id);
    expect(notice.text).not.toMatch(LINK);
    expect(notice.html).not.toMatch(/verificar-correo/);
    expect(notice.text).toContain(newEmail);
    expect(notice.text).toContain(IP);

    const [token] = await tokensOf(owner.id);
    expect(token).toMatchObject({ payload: { newEmail }, usedAt: null, requestedIp: IP });
    const hours = (token!.expiresAt.getTime() - token!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(24, 1);
    // Only the hash is stored.
    expect(token!.tokenHash).not.toBe(LINK.exec(verify.text)![1]);

    // Until the link is followed, the old address signs in and is the one shown, with the pending one beside it.
    expect(await getProfile(scopeOf(client.id))).toMatchObject({ email: owner.email, pendingEmail: newEmail });
    expect((await verifyCredentials({ email: owner.email, password: TEST_PASSWORD, ip: IP })).ok).toBe(true);
    expect((await verifyCredentials({ email: newEmail, password: TEST_PASSWORD, ip: IP })).ok).toBe(false);
  });

  it("refuses an address another account already signs in with", async () => {
    const { owner } = await createTestClient(db);
    const other = await createTestClient(db);
    const result = await requestEmailChange(sessionUserFor(owner), { newEmail: other.owner.email, currentPassword: TEST_PASSWORD }, IP);
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { newEmail: "account.errors.emailTaken" } });
    expect(await emailsTo(other.owner.email, owner.email)).toHaveLength(0);
    expect(await tokensOf(owner.id)).toHaveLength(0);
  });

  it("refuses a sub-account, even with the profile permission", async () => {
    const { client } = await createTestClient(db);
    const { contact } = await createSubAccount(db, client.id, ["profile"]);
    const newEmail = uniqueEmail("nuevo");
    expect(await requestEmailChange(sessionUserFor(contact), { newEmail, currentPassword: TEST_PASSWORD }, IP)).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await emailsTo(newEmail)).toHaveLength(0);
  });

  it("stops after a few attempts in an hour", async () => {
    const { owner } = await createTestClient(db);
    for (let attempt = 0; attempt < EMAIL_CHANGE_PER_ACCOUNT.limit; attempt += 1) {
      await requestEmailChange(sessionUserFor(owner), { newEmail: uniqueEmail("nuevo"), currentPassword: "mala" }, IP);
    }
    const newEmail = uniqueEmail("nuevo");
    expect(await requestEmailChange(sessionUserFor(owner), { newEmail, currentPassword: TEST_PASSWORD }, IP)).toEqual({ ok: false, error: "errors.rateLimited" });
    expect(await emailsTo(newEmail)).toHaveLength(0);
  });
});

describe("confirmEmailChange", () => {
  it("changes the address when the link is followed, writes one audit row and sends nothing else", async () => {
    const { client, owner } = await createTestClient(db);
    const { newEmail, token } = await requested(owner);
    expect(await inspectEmailChangeToken(token)).toEqual({ valid: true, newEmail });
    const emailsBefore = (await emailsTo(newEmail, owner.email)).length;

    expect(await confirmEmailChange(token, IP)).toEqual({ ok: true, newEmail });

    expect((await contactRow(owner.id)).email).toBe(newEmail);
    const audits = await emailAudits(client.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ contactId: owner.id, ip: IP, details: { from: owner.email, to: newEmail } });
    expect(await emailsTo(newEmail, owner.email)).toHaveLength(emailsBefore);
    expect(await getProfile(scopeOf(client.id))).toMatchObject({ email: newEmail, pendingEmail: null });
    expect((await verifyCredentials({ email: newEmail, password: TEST_PASSWORD, ip: IP })).ok).toBe(true);
    expect((await verifyCredentials({ email: owner.email, password: TEST_PASSWORD, ip: IP })).ok).toBe(false);
  });

  it("refuses the same link a second time", async () => {
    const { client, owner } = await createTestClient(db);
    const { newEmail, token } = await requested(owner);
    expect((await confirmEmailChange(token, IP)).ok).toBe(true);

    expect(await confirmEmailChange(token, IP)).toEqual({ ok: false, error: "account.errors.emailChangeLinkInvalid" });
    expect(await inspectEmailChangeToken(token)).toEqual({ valid: false });
    expect((await contactRow(owner.id)).email).toBe(newEmail);
    expect(await emailAudits(client.id)).toHaveLength(1);
  });

  it("lets only one of two simultaneous confirmations through", async () => {
    const { client, owner } = await createTestClient(db);
    const { token } = await requested(owner);
    const results = await Promise.all([confirmEmailChange(token, IP), confirmEmailChange(token, IP)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await emailAudits(client.id)).toHaveLength(1);
  });

  it("refuses an expired link and an unknown one", async () => {
    const { owner } = await createTestClient(db);
    const { token } = await requested(owner);
    await db.update(accountTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(accountTokens.contactId, owner.id));

    expect(await confirmEmailChange(token, IP)).toEqual({ ok: false, error: "account.errors.emailChangeLinkInvalid" });
    expect(await confirmEmailChange("no-es-un-enlace", IP)).toEqual({ ok: false, error: "account.errors.emailChangeLinkInvalid" });
    expect((await contactRow(owner.id)).email).toBe(owner.email);
  });

  it("makes a newer request void the older link", async () => {
    const { owner } = await createTestClient(db);
    const first = await requested(owner);
    const second = await requested(owner);

    expect(await confirmEmailChange(first.token, IP)).toEqual({ ok: false, error: "account.errors.emailChangeLinkInvalid" });
    expect(await confirmEmailChange(second.token, IP)).toEqual({ ok: true, newEmail: second.newEmail });
  });

  it("refuses when another account took the address after the request, and the link is spent", async () => {
    const { client, owner } = await createTestClient(db);
    const { newEmail, token } = await requested(owner);
    await createTestClient(db, { owner: { email: newEmail } });

    expect(await confirmEmailChange(token, IP)).toEqual({ ok: false, error: "account.errors.emailTaken" });
    expect((await contactRow(owner.id)).email).toBe(owner.email);
    expect(await emailAudits(client.id)).toHaveLength(0);
    expect(await inspectEmailChangeToken(token)).toEqual({ valid: false });
  });
});

describe("the actions", () => {
  function signInAs(user: SessionUser) {
    request.auth.mockResolvedValue({ contactId: user.contactId, clientId: user.clientId, isOwner: user.isOwner, permissions: user.permissions, user: { name: user.name, email: user.email } });
  }

  it("requests from the form of the session's owner, ignoring a contact id sent with it", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    signInAs(sessionUserFor(mine.owner));
    const newEmail = uniqueEmail("nuevo");
    const form = new FormData();
    form.append("newEmail", newEmail);
    form.append("currentPassword", TEST_PASSWORD);
    form.append("contactId", String(other.owner.id));

    expect(await requestEmailChangeAction(null, form)).toEqual({ ok: true, message: "account.email.requested" });
    expect(request.revalidatePath).toHaveBeenCalledWith("/cuenta");
    expect(await tokensOf(mine.owner.id)).toHaveLength(1);
    expect(await tokensOf(other.owner.id)).toHaveLength(0);
    const [verify] = await emailsTo(newEmail);
    const [token] = await tokensOf(mine.owner.id);
    expect(token!.requestedIp).toBe("198.51.100.44");

    // Signed out: the confirmation is public, the token is the proof.
    request.auth.mockResolvedValue(null);
    const confirm = new FormData();
    confirm.append("token", LINK.exec(verify!.text)![1]!);
    expect(await confirmEmailChangeAction(null, confirm)).toEqual({ ok: true, data: { newEmail } });
    expect((await contactRow(mine.owner.id)).email).toBe(newEmail);
    expect(await confirmEmailChangeAction(null, confirm)).toEqual({ ok: false, error: "account.errors.emailChangeLinkInvalid" });
  });

  it("answers forbidden to a sub-account without the profile permission", async () => {
    const { client } = await createTestClient(db);
    const { contact } = await createSubAccount(db, client.id, ["tickets"]);
    signInAs(sessionUserFor(contact));
    const form = new FormData();
    form.append("newEmail", uniqueEmail("nuevo"));
    form.append("currentPassword", TEST_PASSWORD);
    expect(await requestEmailChangeAction(null, form)).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await tokensOf(contact.id)).toHaveLength(0);
  });
});
