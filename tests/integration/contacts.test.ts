import { mockActionRequest } from "@/tests/helpers/action-request";
import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { accountTokens, auditLog, clients, contacts, PERMISSIONS, sentEmails, ticketReplies, tickets, userSessions, type Permission } from "@/db/schema";
import { parseForm } from "@/lib/actions";
import { invoiceRecipients } from "@/lib/billing/billing-recipients";
import { loadSessionContact, startDeviceSession } from "@/lib/auth/device-sessions";
import type { SessionUser } from "@/lib/auth/session";
import { hashToken } from "@/lib/auth/tokens";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { contactFormSchema, type ContactInput } from "@/lib/contacts/contact-input";
import { deleteContact } from "@/lib/contacts/delete-contact";
import { acceptInvitation, inspectInvitation } from "@/lib/contacts/invitation";
import { getContact, listContacts } from "@/lib/contacts/list-contacts";
import { resendInvitation } from "@/lib/contacts/resend-invitation";
import { saveContact } from "@/lib/contacts/save-contact";
import { env } from "@/lib/env";
import { setProviderForTests } from "@/lib/providers";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, createTestTicket, sessionUserFor, uniqueEmail, uniqueSuffix } from "@/tests/helpers/factories";
import { scopeOf } from "@/tests/helpers/scope";
import { form } from "@/tests/helpers/form-data";

// The real action wrapper runs; only what needs a live request is replaced: Auth.js's session lookup,
// the request headers and the cache revalidation.
const request = mockActionRequest({ forwardedFor: "198.51.100.40" });

const { deleteContactAction, saveContactAction } = await import("@/app/(portal)/cuenta/contactos/actions");

let db: Database;
let ipCounter = 0;
const run = uniqueSuffix().slice(0, 4);
// Unique per test and run: the invitation form is rate limited per IP, and files share one database on DATABASE_URL.
const nextIp = () => `2001:db8:c0:${run}::${(ipCounter += 1)}`;
const NEW_PASSWORD = "Clave-De-Subcuenta-2026";
const invitationPrefix = `${env.APP_BASE_URL.replace(/\/+$/, "")}/invitacion/`;

beforeAll(async () => {
  db = await setupTestDatabase();
});

beforeEach(() => {
  // The outbox provider prints every message; keep the output readable.
  vi.spyOn(console, "log").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  setProviderForTests("email", null);
});


function signInAs(user: SessionUser) {
  request.auth.mockResolvedValue({ contactId: user.contactId, clientId: user.clientId, isOwner: user.isOwner, permissions: user.permissions, user: { name: user.name, email: user.email } });
}

function contactInput(overrides: Partial<ContactInput> = {}): ContactInput {
  return {
    contactId: "nuevo",
    firstName: "Marta",
    lastName: "Facturas Ruiz",
    companyName: "",
    email: uniqueEmail("marta"),
    phone: "",
    address1: "",
    city: "",
    province: "",
    postcode: "",
    country: "",
    emailPreferences: ["invoices"],
    ...overrides,
  };
}

/** Where a server action's redirect() points, or a failure naming what it returned instead. */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    const result = await promise;
    throw new Error(`No redirect; the action returned ${JSON.stringify(result)}`);
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (!digest?.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2]!;
  }
}

async function contactRow(id: number) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row;
}

async function clientRow(id: number) {
  const [row] = await db.select().from(clients).where(eq(clients.id, id));
  return row!;
}

async function auditActions(clientId: number) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.clientId, clientId)).orderBy(auditLog.id);
  return rows.filter((row) => row.action.startsWith("contact.") || row.action.startsWith("invitation."));
}

