import { createTestStaff, customerSessionOf, signInAsStaff, staffRequest, type TestStaff } from "@/tests/helpers/staff-request";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, clientNotes, clients, contacts, creditLedgerEntries, impersonations, invoices, staffSessions, userSessions } from "@/db/schema";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestDomain, sessionUserFor, TEST_PASSWORD, uniqueSuffix } from "@/tests/helpers/factories";
import { Forbidden, NotFound, Redirected } from "@/tests/helpers/next-navigation";
import { form } from "@/tests/helpers/form-data";

// signIn is Auth.js's; here it records the grant the action hands it and redirects like the real one.
const signInCalls: { provider: string; grant: string }[] = [];
vi.doMock("@/lib/auth/config", () => ({
  auth: async () => staffRequest.customerSession,
  signIn: async (provider: string, options: { grant: string; redirectTo: string }) => {
    signInCalls.push({ provider, grant: options.grant });
    throw new Redirected(options.redirectTo);
  },
  signOut: async (options: { redirectTo: string }) => {
    throw new Redirected(options.redirectTo);
  },
}));

const actions = await import("@/app/admin/(desk)/clientes/[clientId]/actions");
const { default: ClientsPage } = await import("@/app/admin/(desk)/clientes/page");
const { default: ClientPage } = await import("@/app/admin/(desk)/clientes/[clientId]/page");
const { searchClients } = await import("@/lib/staff/clients/client-search");
const { getClientSummary } = await import("@/lib/staff/clients/client-summary");
const { redeemImpersonationGrant, loadActiveImpersonation, endImpersonation } = await import("@/lib/staff/impersonation");
const { endStaffSession } = await import("@/lib/staff/staff-sessions");
const { staffCookieName } = await import("@/lib/staff/staff-cookie");
const { getStaffUser } = await import("@/lib/staff/staff-session");
const { updateProfileAction, requestEmailChangeAction } = await import("@/app/(portal)/cuenta/actions");
const { changePasswordAction } = await import("@/app/(portal)/cuenta/contrasena/actions");
const { listActivity } = await import("@/lib/account/activity");

let db: Database;
let admin: TestStaff;
let support: TestStaff;
let billing: TestStaff;

const profile = { firstName: "Lucía", lastName: "Cambiada", companyName: "", taxId: "", address1: "Calle Mayor 1", address2: "", city: "Madrid", province: "Madrid", postcode: "28013", country: "ES", phone: "", language: "es" };

async function writes(clientId: number) {
  const [audit] = await db.select({ n: count() }).from(auditLog).where(sql`${auditLog.clientId} = ${clientId} or (${auditLog.details}->>'clientId')::text = ${String(clientId)}`);
  const [notes] = await db.select({ n: count() }).from(clientNotes).where(eq(clientNotes.clientId, clientId));
  const [credit] = await db.select({ n: count() }).from(creditLedgerEntries).where(eq(creditLedgerEntries.clientId, clientId));
  const [bills] = await db.select({ n: count() }).from(invoices).where(eq(invoices.clientId, clientId));
  const [grants] = await db.select({ n: count() }).from(impersonations).where(eq(impersonations.clientId, clientId));
  const [client] = await db.select({ lastName: clients.lastName }).from(clients).where(eq(clients.id, clientId));
  return { audit: audit!.n, notes: notes!.n, credit: credit!.n, bills: bills!.n, grants: grants!.n, lastName: client!.lastName };
}

function everyAction(clientId: number) {
  const id = String(clientId);
  return [
    { name: "details", run: () => actions.updateClientDetailsAction(null, form({ clientId: id, ...profile })) },
    { name: "credit", run: () => actions.addClientCreditAction(null, form({ clientId: id, amount: "10", reason: "Compensación" })) },
    { name: "charge", run: () => actions.addManualChargeAction(null, form({ clientId: id, amount: "10", reason: "Trabajo extra" })) },
    { name: "note", run: () => actions.addClientNoteAction(null, form({ clientId: id, note: "Llamó por teléfono" })) },
    { name: "impersonate", run: () => actions.impersonateClientAction(null, form({ clientId: id })) },
  ];
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  admin = await createTestStaff(db, "admin");
  support = await createTestStaff(db, "support");
  billing = await createTestStaff(db, "billing");
});
afterAll(teardownTestDatabase);

