import { and, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { accountTokens, auditLog, contacts, totpBackupCodes, userSessions } from "@/db/schema";
import { confirmTwoFactorSetup, disableTwoFactor, getTwoFactorStatus, prepareTwoFactorSetup, regenerateBackupCodes, TWO_FACTOR_PER_ACCOUNT } from "@/lib/auth/two-factor";
import { hashBackupCode, normalizeBackupCode } from "@/lib/auth/two-factor-backup-codes";
import { authorizeCredentials, beginSignIn, completeTwoFactorSignIn } from "@/lib/auth/two-factor-sign-in";
import { totpCode, totpStepAt } from "@/lib/auth/two-factor-totp";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, sessionUserFor, type TestContact, uniqueSuffix } from "@/tests/helpers/factories";
import { openSecret } from "@/lib/auth/secret-box";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { form } from "@/tests/helpers/form-data";

// The real actions run; only what needs a live request is replaced: Auth.js's session lookup and its
// signIn (which here calls the same authorize logic the Credentials provider runs), the request
// headers, and the cache revalidation.
const request = vi.hoisted(() => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  revalidatePath: vi.fn(),
  headers: new Headers({ "x-forwarded-for": "198.51.100.44", "user-agent": "vitest" }),
}));
vi.mock("@/lib/auth/config", () => ({ auth: request.auth, signIn: request.signIn }));
// next-auth itself does not load outside Next; its error class is all the action needs from it.
vi.mock("next-auth", () => ({
  CredentialsSignin: class CredentialsSignin extends Error {
    code = "credentials";
  },
}));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, set: vi.fn() }) }));
vi.mock("next/cache", () => ({ revalidatePath: request.revalidatePath }));

const { confirmTwoFactorAction, disableTwoFactorAction } = await import("@/app/(portal)/cuenta/seguridad/dos-pasos/actions");
const { signInAction, twoFactorSignInAction } = await import("@/app/(auth)/acceder/actions");
const { CredentialsSignin } = await import("next-auth");

let db: Database;
const outbox = captureEmails();
const run = uniqueSuffix().slice(0, 4);
let ipCounter = 0;
// Each test signs in from its own address, so per-IP login limits never leak between tests or files.
const nextIp = () => `2001:db8:2fa:${run}::${(ipCounter += 1)}`;

beforeAll(async () => {
  db = await setupTestDatabase();
});

beforeEach(() => {
  request.auth.mockReset();
  request.revalidatePath.mockReset();
  request.signIn.mockReset();
  request.signIn.mockImplementation(async (_provider: string, options: Record<string, unknown>) => {
    const result = await authorizeCredentials({ ...options, ip: "198.51.100.44", userAgent: "vitest" });
    if (!result.ok) {
      const error = new CredentialsSignin();
      error.code = result.refusal;
      throw error;
    }
    return "/";
  });
});


function signedInAs(contact: TestContact): void {
  const user = sessionUserFor(contact);
  request.auth.mockResolvedValue({ ...user, user: { name: user.name, email: user.email } });
}

async function contactRow(id: number) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

async function backupRows(contactId: number) {
  return db.select().from(totpBackupCodes).where(eq(totpBackupCodes.contactId, contactId));
}

async function auditActions(contactId: number) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.contactId, contactId)).orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

async function sessionCount(contactId: number) {
  return (await db.select().from(userSessions).where(eq(userSessions.contactId, contactId))).length;
}

/**
 * Two-factor sign-in on through the real set-up, confirmed with a code from 90 s ago, so the code
 * showing now is still unused and the test can sign in with it straight away.
 */
async function enableTwoFactorFor(contact: TestContact): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = prepareTwoFactorSetup({ contactId: contact.id, email: contact.email }, "Hosting Ejemplo");
  const past = Date.now() - 90_000;
  const result = await confirmTwoFactorSetup(
    { contactId: contact.id, clientId: contact.clientId },
    { setupToken: setup.setupToken, code: await totpCode(setup.secret, past) },
    "192.0.2.1",
    past,
  );
  if (!result.ok) throw new Error(`Could not enable two-factor sign-in: ${result.error}`);
  return { secret: setup.secret, backupCodes: result.backupCodes };
}