async function invitationLinkTo(address: string): Promise<string> {
  const [email] = await db.select().from(sentEmails).where(eq(sentEmails.toAddress, address)).orderBy(desc(sentEmails.id)).limit(1);
  if (!email) throw new Error(`No email to ${address}`);
  const escaped = invitationPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = email.text.match(new RegExp(`${escaped}([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`No invitation link in: ${email.text}`);
  return match[1]!;
}

/** An owner who invited a sub-account with the given permissions; returns the raw token from the email. */
async function invitedSubAccount(permissions: Permission[] = ["invoices"]) {
  const { client, owner } = await createTestClient(db);
  const email = uniqueEmail("invitada");
  const result = await saveContact(sessionUserFor(owner), contactInput({ email, firstName: "Inés", hasAccess: "on", permissions }), nextIp());
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { client, owner, email, contactId: result.contactId, token: await invitationLinkTo(email) };
}

describe("saveContact: contacts and their email preferences", () => {
  it("creates a contact with the invoices preference, scoped to the session's client, and audits it", async () => {
    const { client, owner } = await createTestClient(db);
    const email = uniqueEmail("facturas");

    const result = await saveContact(sessionUserFor(owner), contactInput({ email: ` ${email.toUpperCase()} `, phone: "+34 600 111 222", country: "es", postcode: "28013" }), "203.0.113.9");

    expect(result).toMatchObject({ ok: true, created: true, invitation: null });
    const id = (result as { contactId: number }).contactId;
    const row = await contactRow(id);
    expect(row).toMatchObject({
      clientId: client.id,
      isOwner: false,
      hasAccess: false,
      email,
      phone: "+34 600 111 222",
      country: "ES",
      permissions: [],
      passwordHash: null,
      emailPreferences: { general: false, invoices: true, support: false, products: false, domains: false },
    });
    // The billing emails go to it from now on.
    expect((await invoiceRecipients(db, client.id)).map((recipient) => recipient.email)).toContain(email);
    const audits = await auditActions(client.id);
    expect(audits.map((audit) => audit.action)).toEqual(["contact.created"]);
    expect(audits[0]).toMatchObject({ contactId: owner.id, ip: "203.0.113.9", details: expect.objectContaining({ contactId: id }) });
    expect((await listContacts(scopeOf(client.id))).map((contact) => contact.id)).toEqual([owner.id, id]);
    expect(await getContact(scopeOf(client.id), id)).toMatchObject({ id, email, isDefaultBilling: false, invitationPending: false });
  });

  it("refuses bad fields with message keys and writes nothing", async () => {
    const { client, owner } = await createTestClient(db);
    const result = await saveContact(
      sessionUserFor(owner),
      contactInput({ firstName: " ", email: "no-es-un-correo", phone: "llámeme", country: "ES", postcode: "99999", companyName: "x".repeat(201) }),
      nextIp(),
    );
    expect(result).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: {
        firstName: "errors.required",
        email: "errors.emailInvalid",
        phone: "contacts.errors.phoneInvalid",
        postcode: "contacts.errors.postcodeSpain",
        companyName: "contacts.errors.tooLong",
      },
    });
    expect(await listContacts(scopeOf(client.id))).toHaveLength(1);
    expect(await auditActions(client.id)).toHaveLength(0);
  });

  it("updates a contact and audits only the fields that changed", async () => {
    const { client, owner } = await createTestClient(db);
    const created = await saveContact(sessionUserFor(owner), contactInput(), nextIp());
    const id = (created as { contactId: number }).contactId;
    const before = await contactRow(id);

    const result = await saveContact(
      sessionUserFor(owner),
      contactInput({ contactId: String(id), email: before!.email, city: "Toledo", emailPreferences: ["invoices", "support"] }),
      nextIp(),
    );
    expect(result).toEqual({ ok: true, contactId: id, created: false, invitation: null });
    expect(await contactRow(id)).toMatchObject({ city: "Toledo", emailPreferences: { invoices: true, support: true, general: false } });
    const [, updated] = await auditActions(client.id);
    expect(updated).toMatchObject({ action: "contact.updated", details: { contactId: id, fields: ["city", "emailPreferences"] } });
  });

  it("does not edit the owner here: its details are Mis datos", async () => {
    const { owner } = await createTestClient(db);
    const result = await saveContact(sessionUserFor(owner), contactInput({ contactId: String(owner.id), email: owner.email }), nextIp());
    expect(result).toEqual({ ok: false, error: "contacts.errors.ownerNotEditable" });
    expect(await contactRow(owner.id)).toEqual(owner);
  });

  it("refuses a sub-account without the contacts permission", async () => {
    const { client } = await createTestClient(db);
    const { contact } = await createSubAccount(db, client.id, ["invoices"]);
    expect(await saveContact(sessionUserFor(contact), contactInput(), nextIp())).toEqual({ ok: false, error: "errors.forbidden" });
    signInAs(sessionUserFor(contact));
    expect(await saveContactAction(null, form(contactInput() as Record<string, string | string[]>))).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await listContacts(scopeOf(client.id))).toHaveLength(2);
  });
});

describe("invitations", () => {
  it("invites a new sub-account by email; the link sets its password once and it signs in with its own address", async () => {
    const { client, owner, email, contactId, token } = await invitedSubAccount(["invoices", "tickets"]);

    const [sent] = await db.select().from(sentEmails).where(eq(sentEmails.toAddress, email));
    expect(sent).toMatchObject({ template: "contact-invitation", clientId: client.id, contactId });
    expect(sent!.html).toContain(`${invitationPrefix}${token}`);
    const [tokenRow] = await db.select().from(accountTokens).where(eq(accountTokens.tokenHash, hashToken(token)));
    expect(tokenRow).toMatchObject({ contactId, purpose: "invitation", usedAt: null });
    const days = (tokenRow!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect(await contactRow(contactId)).toMatchObject({ hasAccess: true, permissions: ["invoices", "tickets"], passwordHash: null });
    expect(await getContact(scopeOf(client.id), contactId)).toMatchObject({ invitationPending: true });
    // Not yet: without a password nobody signs in with the address.
    expect(await verifyCredentials({ email, password: NEW_PASSWORD, ip: nextIp() })).toMatchObject({ ok: false });

    // The full name lets the page's strength meter judge the password as the server does.
    expect(await inspectInvitation(token)).toMatchObject({ valid: true, email, name: "Inés", fullName: "Inés Facturas Ruiz" });
    expect(await acceptInvitation({ token, password: "corta", passwordConfirmation: "corta", ip: nextIp() })).toMatchObject({
      ok: false,
      fieldErrors: { password: "security.errors.passwordTooShort" },
    });
    expect(await acceptInvitation({ token, password: NEW_PASSWORD, passwordConfirmation: `${NEW_PASSWORD}x`, ip: nextIp() })).toMatchObject({
      ok: false,
      fieldErrors: { passwordConfirmation: "security.errors.passwordMismatch" },
    });
    expect(await acceptInvitation({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip: nextIp() })).toEqual({ ok: true, email });

    const signedIn = await verifyCredentials({ email, password: NEW_PASSWORD, ip: nextIp() });
    expect(signedIn).toMatchObject({ ok: true, contact: { id: contactId, clientId: client.id } });
    // Single use.
    expect(await acceptInvitation({ token, password: "Otra-Clave-Distinta-1", passwordConfirmation: "Otra-Clave-Distinta-1", ip: nextIp() })).toEqual({
      ok: false,
      error: "contacts.errors.invitationInvalid",
    });
    expect(await inspectInvitation(token)).toEqual({ valid: false });
    expect((await verifyCredentials({ email, password: NEW_PASSWORD, ip: nextIp() })).ok).toBe(true);

    const audits = await auditActions(client.id);
    expect(audits.map((audit) => audit.action)).toEqual(["contact.created", "contact.access_granted", "invitation.accepted"]);
    expect(audits[1]).toMatchObject({ contactId: owner.id, details: expect.objectContaining({ permissions: ["invoices", "tickets"] }) });
    expect(audits[2]).toMatchObject({ contactId });
  });

  it("holds the chosen password to the same policy as Cambiar contraseña: weak or personal passwords set nothing", async () => {
    const { client, email, contactId, token } = await invitedSubAccount();
    const refusals: [string, string][] = [
      ["Password123", "security.errors.passwordCommon"],
      ["abcdefghij", "security.errors.passwordWeak"],
      [`${email.split("@")[0]}-Zq81v!`, "security.errors.passwordContainsEmail"],
    ];
    for (const [password, errorKey] of refusals) {
      expect(await acceptInvitation({ token, password, passwordConfirmation: password, ip: nextIp() }), password).toEqual({
        ok: false,
        error: "errors.checkFields",
        fieldErrors: { password: errorKey },
      });
    }

    expect(await contactRow(contactId)).toMatchObject({ passwordHash: null });
    expect(await verifyCredentials({ email, password: "Password123", ip: nextIp() })).toMatchObject({ ok: false });
    expect((await auditActions(client.id)).map((audit) => audit.action)).not.toContain("invitation.accepted");
    // The link was not spent by the refusals.
    expect(await inspectInvitation(token)).toMatchObject({ valid: true });
    expect(await acceptInvitation({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip: nextIp() })).toEqual({ ok: true, email });
  });

  it("refuses an unknown or malformed token", async () => {
    expect(await inspectInvitation("no-existe")).toEqual({ valid: false });
    expect(await acceptInvitation({ token: "x".repeat(300), password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip: nextIp() })).toEqual({
      ok: false,
      error: "contacts.errors.invitationInvalid",
    });
  });

  it("refuses a sign-in address another contact already uses, with a message on the email field", async () => {
    const { owner } = await createTestClient(db);
    const elsewhere = await createTestClient(db);
    const before = await listContacts(scopeOf(owner.clientId));
    const result = await saveContact(sessionUserFor(owner), contactInput({ email: elsewhere.owner.email, hasAccess: "on", permissions: ["invoices"] }), nextIp());
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { email: "contacts.errors.emailTaken" } });
    expect(await listContacts(scopeOf(owner.clientId))).toEqual(before);
    // Without access the address may repeat: such a contact only receives emails.
    expect((await saveContact(sessionUserFor(owner), contactInput({ email: elsewhere.owner.email }), nextIp())).ok).toBe(true);
  });

  it("lets only one of two simultaneous invitations to the same address through", async () => {
    const a = await createTestClient(db);
    const b = await createTestClient(db);
    const email = uniqueEmail("carrera");
    const results = await Promise.all(
      [a.owner, b.owner].map((owner) => saveContact(sessionUserFor(owner), contactInput({ email, hasAccess: "on", permissions: ["invoices"] }), nextIp())),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "errors.checkFields", fieldErrors: { email: "contacts.errors.emailTaken" } }]);
    expect(await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.email, email), eq(contacts.hasAccess, true)))).toHaveLength(1);
  });

  it("keeps the access when the email cannot be sent, and a resent invitation replaces the first link", async () => {
    const { client, owner } = await createTestClient(db);
    setProviderForTests("email", {
      name: "outbox",
      async send() {
        throw new Error("proveedor caído");
      },
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const email = uniqueEmail("sin-correo");
    const result = await saveContact(sessionUserFor(owner), contactInput({ email, hasAccess: "on", permissions: ["tickets"] }), nextIp());
    expect(result).toMatchObject({ ok: true, invitation: "failed" });
    const contactId = (result as { contactId: number }).contactId;
    expect(await contactRow(contactId)).toMatchObject({ hasAccess: true });

    setProviderForTests("email", null);
    expect(await resendInvitation(sessionUserFor(owner), contactId, nextIp())).toEqual({ ok: true });
    const token = await invitationLinkTo(email);
    const tokens = await db.select().from(accountTokens).where(and(eq(accountTokens.contactId, contactId), eq(accountTokens.purpose, "invitation")));
    expect(tokens.filter((row) => row.usedAt === null)).toHaveLength(1);
    expect((await acceptInvitation({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip: nextIp() })).ok).toBe(true);
    expect(await resendInvitation(sessionUserFor(owner), contactId, nextIp())).toEqual({ ok: false, error: "contacts.errors.noPendingInvitation" });
    expect((await auditActions(client.id)).map((audit) => audit.action)).toContain("contact.invitation_sent");
  });

  it("sends a pending invitation again to a corrected address; the old link stops working", async () => {
    const { owner, contactId, token } = await invitedSubAccount();
    const corrected = uniqueEmail("corregida");
    const result = await saveContact(
      sessionUserFor(owner),
      contactInput({ contactId: String(contactId), email: corrected, firstName: "Inés", hasAccess: "on", permissions: ["invoices"] }),
      nextIp(),
    );
    expect(result).toMatchObject({ ok: true, invitation: "sent" });
    expect(await inspectInvitation(token)).toEqual({ valid: false });
    expect(await inspectInvitation(await invitationLinkTo(corrected))).toMatchObject({ valid: true, email: corrected });
  });
});

describe("access and permissions are the owner's", () => {
  it("ignores access and permissions sent by a sub-account with the contacts permission, for new contacts, others and itself", async () => {
    const { client } = await createTestClient(db);
    const { contact: manager } = await createSubAccount(db, client.id, ["contacts"]);
    const { contact: colleague } = await createSubAccount(db, client.id, ["tickets"]);
    const session = sessionUserFor(manager);
    const everything = [...PERMISSIONS];

    const created = await saveContact(session, contactInput({ hasAccess: "on", permissions: everything }), nextIp());
    expect(created).toMatchObject({ ok: true, invitation: null });
    expect(await contactRow((created as { contactId: number }).contactId)).toMatchObject({ hasAccess: false, permissions: [] });

    const colleagueEdit = await saveContact(
      session,
      contactInput({ contactId: String(colleague.id), email: colleague.email, firstName: "Colega", hasAccess: "", permissions: everything }),
      nextIp(),
    );
    expect(colleagueEdit.ok).toBe(true);
    expect(await contactRow(colleague.id)).toMatchObject({ firstName: "Colega", hasAccess: true, permissions: ["tickets"], sessionVersion: colleague.sessionVersion });

    // Through the real action and parseForm as well, with the fields a crafted form would send.
    signInAs(session);
    const target = await redirectOf(
      saveContactAction(
        null,
        form({ ...(contactInput({ contactId: String(manager.id), email: manager.email, firstName: "Yo" }) as Record<string, string | string[]>), hasAccess: "on", permissions: everything, isOwner: "true", clientId: "1" }),
      ),
    );
    expect(target).toBe(`/cuenta/contactos?contacto=${manager.id}&aviso=updated`);
    expect(await contactRow(manager.id)).toMatchObject({ firstName: "Yo", isOwner: false, clientId: client.id, hasAccess: true, permissions: ["contacts"] });
    expect((await auditActions(client.id)).map((audit) => audit.action)).not.toContain("contact.permissions_changed");
  });

  it("does not let a sub-account change the address another sub-account (or itself) signs in with", async () => {
    const { client } = await createTestClient(db);
    const { contact: manager } = await createSubAccount(db, client.id, ["contacts"]);
    const { contact: colleague } = await createSubAccount(db, client.id, ["invoices"]);
    const result = await saveContact(sessionUserFor(manager), contactInput({ contactId: String(colleague.id), email: uniqueEmail("robo") }), nextIp());
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { email: "contacts.errors.emailLocked" } });
    expect(await contactRow(colleague.id)).toEqual(colleague);
  });

  it("takes a removed permission into account on the sub-account's very next request", async () => {
    const { owner, client } = await createTestClient(db);
    const { contact } = await createSubAccount(db, client.id, ["invoices", "tickets"]);
    const sessionId = await startDeviceSession({ contactId: contact.id, ip: nextIp(), userAgent: "Prueba" });
    const token = { contactId: contact.id, sessionVersion: contact.sessionVersion, sessionId };
    expect((await loadSessionContact(token))?.permissions).toEqual(["invoices", "tickets"]);

    const result = await saveContact(
      sessionUserFor(owner),
      contactInput({ contactId: String(contact.id), email: contact.email, firstName: contact.firstName, lastName: contact.lastName, emailPreferences: ["general"], hasAccess: "on", permissions: ["tickets"] }),
      nextIp(),
    );
    expect(result.ok).toBe(true);
    expect((await loadSessionContact(token))?.permissions).toEqual(["tickets"]);
    const audits = await auditActions(client.id);
    expect(audits.map((audit) => audit.action)).toEqual(["contact.permissions_changed"]);
    expect(audits[0]!.details).toEqual({ contactId: contact.id, added: [], removed: ["invoices"] });
  });

  it("signs a sub-account out at once when its access is removed, and giving it back starts with a new invitation", async () => {
    const { owner, client } = await createTestClient(db);
    const { contact, password } = await createSubAccount(db, client.id, ["invoices"]);
    const sessionId = await startDeviceSession({ contactId: contact.id, ip: nextIp(), userAgent: "Prueba" });
    const token = { contactId: contact.id, sessionVersion: contact.sessionVersion, sessionId };
    expect(await loadSessionContact(token)).not.toBeNull();

    const input = contactInput({ contactId: String(contact.id), email: contact.email, firstName: contact.firstName, lastName: contact.lastName, emailPreferences: ["general"] });
    expect(await saveContact(sessionUserFor(owner), { ...input, permissions: ["invoices"] }, nextIp())).toMatchObject({ ok: true, invitation: null });

    expect(await loadSessionContact(token)).toBeNull();
    const row = await contactRow(contact.id);
    expect(row).toMatchObject({ hasAccess: false, permissions: [], passwordHash: null, sessionVersion: contact.sessionVersion + 1 });
    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, sessionId));
    expect(session!.revokedAt).not.toBeNull();
    expect((await verifyCredentials({ email: contact.email, password, ip: nextIp() })).ok).toBe(false);
    expect((await auditActions(client.id)).map((audit) => audit.action)).toEqual(["contact.access_revoked"]);

    expect(await saveContact(sessionUserFor(owner), { ...input, hasAccess: "on", permissions: ["invoices"] }, nextIp())).toMatchObject({ ok: true, invitation: "sent" });
    // The old password is not revived: only the new link lets the person in.
    expect((await verifyCredentials({ email: contact.email, password, ip: nextIp() })).ok).toBe(false);
    expect(await inspectInvitation(await invitationLinkTo(contact.email))).toMatchObject({ valid: true });
  });
});

describe("another client's contact", () => {
  it("is not found for reading, saving, resending or deleting, and nothing changes", async () => {
    const mine = await createTestClient(db);
    const theirs = await createTestClient(db);
    const { contact } = await createSubAccount(db, theirs.client.id, ["invoices"], { passwordHash: null });
    const session = sessionUserFor(mine.owner);

    expect(await getContact(scopeOf(mine.client.id), contact.id)).toBeNull();
    expect(await saveContact(session, contactInput({ contactId: String(contact.id), email: contact.email, hasAccess: "", permissions: [] }), nextIp())).toEqual({
      ok: false,
      error: "contacts.errors.notFound",
    });
    expect(await saveContact(session, contactInput({ contactId: "12abc" }), nextIp())).toEqual({ ok: false, error: "contacts.errors.notFound" });
    expect(await resendInvitation(session, contact.id, nextIp())).toEqual({ ok: false, error: "contacts.errors.notFound" });
    expect(await deleteContact(session, contact.id, nextIp())).toEqual({ ok: false, error: "contacts.errors.notFound" });
    signInAs(session);
    expect(await deleteContactAction(null, form({ contactId: String(contact.id), confirm: "yes" }))).toEqual({ ok: false, error: "contacts.errors.notFound" });

    expect(await contactRow(contact.id)).toEqual(contact);
    expect(await auditActions(mine.client.id)).toHaveLength(0);
    expect(await auditActions(theirs.client.id)).toHaveLength(0);
  });
});

describe("deleting a contact", () => {
  it("needs the confirm field, then clears the default billing contact, keeps the tickets, ends the sessions and audits", async () => {
    const { client, owner } = await createTestClient(db);
    const { contact } = await createSubAccount(db, client.id, ["tickets"]);
    await db.update(clients).set({ defaultBillingContactId: contact.id }).where(eq(clients.id, client.id));
    const { ticket, reply } = await createTestTicket(db, client.id, { contactId: contact.id });
    await startDeviceSession({ contactId: contact.id, ip: nextIp(), userAgent: null });
    signInAs(sessionUserFor(owner));

    const unconfirmed = await deleteContactAction(null, form({ contactId: String(contact.id) }));
    expect(unconfirmed).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { confirm: "contacts.errors.confirmRequired" } });
    expect(await contactRow(contact.id)).toBeDefined();

    expect(await redirectOf(deleteContactAction(null, form({ contactId: String(contact.id), confirm: "yes" })))).toBe("/cuenta/contactos?aviso=deleted");
    expect(await contactRow(contact.id)).toBeUndefined();
    expect((await clientRow(client.id)).defaultBillingContactId).toBeNull();
    const [ticketAfter] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(ticketAfter).toMatchObject({ clientId: client.id, contactId: null, subject: ticket.subject });
    const [replyAfter] = await db.select().from(ticketReplies).where(eq(ticketReplies.id, reply.id));
    expect(replyAfter).toMatchObject({ contactId: null, authorName: reply.authorName, message: reply.message });
    expect(await db.select().from(userSessions).where(eq(userSessions.contactId, contact.id))).toHaveLength(0);
    const [audit] = await auditActions(client.id);
    expect(audit).toMatchObject({
      action: "contact.deleted",
      contactId: owner.id,
      ip: "198.51.100.40",
      details: expect.objectContaining({ contactId: contact.id, hadAccess: true, wasDefaultBilling: true }),
    });
    expect(request.revalidatePath).toHaveBeenCalledWith("/cuenta/contactos");
  });

  it("never deletes the owner or oneself, and leaves sub-accounts with access to the owner", async () => {
    const { client, owner } = await createTestClient(db);
    const { contact: manager } = await createSubAccount(db, client.id, ["contacts"]);
    const { contact: colleague } = await createSubAccount(db, client.id, ["invoices"]);
    const plain = await saveContact(sessionUserFor(owner), contactInput(), nextIp());
    const plainId = (plain as { contactId: number }).contactId;

    expect(await deleteContact(sessionUserFor(owner), owner.id, nextIp())).toEqual({ ok: false, error: "contacts.errors.ownerNotDeletable" });
    expect(await deleteContact(sessionUserFor(manager), manager.id, nextIp())).toEqual({ ok: false, error: "contacts.errors.cannotDeleteSelf" });
    expect(await deleteContact(sessionUserFor(manager), colleague.id, nextIp())).toEqual({ ok: false, error: "contacts.errors.ownerOnlyAccess" });
    expect(await deleteContact(sessionUserFor(colleague), plainId, nextIp())).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await listContacts(scopeOf(client.id))).toHaveLength(4);

    expect(await deleteContact(sessionUserFor(manager), plainId, nextIp())).toEqual({ ok: true });
    expect(await contactRow(plainId)).toBeUndefined();
  });
});

describe("parseForm with the contact form schema", () => {
  it("reads only the form's fields; a client id, owner flag or password hash sent along is dropped", () => {
    const parsed = parseForm(
      contactFormSchema,
      form({ ...(contactInput() as Record<string, string | string[]>), clientId: "9", isOwner: "true", passwordHash: "x", sessionVersion: "99" }),
    );
    expect(parsed.success).toBe(true);
    expect(parsed.data).not.toHaveProperty("clientId");
    expect(parsed.data).not.toHaveProperty("isOwner");
    expect(parsed.data).not.toHaveProperty("passwordHash");
  });
});
