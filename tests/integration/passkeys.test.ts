import { and, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, contacts, passkeys, userSessions, webauthnChallenges } from "@/db/schema";
import { authorizePasskey } from "@/lib/auth/passkeys-sign-in";
import {
  finishPasskeyRegistration,
  listPasskeys,
  passkeyRefusalCode,
  passkeySignInErrorKey,
  removePasskey,
  startPasskeyRegistration,
  startPasskeySignIn,
  verifyPasskeySignIn,
} from "@/lib/auth/passkeys";
import { webauthnRelyingParty } from "@/lib/env";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createSubAccount, createTestClient, sessionUserFor, TEST_PASSWORD, type TestContact, uniqueSuffix } from "@/tests/helpers/factories";
import { NotFound } from "@/tests/helpers/next-navigation";
import { createSoftwareAuthenticator, FLAGS, type SoftwareAuthenticator } from "@/tests/helpers/software-authenticator";
import { form } from "@/tests/helpers/form-data";

// The server's half of passkeys against a software authenticator (tests/helpers/software-authenticator.ts)
// that builds real attestations and ES256 assertions: registration, sign-in, the single-use challenge,
// the counter, origin, unknown credentials, user verification, removal, and the actions around them.

const request = vi.hoisted(() => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  revalidatePath: vi.fn(),
  headers: new Headers({ "x-forwarded-for": "198.51.100.77", "user-agent": "vitest" }),
}));
vi.mock("@/lib/auth/config", () => ({ auth: request.auth, signIn: request.signIn }));
vi.mock("next-auth", () => ({
  CredentialsSignin: class CredentialsSignin extends Error {
    code = "credentials";
  },
}));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, set: vi.fn() }) }));
vi.mock("next/cache", () => ({ revalidatePath: request.revalidatePath }));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));

const { passkeySignInAction, passkeySignInOptionsAction } = await import("@/app/(auth)/acceder/passkey-actions");
const { startPasskeyRegistrationAction, finishPasskeyRegistrationAction, removePasskeyAction } = await import(
  "@/app/(portal)/cuenta/seguridad/_components/passkey-actions"
);
const { CredentialsSignin } = await import("next-auth");

let db: Database;
const outbox = captureEmails();
const run = uniqueSuffix().slice(0, 4);
let ipCounter = 0;
// Each test from its own address, so per-IP limits never leak between tests.
const nextIp = () => `2001:db8:9a55:${run}::${(ipCounter += 1)}`;
const { rpId, origin } = webauthnRelyingParty();

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