/** A six-digit code that is not valid for `secret` anywhere near now. */
async function wrongTotpFor(secret: string): Promise<string> {
  const now = Date.now();
  const near = new Set(await Promise.all([-2, -1, 0, 1, 2].map((delta) => totpCode(secret, now + delta * 30_000))));
  for (let candidate = 100_000; ; candidate += 1) if (!near.has(String(candidate))) return String(candidate);
}

async function pendingTokenFor(contact: TestContact, password: string): Promise<string> {
  const started = await beginSignIn({ email: contact.email, password, ip: nextIp() });
  if (!started.ok) throw new Error(`Password step refused: ${started.error}`);
  expect(started.needsCode).toBe(true);
  return started.pendingToken;
}

describe("turning two-factor sign-in on", () => {
  it("stores nothing while the set-up page is only shown", async () => {
    const { owner } = await createTestClient(db);
    const setup = prepareTwoFactorSetup({ contactId: owner.id, email: owner.email }, "Hosting Ejemplo");
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    const row = await contactRow(owner.id);
    expect(row.totpSecret).toBeNull();
    expect(row.totpEnabledAt).toBeNull();
    expect(await getTwoFactorStatus({ contactId: owner.id, clientId: owner.clientId })).toEqual({ enabledAt: null, backupCodesLeft: 0 });
  });

  it("refuses a wrong confirmation code and keeps it off", async () => {
    const { owner } = await createTestClient(db);
    const setup = prepareTwoFactorSetup({ contactId: owner.id, email: owner.email }, "Hosting Ejemplo");
    const result = await confirmTwoFactorSetup({ contactId: owner.id, clientId: owner.clientId }, { setupToken: setup.setupToken, code: await wrongTotpFor(setup.secret) }, "192.0.2.9");
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { code: "twoFactor.errors.codeInvalid" } });
    const row = await contactRow(owner.id);
    expect(row.totpSecret).toBeNull();
    expect(row.totpEnabledAt).toBeNull();
    expect(await backupRows(owner.id)).toEqual([]);
    expect(await auditActions(owner.id)).toEqual([]);
  });

  it("turns it on with the right code: secret kept, 10 single-use backup codes stored hashed, audited", async () => {
    const { owner } = await createTestClient(db);
    const setup = prepareTwoFactorSetup({ contactId: owner.id, email: owner.email }, "Hosting Ejemplo");
    const now = Date.now();
    const result = await confirmTwoFactorSetup({ contactId: owner.id, clientId: owner.clientId }, { setupToken: setup.setupToken, code: ` ${await totpCode(setup.secret, now)} ` }, "192.0.2.10", now);
    if (!result.ok) throw new Error(result.error);
    expect(result.backupCodes).toHaveLength(10);
    expect(new Set(result.backupCodes).size).toBe(10);
    for (const code of result.backupCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);

    const row = await contactRow(owner.id);
    // Sealed at rest: the column holds no Base32 secret, and it opens to the one the app scanned.
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(setup.secret);
    expect(openSecret(row.totpSecret!)).toBe(setup.secret);
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    // The confirming code's step is spent: it cannot be replayed to sign in.
    expect(row.totpLastStep).toBe(totpStepAt(now));

    const stored = await backupRows(owner.id);
    expect(stored).toHaveLength(10);
    const hashes = stored.map((code) => code.codeHash).sort();
    expect(hashes).toEqual(result.backupCodes.map((code) => hashBackupCode(owner.id, normalizeBackupCode(code))).sort());
    for (const code of result.backupCodes) expect(hashes.join(" ")).not.toContain(normalizeBackupCode(code));
    expect(stored.every((code) => code.usedAt === null)).toBe(true);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "two_factor.enabled")));
    expect(audit).toMatchObject({ clientId: owner.clientId, ip: "192.0.2.10" });
    const status = await getTwoFactorStatus({ contactId: owner.id, clientId: owner.clientId });
    expect(status.enabledAt).toBeInstanceOf(Date);
    expect(status.backupCodesLeft).toBe(10);
  });

  it("refuses a set-up token issued to someone else, tampered with or expired", async () => {
    const { owner } = await createTestClient(db);
    const { owner: stranger } = await createTestClient(db);
    const theirs = prepareTwoFactorSetup({ contactId: stranger.id, email: stranger.email }, "Hosting Ejemplo");
    const code = await totpCode(theirs.secret);
    const user = { contactId: owner.id, clientId: owner.clientId };
    expect(await confirmTwoFactorSetup(user, { setupToken: theirs.setupToken, code }, "192.0.2.11")).toEqual({ ok: false, error: "twoFactor.errors.setupExpired" });
    const mine = prepareTwoFactorSetup({ contactId: owner.id, email: owner.email }, "Hosting Ejemplo");
    expect(await confirmTwoFactorSetup(user, { setupToken: `${mine.setupToken}x`, code }, "192.0.2.11")).toMatchObject({ ok: false, error: "twoFactor.errors.setupExpired" });
    const later = Date.now() + 31 * 60_000;
    expect(await confirmTwoFactorSetup(user, { setupToken: mine.setupToken, code: await totpCode(mine.secret, later) }, "192.0.2.11", later)).toEqual({
      ok: false,
      error: "twoFactor.errors.setupExpired",
    });
    expect((await contactRow(owner.id)).totpSecret).toBeNull();
  });

  it("does not turn on twice or replace the backup codes of an account that has it on", async () => {
    const { owner } = await createTestClient(db);
    await enableTwoFactorFor(owner);
    const before = (await backupRows(owner.id)).map((code) => code.codeHash).sort();
    const setup = prepareTwoFactorSetup({ contactId: owner.id, email: owner.email }, "Hosting Ejemplo");
    const result = await confirmTwoFactorSetup({ contactId: owner.id, clientId: owner.clientId }, { setupToken: setup.setupToken, code: await totpCode(setup.secret) }, "192.0.2.12");
    expect(result).toEqual({ ok: false, error: "twoFactor.errors.alreadyEnabled" });
    expect((await backupRows(owner.id)).map((code) => code.codeHash).sort()).toEqual(before);
    expect(openSecret((await contactRow(owner.id)).totpSecret!)).not.toBe(setup.secret);
  });

  it("lets a sub-account without any permission protect its own login, and only its own", async () => {
    const { client, owner } = await createTestClient(db);
    const { contact } = await createSubAccount(db, client.id, []);
    signedInAs(contact);
    const setup = prepareTwoFactorSetup({ contactId: contact.id, email: contact.email }, "Hosting Ejemplo");
    // A contact id slipped into the form is not a field of the form: ignored.
    const result = await confirmTwoFactorAction(null, form({ setupToken: setup.setupToken, code: await totpCode(setup.secret), contactId: String(owner.id) }));
    expect(result.ok).toBe(true);
    expect(result.ok && result.data?.backupCodes).toHaveLength(10);
    expect((await contactRow(contact.id)).totpEnabledAt).toBeInstanceOf(Date);
    expect((await contactRow(owner.id)).totpEnabledAt).toBeNull();
  });

  it("answers a signed-out request without writing anything", async () => {
    const { owner } = await createTestClient(db);
    request.auth.mockResolvedValue(null);
    const setup = prepareTwoFactorSetup({ contactId: owner.id, email: owner.email }, "Hosting Ejemplo");
    const result = await confirmTwoFactorAction(null, form({ setupToken: setup.setupToken, code: await totpCode(setup.secret) }));
    expect(result).toEqual({ ok: false, error: "errors.signedOut" });
    expect((await contactRow(owner.id)).totpEnabledAt).toBeNull();
  });
});