describe("who may use the client pages and actions", () => {
  it("answers 404 to every action and page signed out or with a customer's session, and writes nothing", async () => {
    const { owner } = await createTestClient(db);
    const before = await writes(owner.clientId);
    for (const session of [null, customerSessionOf(sessionUserFor(owner))]) {
      staffRequest.cookies.clear();
      staffRequest.customerSession = session;
      for (const action of everyAction(owner.clientId)) await expect(action.run(), action.name).rejects.toBeInstanceOf(NotFound);
      await expect(ClientsPage({ searchParams: Promise.resolve({ q: undefined, cursor: undefined }) })).rejects.toBeInstanceOf(NotFound);
      await expect(ClientPage({ params: Promise.resolve({ clientId: String(owner.clientId) }) })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await writes(owner.clientId)).toEqual(before);
  });

  it("answers 403 to support on money and details, to billing on impersonation, and writes nothing", async () => {
    const { owner } = await createTestClient(db);
    const before = await writes(owner.clientId);
    await signInAsStaff(db, support);
    for (const action of everyAction(owner.clientId).filter((a) => ["details", "credit", "charge"].includes(a.name))) await expect(action.run(), action.name).rejects.toBeInstanceOf(Forbidden);
    staffRequest.cookies.clear();
    await signInAsStaff(db, billing);
    await expect(actions.impersonateClientAction(null, form({ clientId: String(owner.clientId) }))).rejects.toBeInstanceOf(Forbidden);
    expect(await writes(owner.clientId)).toEqual(before);
    // Support may view the client and write notes.
    staffRequest.cookies.clear();
    await signInAsStaff(db, support);
    await ClientPage({ params: Promise.resolve({ clientId: String(owner.clientId) }) });
    expect(await actions.addClientNoteAction(null, form({ clientId: String(owner.clientId), note: "Cliente de toda la vida" }))).toMatchObject({ ok: true });
  });

  it("refuses bad input with a message next to the field and writes nothing", async () => {
    const { owner } = await createTestClient(db);
    await signInAsStaff(db, admin);
    const id = String(owner.clientId);
    const before = await writes(owner.clientId);
    expect(await actions.addClientCreditAction(null, form({ clientId: id, amount: "0", reason: "x" }))).toMatchObject({ ok: false, fieldErrors: { amount: "admin.errors.amountInvalid" } });
    expect(await actions.addClientCreditAction(null, form({ clientId: id, amount: "1.000", reason: "x" }))).toMatchObject({ ok: false, fieldErrors: { amount: "admin.errors.amountInvalid" } });
    expect(await actions.addClientCreditAction(null, form({ clientId: id, amount: "9999999", reason: "x" }))).toMatchObject({ ok: false, fieldErrors: { amount: "admin.errors.amountTooLarge" } });
    expect(await actions.addManualChargeAction(null, form({ clientId: id, amount: "10", reason: "  " }))).toMatchObject({ ok: false, fieldErrors: { reason: "admin.errors.reasonRequired" } });
    expect(await actions.addClientNoteAction(null, form({ clientId: id, note: "" }))).toMatchObject({ ok: false, fieldErrors: { note: "admin.errors.noteRequired" } });
    expect(await actions.updateClientDetailsAction(null, form({ clientId: id, ...profile, postcode: "2801", firstName: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { firstName: "errors.required", postcode: expect.stringMatching(/errors\./) },
    });
    expect(await actions.addClientCreditAction(null, form({ clientId: "abc", amount: "5", reason: "x" }))).toMatchObject({ ok: false, fieldErrors: { clientId: "errors.invalidValue" } });
    // A client that does not exist.
    expect(await actions.addClientCreditAction(null, form({ clientId: "2147483000", amount: "5", reason: "x" }))).toEqual({ ok: false, error: "admin.errors.clientNotFound" });
    expect(await actions.addClientNoteAction(null, form({ clientId: "2147483000", note: "x" }))).toEqual({ ok: false, error: "admin.errors.clientNotFound" });
    expect(await writes(owner.clientId)).toEqual(before);
  });
});

describe("search and client page", () => {
  it("finds a client by name, company, NIF, contact email and domain, in keyset pages", async () => {
    const suffix = uniqueSuffix();
    const { owner, client } = await createTestClient(db, { client: { companyName: `Talleres ${suffix} SL`, taxId: "B12345674" } });
    await createTestDomain(db, client.id, { name: `tienda-${suffix}.es`, tld: "es" });
    await signInAsStaff(db, support);
    const staff = (await getStaffUser())!;
    const ids = async (query: string) => (await searchClients(staff.scope, { query })).rows.map((row) => row.id);
    expect(await ids(client.lastName)).toEqual([client.id]);
    expect(await ids(`talleres ${suffix}`)).toEqual([client.id]);
    expect(await ids(owner.email.toUpperCase())).toEqual([client.id]);
    expect(await ids(`tienda-${suffix}`)).toEqual([client.id]);
    expect(await ids("B12345674")).toContain(client.id);
    expect(await ids(`nadie-${suffix}%`)).toEqual([]);
    const first = await searchClients(staff.scope, { query: "", limit: 2 });
    expect(first.rows).toHaveLength(2);
    const second = await searchClients(staff.scope, { query: "", limit: 2, cursor: first.nextCursor });
    expect(second.rows[0]!.id).toBeLessThan(first.rows[1]!.id);
    expect(await getClientSummary(staff.scope, 2147483000)).toBeNull();
    await expect(ClientPage({ params: Promise.resolve({ clientId: "2147483000" }) })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("money and details", () => {
  it("adds credit and a manual charge, audited with before and after, shown to the client as support", async () => {
    const { owner } = await createTestClient(db);
    await signInAsStaff(db, billing);
    const id = String(owner.clientId);
    expect(await actions.addClientCreditAction(null, form({ clientId: id, amount: "25,50", reason: "Compensación por la caída" }))).toMatchObject({ ok: true });
    const [entry] = await db.select().from(creditLedgerEntries).where(eq(creditLedgerEntries.clientId, owner.clientId));
    expect(entry).toMatchObject({ amount: 2550, kind: "adjustment", descriptionKey: "billing.creditLedger.staffAdjustment", descriptionParams: { reason: "Compensación por la caída" } });
    const [creditAudit] = await db.select().from(auditLog).where(and(eq(auditLog.clientId, owner.clientId), eq(auditLog.action, "staff.credit_added")));
    expect(creditAudit).toMatchObject({ staffUserId: billing.id, contactId: null, details: { amount: 2550, balanceBefore: 0, balanceAfter: 2550 } });

    expect(await actions.addManualChargeAction(null, form({ clientId: id, amount: "100", reason: "Migración de la web" }))).toMatchObject({ ok: true });
    const [invoice] = await db.select().from(invoices).where(eq(invoices.clientId, owner.clientId));
    expect(invoice!.number).toBeNull();
    expect(invoice!.subtotal).toBe(10000);
    expect(invoice!.total).toBeGreaterThan(10000);
    const [chargeAudit] = await db.select().from(auditLog).where(and(eq(auditLog.clientId, owner.clientId), eq(auditLog.action, "staff.charge_added")));
    expect(chargeAudit).toMatchObject({ staffUserId: billing.id, details: { amount: 10000, total: invoice!.total, creditBefore: 2550 } });

    const activity = await listActivity(sessionUserFor(owner).scope);
    expect(activity.rows.filter((row) => row.action.startsWith("staff.")).map((row) => row.actor)).toEqual([{ kind: "staff" }, { kind: "staff" }]);
  });

  it("edits the client's details with the Mis datos rules, owner contact kept in step", async () => {
    const { owner } = await createTestClient(db);
    await signInAsStaff(db, admin);
    expect(await actions.updateClientDetailsAction(null, form({ clientId: String(owner.clientId), ...profile, taxId: "12345678z" }))).toMatchObject({ ok: true, message: "admin.clients.edit.saved" });
    const [client] = await db.select().from(clients).where(eq(clients.id, owner.clientId));
    expect(client).toMatchObject({ lastName: "Cambiada", taxId: "12345678Z" });
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, owner.id));
    expect(contact!.lastName).toBe("Cambiada");
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.clientId, owner.clientId), eq(auditLog.action, "staff.client_updated")));
    expect(row).toMatchObject({ staffUserId: admin.id, details: { fields: expect.arrayContaining(["lastName", "taxId"]) } });
  });
});

describe("Acceder como cliente", () => {
  async function startImpersonation(staff: TestStaff, clientId: number) {
    staffRequest.cookies.clear();
    await signInAsStaff(db, staff);
    signInCalls.length = 0;
    await expect(actions.impersonateClientAction(null, form({ clientId: String(clientId) }))).rejects.toEqual(new Redirected("/"));
    expect(signInCalls).toHaveLength(1);
    expect(signInCalls[0]!.provider).toBe("impersonation");
    return signInCalls[0]!.grant;
  }

  it("trades a single-use grant for a session of the owner that lasts only while the staff session does", async () => {
    const { owner } = await createTestClient(db);
    const grant = await startImpersonation(support, owner.clientId);
    const signedIn = await redeemImpersonationGrant({ grant, ip: "198.51.100.7", userAgent: "vitest" });
    expect(signedIn).toMatchObject({ id: String(owner.id) });
    expect(await redeemImpersonationGrant({ grant, ip: "198.51.100.7", userAgent: "vitest" })).toBeNull();
    expect(await redeemImpersonationGrant({ grant: "otra-cosa", ip: "198.51.100.7", userAgent: null })).toBeNull();
    const token = { impersonationId: signedIn!.impersonationId, sessionId: signedIn!.sessionId };
    expect(await loadActiveImpersonation(token)).toMatchObject({ staffUserId: support.id, clientId: owner.clientId });
    // Another session id with the same impersonation id does not count.
    expect(await loadActiveImpersonation({ ...token, sessionId: signedIn!.sessionId + 1000 })).toBeNull();
    // The staff member signs out: the impersonation ends with it.
    await endStaffSession(staffRequest.cookies.get(staffCookieName()));
    expect(await loadActiveImpersonation(token)).toBeNull();
  });

  it("ends with Terminar, with a trace on the client's Actividad", async () => {
    const { owner } = await createTestClient(db);
    const grant = await startImpersonation(admin, owner.clientId);
    const signedIn = (await redeemImpersonationGrant({ grant, ip: "198.51.100.7", userAgent: "vitest" }))!;
    expect(await endImpersonation({ impersonationId: signedIn.impersonationId, sessionId: signedIn.sessionId, ip: null })).toEqual({ clientId: owner.clientId });
    expect(await loadActiveImpersonation({ impersonationId: signedIn.impersonationId, sessionId: signedIn.sessionId })).toBeNull();
    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, signedIn.sessionId));
    expect(session!.revokedAt).not.toBeNull();
    const actionsLogged = (await listActivity(sessionUserFor(owner).scope)).rows.map((row) => [row.action, row.actor.kind]);
    expect(actionsLogged).toEqual([
      ["staff.impersonation_ended", "staff"],
      ["staff.impersonation_started", "staff"],
    ]);
  });

  it("refuses a grant once the staff session is gone or the grant has expired", async () => {
    const { owner } = await createTestClient(db);
    const grant = await startImpersonation(support, owner.clientId);
    await db.update(staffSessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(staffSessions.staffUserId, support.id));
    expect(await redeemImpersonationGrant({ grant, ip: "198.51.100.7", userAgent: null })).toBeNull();
    const late = await startImpersonation(admin, owner.clientId);
    await db.update(impersonations).set({ grantExpiresAt: sql`now() - interval '1 second'` }).where(eq(impersonations.staffUserId, admin.id));
    expect(await redeemImpersonationGrant({ grant: late, ip: "198.51.100.7", userAgent: null })).toBeNull();
  });

  it("never targets a member of staff or a client that does not exist", async () => {
    const { owner } = await createTestClient(db, { owner: { email: `x-${uniqueSuffix()}@test.local` } });
    await db.update(contacts).set({ email: admin.email.toUpperCase() }).where(eq(contacts.id, owner.id));
    staffRequest.cookies.clear();
    await signInAsStaff(db, admin);
    signInCalls.length = 0;
    expect(await actions.impersonateClientAction(null, form({ clientId: String(owner.clientId) }))).toEqual({ ok: false, error: "admin.errors.impersonationStaff" });
    expect(await actions.impersonateClientAction(null, form({ clientId: "2147483000" }))).toEqual({ ok: false, error: "admin.errors.clientNotFound" });
    expect(signInCalls).toHaveLength(0);
    const [grants] = await db.select({ n: count() }).from(impersonations).where(eq(impersonations.clientId, owner.clientId));
    expect(grants!.n).toBe(0);
  });

  it("records what the customer actions do meanwhile as done by the staff user, shown as support", async () => {
    const { owner } = await createTestClient(db);
    const grant = await startImpersonation(support, owner.clientId);
    const signedIn = (await redeemImpersonationGrant({ grant, ip: "198.51.100.7", userAgent: "vitest" }))!;
    // What Auth.js's session callback gives for this session (lib/auth/config.ts).
    staffRequest.customerSession = {
      ...customerSessionOf(sessionUserFor(owner)),
      permissions: sessionUserFor(owner).permissions,
      sessionId: signedIn.sessionId,
      impersonation: { impersonationId: signedIn.impersonationId, staffUserId: support.id, staffName: support.name },
    };
    expect(await updateProfileAction(null, form({ ...profile, lastName: "Desde soporte" }))).toMatchObject({ ok: true });
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.clientId, owner.clientId), eq(auditLog.action, "profile.updated")));
    expect(row).toMatchObject({ contactId: owner.id, staffUserId: support.id });
    const activity = await listActivity(sessionUserFor(owner).scope);
    expect(activity.rows.find((entry) => entry.action === "profile.updated")!.actor).toEqual({ kind: "staff" });

    // The account's ways in stay the customer's: staff acting as the client may not change them.
    const before = await db.select({ passwordHash: contacts.passwordHash, email: contacts.email }).from(contacts).where(eq(contacts.id, owner.id));
    expect(await changePasswordAction(null, form({ currentPassword: TEST_PASSWORD, newPassword: "Otra-Clave-Muy-Larga-2026!", confirmPassword: "Otra-Clave-Muy-Larga-2026!" }))).toEqual({
      ok: false,
      error: "errors.notWhileImpersonating",
    });
    expect(await requestEmailChangeAction(null, form({ email: `nuevo-${uniqueSuffix()}@test.local`, password: TEST_PASSWORD }))).toEqual({ ok: false, error: "errors.notWhileImpersonating" });
    expect(await db.select({ passwordHash: contacts.passwordHash, email: contacts.email }).from(contacts).where(eq(contacts.id, owner.id))).toEqual(before);

    // The customer's own session, without impersonation, is the customer's.
    staffRequest.customerSession = { ...customerSessionOf(sessionUserFor(owner)), permissions: sessionUserFor(owner).permissions };
    expect(await updateProfileAction(null, form({ ...profile, lastName: "Yo misma" }))).toMatchObject({ ok: true });
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.clientId, owner.clientId), eq(auditLog.action, "profile.updated"))).orderBy(auditLog.id);
    expect(rows[1]).toMatchObject({ contactId: owner.id, staffUserId: null });
  });
});