beforeEach(() => {
  request.auth.mockReset();
  request.revalidatePath.mockReset();
  request.signIn.mockReset();
  // What the "passkey" Credentials provider does inside Auth.js's signIn.
  request.signIn.mockImplementation(async (_provider: string, options: Record<string, unknown>) => {
    const result = await authorizePasskey({ response: options.response, ip: "198.51.100.77", userAgent: "vitest" });
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

/** A new owner with one passkey registered through the real code path. */
async function ownerWithPasskey(name = "Portátil"): Promise<{ owner: TestContact; authenticator: SoftwareAuthenticator }> {
  const { owner } = await createTestClient(db);
  const authenticator = createSoftwareAuthenticator();
  const started = await startPasskeyRegistration(sessionUserFor(owner), { password: TEST_PASSWORD, rpName: "Hosting" });
  if (!started.ok) throw new Error(`registration refused: ${started.error}`);
  const finished = await finishPasskeyRegistration(
    sessionUserFor(owner),
    { name, response: authenticator.register({ challenge: started.options.challenge, rpId, origin }) },
    nextIp(),
  );
  if (!finished.ok) throw new Error(`registration refused: ${finished.error}`);
  return { owner, authenticator };
}

async function signInChallenge(): Promise<string> {
  const started = await startPasskeySignIn(nextIp());
  if (!started.ok) throw new Error(started.error);
  return started.options.challenge;
}

describe("adding a passkey", () => {
  it("asks for the password, then keeps the verified credential with its name, audit row and email", async () => {
    const { owner } = await createTestClient(db);
    const user = sessionUserFor(owner);
    const wrong = await startPasskeyRegistration(user, { password: "no es la contraseña", rpName: "Hosting" });
    expect(wrong).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { password: "passkeys.errors.passwordWrong" } });
    expect(await db.select().from(webauthnChallenges).where(eq(webauthnChallenges.contactId, owner.id))).toHaveLength(0);

    const started = await startPasskeyRegistration(user, { password: TEST_PASSWORD, rpName: "Hosting" });
    if (!started.ok) throw new Error(started.error);
    expect(started.options.rp).toEqual({ name: "Hosting", id: rpId });
    expect(started.options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });

    const authenticator = createSoftwareAuthenticator();
    const response = authenticator.register({ challenge: started.options.challenge, rpId, origin });
    const ip = nextIp();
    const finished = await finishPasskeyRegistration(user, { name: "  Portátil del trabajo ", response }, ip);
    expect(finished.ok).toBe(true);

    const [row] = await db.select().from(passkeys).where(eq(passkeys.contactId, owner.id));
    expect(row).toMatchObject({
      clientId: owner.clientId,
      credentialId: authenticator.credentialId.toString("base64url"),
      counter: 0,
      deviceName: "Portátil del trabajo",
      transports: ["internal"],
      lastUsedAt: null,
    });
    expect(row!.publicKey.length).toBeGreaterThan(60);
    expect(await listPasskeys(user)).toEqual([{ id: row!.id, deviceName: "Portátil del trabajo", createdAt: row!.createdAt, lastUsedAt: null }]);

    const audits = await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "passkey.added")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ details: { name: "Portátil del trabajo" }, ip });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.to).toContain(owner.email);
    expect(outbox[0]!.subject).toBe("Se ha añadido una llave de acceso a su cuenta");
    expect(outbox[0]!.html).toContain("Portátil del trabajo");

    // The challenge was spent: the same answer again is refused and adds nothing.
    expect(await finishPasskeyRegistration(user, { name: "Otra vez", response }, nextIp())).toEqual({ ok: false, error: "passkeys.errors.challengeExpired" });
    expect(await listPasskeys(user)).toHaveLength(1);
  });

  it("refuses an answer for another origin, another person's challenge, and one without user verification", async () => {
    const { owner } = await createTestClient(db);
    const user = sessionUserFor(owner);
    const authenticator = createSoftwareAuthenticator();
    const start = async () => {
      const started = await startPasskeyRegistration(user, { password: TEST_PASSWORD, rpName: "Hosting" });
      if (!started.ok) throw new Error(started.error);
      return started.options.challenge;
    };

    const wrongOrigin = authenticator.register({ challenge: await start(), rpId, origin: "https://phishing.example" });
    expect(await finishPasskeyRegistration(user, { name: "X", response: wrongOrigin }, nextIp())).toEqual({ ok: false, error: "passkeys.errors.wrongOrigin" });

    // A challenge issued to someone else does not fit this person.
    const { contact: other } = await createSubAccount(db, owner.clientId, []);
    const othersStart = await startPasskeyRegistration(sessionUserFor(other), { password: TEST_PASSWORD, rpName: "Hosting" });
    if (!othersStart.ok) throw new Error(othersStart.error);
    const stolen = authenticator.register({ challenge: othersStart.options.challenge, rpId, origin });
    expect(await finishPasskeyRegistration(user, { name: "X", response: stolen }, nextIp())).toEqual({ ok: false, error: "passkeys.errors.challengeExpired" });

    const noUv = authenticator.register({ challenge: await start(), rpId, origin, flags: FLAGS.UP });
    expect(await finishPasskeyRegistration(user, { name: "X", response: noUv }, nextIp())).toEqual({ ok: false, error: "passkeys.errors.userVerificationRequired" });

    const wrongRp = authenticator.register({ challenge: await start(), rpId: "evil.example", origin });
    expect(await finishPasskeyRegistration(user, { name: "X", response: wrongRp }, nextIp())).toEqual({ ok: false, error: "passkeys.errors.verificationFailed" });

    expect(await finishPasskeyRegistration(user, { name: "X", response: "{not json" }, nextIp())).toEqual({ ok: false, error: "passkeys.errors.verificationFailed" });
    expect(await listPasskeys(user)).toHaveLength(0);
    expect(outbox).toHaveLength(0);
  });

  it("runs through the actions: a missing name is shown next to the field, nothing is written", async () => {
    const { owner } = await createTestClient(db);
    signedInAs(owner);
    const refused = await startPasskeyRegistrationAction(null, form({ passkeyName: " ", passkeyPassword: TEST_PASSWORD }));
    expect(refused).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { passkeyName: "passkeys.errors.nameRequired" } });
    expect(await db.select().from(webauthnChallenges).where(eq(webauthnChallenges.contactId, owner.id))).toHaveLength(0);

    const wrongPassword = await startPasskeyRegistrationAction(null, form({ passkeyName: "Móvil", passkeyPassword: "otra" }));
    expect(wrongPassword).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { passkeyPassword: "passkeys.errors.passwordWrong" } });

    const started = await startPasskeyRegistrationAction(null, form({ passkeyName: "Móvil", passkeyPassword: TEST_PASSWORD }));
    if (!started.ok || !started.data) throw new Error("start refused");
    const authenticator = createSoftwareAuthenticator();
    const finished = await finishPasskeyRegistrationAction({ name: "Móvil", response: authenticator.register({ challenge: started.data.challenge, rpId, origin }) });
    expect(finished).toEqual({ ok: true, message: "passkeys.add.done" });
    expect(request.revalidatePath).toHaveBeenCalledWith("/cuenta/seguridad");
    expect((await listPasskeys(sessionUserFor(owner))).map((passkey) => passkey.deviceName)).toEqual(["Móvil"]);

    request.auth.mockResolvedValue(null);
    expect(await finishPasskeyRegistrationAction({ name: "Móvil", response: "{}" })).toEqual({ ok: false, error: "errors.signedOut" });
  });
});