describe("turning two-factor sign-in off", () => {
  it("needs the password: a wrong one is refused and does not spend the code", async () => {
    const { owner } = await createTestClient(db);
    const { backupCodes } = await enableTwoFactorFor(owner);
    const result = await disableTwoFactor({ contactId: owner.id, clientId: owner.clientId }, { password: "no-es-la-clave-2026", code: backupCodes[0]! }, "192.0.2.20");
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { password: "twoFactor.errors.passwordWrong" } });
    expect((await contactRow(owner.id)).totpEnabledAt).toBeInstanceOf(Date);
    expect((await backupRows(owner.id)).every((code) => code.usedAt === null)).toBe(true);
  });

  it("needs a code: the right password with a wrong code is refused", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const result = await disableTwoFactor({ contactId: owner.id, clientId: owner.clientId }, { password, code: await wrongTotpFor(secret) }, "192.0.2.21");
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { code: "twoFactor.errors.codeInvalid" } });
    expect(openSecret((await contactRow(owner.id)).totpSecret!)).toBe(secret);
    expect(await auditActions(owner.id)).toContain("two_factor.failure");
  });

  it("turns it off with the password and a TOTP: secret and backup codes gone, audited", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const result = await disableTwoFactor({ contactId: owner.id, clientId: owner.clientId }, { password, code: await totpCode(secret) }, "192.0.2.22");
    expect(result).toEqual({ ok: true });
    const row = await contactRow(owner.id);
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await backupRows(owner.id)).toEqual([]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "two_factor.disabled")));
    expect(audit).toMatchObject({ clientId: owner.clientId, ip: "192.0.2.22", details: { method: "totp" } });
  });

  it("turns it off with the password and a backup code, through the action", async () => {
    const { client } = await createTestClient(db);
    const { contact, password } = await createSubAccount(db, client.id, ["invoices"]);
    const { backupCodes } = await enableTwoFactorFor(contact);
    signedInAs(contact);
    const result = await disableTwoFactorAction(null, form({ password, code: backupCodes[3]!.toUpperCase() }));
    expect(result).toEqual({ ok: true, message: "twoFactor.disable.done" });
    expect((await contactRow(contact.id)).totpEnabledAt).toBeNull();
    expect(request.revalidatePath).toHaveBeenCalledWith("/cuenta/seguridad", "layout");
  });

  it("says so when it is not on", async () => {
    const { owner, password } = await createTestClient(db);
    expect(await disableTwoFactor({ contactId: owner.id, clientId: owner.clientId }, { password, code: "123456" }, "192.0.2.23")).toEqual({
      ok: false,
      error: "twoFactor.errors.notEnabled",
    });
  });

  it("finds nothing to turn off across clients", async () => {
    const { owner, password } = await createTestClient(db);
    const { owner: other } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    // A user of another client naming this contact: the clientId in the WHERE makes it "not on".
    const result = await disableTwoFactor({ contactId: owner.id, clientId: other.clientId }, { password, code: await totpCode(secret) }, "192.0.2.24");
    expect(result).toEqual({ ok: false, error: "twoFactor.errors.notEnabled" });
    expect(openSecret((await contactRow(owner.id)).totpSecret!)).toBe(secret);
  });
});

describe("signing in", () => {
  it("an account without two-factor: password step then a session, as before", async () => {
    const { owner, password } = await createTestClient(db);
    const started = await beginSignIn({ email: owner.email, password, ip: nextIp() });
    if (!started.ok) throw new Error(started.error);
    expect(started.needsCode).toBe(false);
    const done = await completeTwoFactorSignIn({ pendingToken: started.pendingToken, code: "", ip: nextIp() });
    expect(done).toEqual({ ok: true, contact: { id: owner.id, clientId: owner.clientId, sessionVersion: owner.sessionVersion }, method: null });
    // The pending token is single-use, and spent by deleting it: sign-ins leave no rows behind.
    expect(await completeTwoFactorSignIn({ pendingToken: started.pendingToken, code: "", ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.signInExpired" });
    expect(await db.select().from(accountTokens).where(eq(accountTokens.contactId, owner.id))).toEqual([]);
  });

  it("a wrong password gives no pending token", async () => {
    const { owner } = await createTestClient(db);
    expect(await beginSignIn({ email: owner.email, password: "no-es-la-clave-2026", ip: nextIp() })).toEqual({ ok: false, error: "errors.invalidCredentials" });
    const tokens = await db.select().from(accountTokens).where(eq(accountTokens.contactId, owner.id));
    expect(tokens).toEqual([]);
  });

  it("authorize: email + password still opens a session for an account without two-factor", async () => {
    const { owner, password } = await createTestClient(db);
    const result = await authorizeCredentials({ email: owner.email, password, ip: nextIp(), userAgent: "vitest" });
    expect(result).toMatchObject({ ok: true, user: { id: String(owner.id), sessionVersion: owner.sessionVersion } });
    expect(await sessionCount(owner.id)).toBe(1);
  });

  it("authorize: the password alone is refused for an account with two-factor", async () => {
    const { owner, password } = await createTestClient(db);
    await enableTwoFactorFor(owner);
    expect(await authorizeCredentials({ email: owner.email, password, ip: nextIp(), userAgent: "vitest" })).toEqual({ ok: false, refusal: "two_factor_required" });
    // A pending token without a code is no better.
    const pendingToken = await pendingTokenFor(owner, password);
    expect(await authorizeCredentials({ pendingToken, ip: nextIp(), userAgent: "vitest" })).toEqual({ ok: false, refusal: "code_required" });
    expect(await sessionCount(owner.id)).toBe(0);
  });

  it("a valid TOTP with the pending token opens a session once; the same code replayed is refused", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const code = await totpCode(secret);
    const pendingToken = await pendingTokenFor(owner, password);

    const result = await authorizeCredentials({ pendingToken, code, ip: nextIp(), userAgent: "vitest" });
    expect(result).toMatchObject({ ok: true, user: { id: String(owner.id) } });
    expect(await sessionCount(owner.id)).toBe(1);
    expect((await contactRow(owner.id)).totpLastStep).toBeGreaterThanOrEqual(totpStepAt(Date.now()) - 1);
    expect(await auditActions(owner.id)).toContain("two_factor.success");

    // The token is spent…
    expect(await completeTwoFactorSignIn({ pendingToken, code, ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.signInExpired" });
    // …and the code too, even with a fresh password step.
    const again = await pendingTokenFor(owner, password);
    expect(await completeTwoFactorSignIn({ pendingToken: again, code, ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.codeAlreadyUsed" });
    expect(await sessionCount(owner.id)).toBe(1);
  });

  it("a wrong code is refused without spending the pending token", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const pendingToken = await pendingTokenFor(owner, password);
    expect(await completeTwoFactorSignIn({ pendingToken, code: await wrongTotpFor(secret), ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.codeInvalid" });
    expect(await completeTwoFactorSignIn({ pendingToken, code: "not-a-code", ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.codeInvalid" });
    const done = await completeTwoFactorSignIn({ pendingToken, code: await totpCode(secret), ip: nextIp() });
    expect(done).toMatchObject({ ok: true, method: "totp" });
  });

  it("a backup code works once, however it is typed", async () => {
    const { owner, password } = await createTestClient(db);
    const { backupCodes } = await enableTwoFactorFor(owner);
    const code = backupCodes[5]!;
    const first = await completeTwoFactorSignIn({ pendingToken: await pendingTokenFor(owner, password), code: ` ${code.toUpperCase().replace("-", " ")} `, ip: nextIp() });
    expect(first).toMatchObject({ ok: true, method: "backup" });
    const used = (await backupRows(owner.id)).filter((row) => row.usedAt !== null);
    expect(used.map((row) => row.codeHash)).toEqual([hashBackupCode(owner.id, normalizeBackupCode(code))]);
    expect((await getTwoFactorStatus({ contactId: owner.id, clientId: owner.clientId })).backupCodesLeft).toBe(9);

    const second = await completeTwoFactorSignIn({ pendingToken: await pendingTokenFor(owner, password), code, ip: nextIp() });
    expect(second).toEqual({ ok: false, error: "twoFactor.errors.codeAlreadyUsed" });
    // Another contact's backup code is nothing here.
    const { owner: other } = await createTestClient(db);
    const { backupCodes: theirs } = await enableTwoFactorFor(other);
    const foreign = await completeTwoFactorSignIn({ pendingToken: await pendingTokenFor(owner, password), code: theirs[0]!, ip: nextIp() });
    expect(foreign).toEqual({ ok: false, error: "twoFactor.errors.codeInvalid" });
  });

  it(`stops checking codes after ${TWO_FACTOR_PER_ACCOUNT.limit} wrong ones, even the right one`, async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const pendingToken = await pendingTokenFor(owner, password);
    const wrong = await wrongTotpFor(secret);
    for (let attempt = 0; attempt < TWO_FACTOR_PER_ACCOUNT.limit; attempt++) {
      expect(await completeTwoFactorSignIn({ pendingToken, code: wrong, ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.codeInvalid" });
    }
    expect(await completeTwoFactorSignIn({ pendingToken, code: await totpCode(secret), ip: nextIp() })).toEqual({ ok: false, error: "errors.rateLimited" });
    // The limit is the account's, not the pending token's: a new password step does not reset it.
    const fresh = await pendingTokenFor(owner, password);
    expect(await authorizeCredentials({ pendingToken: fresh, code: await totpCode(secret), ip: nextIp(), userAgent: "vitest" })).toEqual({ ok: false, refusal: "rate_limited" });
    // Turning it off is throttled by the same count.
    expect(await disableTwoFactor({ contactId: owner.id, clientId: owner.clientId }, { password, code: await totpCode(secret) }, "192.0.2.30")).toEqual({
      ok: false,
      error: "errors.rateLimited",
    });
    expect(await sessionCount(owner.id)).toBe(0);
  });

  it("refuses a pending token that expired or outlived a password change", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const expired = await pendingTokenFor(owner, password);
    await db.update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(and(eq(accountTokens.contactId, owner.id), eq(accountTokens.purpose, "two_factor_pending")));
    expect(await completeTwoFactorSignIn({ pendingToken: expired, code: await totpCode(secret), ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.signInExpired" });

    const stale = await pendingTokenFor(owner, password);
    await db.update(contacts).set({ sessionVersion: sql`${contacts.sessionVersion} + 1` }).where(eq(contacts.id, owner.id));
    expect(await completeTwoFactorSignIn({ pendingToken: stale, code: await totpCode(secret), ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.signInExpired" });
    expect(await completeTwoFactorSignIn({ pendingToken: "nothing-like-a-token", code: "123456", ip: nextIp() })).toEqual({ ok: false, error: "twoFactor.errors.signInExpired" });
  });

  it("of two concurrent submits of one code, exactly one signs in", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const code = await totpCode(secret);
    const tokens = [await pendingTokenFor(owner, password), await pendingTokenFor(owner, password)];
    const results = await Promise.all(tokens.map((pendingToken) => completeTwoFactorSignIn({ pendingToken, code, ip: nextIp() })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: "twoFactor.errors.codeAlreadyUsed" });
  });
});

describe("the sign-in form's actions", () => {
  it("asks for the code after the right password of a two-factor account, without signing in", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const first = await signInAction(null, form({ email: owner.email, password }));
    expect(first).toMatchObject({ ok: false, step: "code", pendingToken: expect.any(String) });
    expect(request.signIn).not.toHaveBeenCalled();

    const pendingToken = (first as { pendingToken: string }).pendingToken;
    const wrong = await twoFactorSignInAction(null, form({ pendingToken, code: await wrongTotpFor(secret) }));
    expect(wrong).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { code: "twoFactor.errors.codeInvalid" } });
    const empty = await twoFactorSignInAction(null, form({ pendingToken, code: " " }));
    expect(empty).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { code: "twoFactor.errors.codeRequired" } });

    const right = await twoFactorSignInAction(null, form({ pendingToken, code: await totpCode(secret) }));
    expect(right).toEqual({ ok: true });
    expect(request.signIn).toHaveBeenLastCalledWith("credentials", expect.objectContaining({ pendingToken, redirectTo: "/" }));
    expect(await sessionCount(owner.id)).toBe(1);

    const replay = await twoFactorSignInAction(null, form({ pendingToken, code: await totpCode(secret) }));
    expect(replay).toEqual({ ok: false, error: "twoFactor.errors.signInExpired" });
  });

  it("signs an account without two-factor straight in, and keeps the old answers for bad input", async () => {
    const { owner, password } = await createTestClient(db);
    expect(await signInAction(null, form({ email: owner.email, password }))).toEqual({ ok: true });
    expect(await sessionCount(owner.id)).toBe(1);
    expect(await signInAction(null, form({ email: owner.email, password: "no-es-la-clave-2026" }))).toEqual({ ok: false, error: "errors.invalidCredentials" });
    expect(await signInAction(null, form({ email: "", password: "" }))).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { email: "errors.required", password: "errors.required" },
    });
  });
});

describe("security notices and new backup codes", () => {
  const noticesTo = (email: string) => outbox.filter((message) => message.to === email).map((message) => message.subject);

  it("emails the person when two-step verification is turned on and when it is turned off", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    expect(noticesTo(owner.email)).toEqual(["Se ha activado la verificación en dos pasos"]);
    expect(outbox.at(-1)!.text).toContain("192.0.2.1");
    await disableTwoFactor({ contactId: owner.id, clientId: owner.clientId }, { password, code: await totpCode(secret) }, "192.0.2.31");
    expect(noticesTo(owner.email)).toEqual(["Se ha activado la verificación en dos pasos", "Se ha desactivado la verificación en dos pasos"]);
  });

  it("replaces every backup code with ten new ones after both proofs, audited and announced", async () => {
    const { owner, password } = await createTestClient(db);
    const { secret, backupCodes: old } = await enableTwoFactorFor(owner);
    outbox.length = 0;
    const result = await regenerateBackupCodes({ contactId: owner.id, clientId: owner.clientId }, { password, code: await totpCode(secret) }, "192.0.2.32");
    if (!result.ok) throw new Error(result.error);
    expect(result.backupCodes).toHaveLength(10);
    expect(result.backupCodes.some((code) => old.includes(code))).toBe(false);
    const stored = (await backupRows(owner.id)).map((row) => row.codeHash).sort();
    expect(stored).toEqual(result.backupCodes.map((code) => hashBackupCode(owner.id, normalizeBackupCode(code))).sort());
    expect(await auditActions(owner.id)).toContain("two_factor.backup_codes_regenerated");
    expect(noticesTo(owner.email)).toEqual(["Se han generado nuevos códigos de respaldo"]);

    // An old code no longer counts as a proof; a new one does, once.
    const withOld = await regenerateBackupCodes({ contactId: owner.id, clientId: owner.clientId }, { password, code: old[0]! }, "192.0.2.33");
    expect(withOld).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { code: "twoFactor.errors.codeInvalid" } });
    const withNew = await disableTwoFactor({ contactId: owner.id, clientId: owner.clientId }, { password, code: result.backupCodes[0]! }, "192.0.2.34");
    expect(withNew).toEqual({ ok: true });
  });

  it("refuses a wrong password without spending the code or changing the codes", async () => {
    const { owner } = await createTestClient(db);
    const { secret } = await enableTwoFactorFor(owner);
    const before = (await backupRows(owner.id)).map((row) => row.codeHash).sort();
    outbox.length = 0;
    const result = await regenerateBackupCodes({ contactId: owner.id, clientId: owner.clientId }, { password: "no-es-la-buena", code: await totpCode(secret) }, "192.0.2.35");
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { password: "twoFactor.errors.passwordWrong" } });
    expect((await backupRows(owner.id)).map((row) => row.codeHash).sort()).toEqual(before);
    expect(noticesTo(owner.email)).toEqual([]);
  });
});