describe("signing in with a passkey", () => {
  it("accepts a signed answer once, moves the counter and last use, and records the sign-in", async () => {
    const { owner, authenticator } = await ownerWithPasskey();
    const challenge = await signInChallenge();
    const response = authenticator.authenticate({ challenge, rpId, origin });
    const ip = nextIp();
    const result = await verifyPasskeySignIn({ response, ip });
    expect(result).toEqual({ ok: true, contact: { id: owner.id, clientId: owner.clientId, sessionVersion: owner.sessionVersion } });

    const [row] = await db.select().from(passkeys).where(eq(passkeys.contactId, owner.id));
    expect(row!.counter).toBe(1);
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
    const [success] = await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "login.success")));
    expect(success).toMatchObject({ details: { method: "passkey" }, ip });

    // Replaying the very same answer: its challenge is gone.
    expect(await verifyPasskeySignIn({ response, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.challengeExpired" });
  });

  it("lets only one of two simultaneous answers with one challenge through", async () => {
    const { authenticator } = await ownerWithPasskey();
    const response = authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin });
    const results = await Promise.all([verifyPasskeySignIn({ response, ip: nextIp() }), verifyPasskeySignIn({ response, ip: nextIp() })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: "passkeys.errors.challengeExpired" });
  });

  it("refuses a counter that did not move forward (a cloned authenticator)", async () => {
    const { owner, authenticator } = await ownerWithPasskey();
    expect((await verifyPasskeySignIn({ response: authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin, counter: 5 }), ip: nextIp() })).ok).toBe(true);
    const replayedCounter = authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin, counter: 5 });
    expect(await verifyPasskeySignIn({ response: replayedCounter, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.counterMismatch" });
    const lower = authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin, counter: 3 });
    expect(await verifyPasskeySignIn({ response: lower, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.counterMismatch" });
    const [row] = await db.select().from(passkeys).where(eq(passkeys.contactId, owner.id));
    expect(row!.counter).toBe(5);
    const failures = await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "login.failure")));
    expect(failures.map((failure) => failure.details)).toEqual([
      { method: "passkey", reason: "passkeys.errors.counterMismatch" },
      { method: "passkey", reason: "passkeys.errors.counterMismatch" },
    ]);
  });

  it("answers wrong origin, unknown credential, bad signature, missing user verification and made-up challenges clearly", async () => {
    const { owner, authenticator } = await ownerWithPasskey();

    const phishing = authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin: "https://phishing.example" });
    expect(await verifyPasskeySignIn({ response: phishing, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.wrongOrigin" });

    const stranger = createSoftwareAuthenticator();
    const unknown = stranger.authenticate({ challenge: await signInChallenge(), rpId, origin });
    expect(await verifyPasskeySignIn({ response: unknown, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.unknownCredential" });

    // The stranger's key signs, but claims our credential id: the signature does not verify.
    const forged = JSON.parse(stranger.authenticate({ challenge: await signInChallenge(), rpId, origin })) as { id: string; rawId: string };
    forged.id = forged.rawId = authenticator.credentialId.toString("base64url");
    expect(await verifyPasskeySignIn({ response: JSON.stringify(forged), ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.verificationFailed" });

    const presenceOnly = authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin, flags: FLAGS.UP });
    expect(await verifyPasskeySignIn({ response: presenceOnly, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.userVerificationRequired" });

    const madeUp = authenticator.authenticate({ challenge: "bm90LWlzc3VlZC1ieS11cw", rpId, origin });
    expect(await verifyPasskeySignIn({ response: madeUp, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.challengeExpired" });

    // An expired challenge is refused too.
    const challenge = await signInChallenge();
    await db.update(webauthnChallenges).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(webauthnChallenges.challenge, challenge));
    const late = authenticator.authenticate({ challenge, rpId, origin });
    expect(await verifyPasskeySignIn({ response: late, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.challengeExpired" });

    // A registration challenge cannot be used to sign in.
    const registration = await startPasskeyRegistration(sessionUserFor(owner), { password: TEST_PASSWORD, rpName: "Hosting" });
    if (!registration.ok) throw new Error(registration.error);
    const crossed = authenticator.authenticate({ challenge: registration.options.challenge, rpId, origin });
    expect(await verifyPasskeySignIn({ response: crossed, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.challengeExpired" });

    // None of these moved the counter or signed anyone in.
    const [row] = await db.select().from(passkeys).where(eq(passkeys.contactId, owner.id));
    expect(row).toMatchObject({ counter: 0, lastUsedAt: null });
  });

  it("refuses the passkey of a person whose access was withdrawn", async () => {
    const { owner, authenticator } = await ownerWithPasskey();
    await db.update(contacts).set({ hasAccess: false }).where(eq(contacts.id, owner.id));
    const response = authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin });
    expect(await verifyPasskeySignIn({ response, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.unknownCredential" });
  });

  it("opens a session with no code step even when two-step verification is on: the passkey is both factors", async () => {
    const { owner, authenticator } = await ownerWithPasskey();
    await db.update(contacts).set({ totpEnabledAt: sql`now()`, totpSecret: "sealed-secret-placeholder" }).where(eq(contacts.id, owner.id));
    const response = authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin });
    const result = await authorizePasskey({ response, ip: nextIp(), userAgent: "vitest" });
    if (!result.ok) throw new Error(result.refusal);
    expect(result.user.id).toBe(String(owner.id));
    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, result.user.sessionId));
    expect(session!.contactId).toBe(owner.id);
  });

  it("runs through the sign-in actions: options, then the answer signs in or comes back as a Spanish message key", async () => {
    const { authenticator } = await ownerWithPasskey();
    const options = await passkeySignInOptionsAction();
    if (!options.ok || !options.data) throw new Error("no options");
    expect(options.data).toMatchObject({ rpId, userVerification: "required" });
    expect(options.data.allowCredentials ?? []).toEqual([]);

    const response = authenticator.authenticate({ challenge: options.data.challenge, rpId, origin });
    expect(await passkeySignInAction(response)).toEqual({ ok: true });
    expect(request.signIn).toHaveBeenCalledWith("passkey", { response, redirectTo: "/" });
    // The same answer again: refused with the message the sign-in page shows.
    expect(await passkeySignInAction(response)).toEqual({ ok: false, error: "passkeys.errors.challengeExpired" });
    expect(await passkeySignInAction("")).toEqual({ ok: false, error: "passkeys.errors.verificationFailed" });
  });

  it("maps refusal codes both ways", () => {
    expect(passkeySignInErrorKey(passkeyRefusalCode("passkeys.errors.wrongOrigin"))).toBe("passkeys.errors.wrongOrigin");
    expect(passkeySignInErrorKey(passkeyRefusalCode("passkeys.errors.unknownCredential"))).toBe("passkeys.errors.unknownCredential");
    expect(passkeySignInErrorKey(passkeyRefusalCode("errors.rateLimited"))).toBe("errors.rateLimited");
    expect(passkeySignInErrorKey("passkey:whatever")).toBe("passkeys.errors.verificationFailed");
    expect(passkeySignInErrorKey(undefined)).toBe("passkeys.errors.verificationFailed");
  });
});

describe("removing a passkey", () => {
  it("removes one's own passkey with an audit row and an email; another person's answers not found", async () => {
    const { owner, authenticator } = await ownerWithPasskey("Llavero USB");
    outbox.length = 0;
    const [row] = await listPasskeys(sessionUserFor(owner));

    // Another client's owner cannot remove it, through the lib or the action.
    const { owner: stranger } = await createTestClient(db);
    expect(await removePasskey(sessionUserFor(stranger), row!.id, nextIp())).toEqual({ ok: false, error: "notFound" });
    signedInAs(stranger);
    await expect(removePasskeyAction(null, form({ passkeyId: String(row!.id) }))).rejects.toBeInstanceOf(NotFound);
    expect(await listPasskeys(sessionUserFor(owner))).toHaveLength(1);
    expect(outbox).toHaveLength(0);

    signedInAs(owner);
    expect(await removePasskeyAction(null, form({ passkeyId: String(row!.id) }))).toEqual({ ok: true, message: "passkeys.remove.done" });
    expect(await listPasskeys(sessionUserFor(owner))).toHaveLength(0);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "passkey.removed")));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toEqual({ name: "Llavero USB" });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.subject).toBe("Se ha eliminado una llave de acceso de su cuenta");

    // A removed passkey no longer signs in.
    const response = authenticator.authenticate({ challenge: await signInChallenge(), rpId, origin });
    expect(await verifyPasskeySignIn({ response, ip: nextIp() })).toEqual({ ok: false, error: "passkeys.errors.unknownCredential" });
  });
});
