import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { decodeClientDataJSON, isoBase64URL } from "@simplewebauthn/server/helpers";
import { getDb, type Executor } from "@/db/client";
import { contacts, passkeys, webauthnChallenges } from "@/db/schema";
import type { PasskeyChange } from "@/emails/passkey-changed";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendEmail } from "@/lib/email/send-email";
import { webauthnRelyingParty } from "@/lib/env";
import { verifyPassword } from "./password";
import { clearAttempts, isRateLimited, LOGIN_PER_IP, rateLimitKeys, recordAttempt, type RateLimitRule } from "./rate-limit";

// Time to pick the passkey and touch the sensor; a challenge left lying about is worth nothing after.
export const PASSKEY_CHALLENGE_TTL_MINUTES = 5;
const CEREMONY_TIMEOUT_MS = 120_000;
export const PASSKEY_NAME_MAX_LENGTH = 60;
/** A person's passkeys are few; the cap keeps one account from filling the table. */
export const PASSKEYS_PER_CONTACT = 20;
// The browser's JSON answer: a few kilobytes at most (attestation certificates included).
export const PASSKEY_RESPONSE_MAX_LENGTH = 64 * 1024;

/** Wrong passwords when adding a passkey, per account (the same budget as two-step verification). */
export const PASSKEY_PASSWORD_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
/** Sign-in challenges handed out per address: each one is a row until it expires. */
export const PASSKEY_OPTIONS_PER_IP: RateLimitRule = { limit: 60, windowSeconds: 15 * 60 };

export const passkeyRateLimitKeys = {
  password: (contactId: number) => `passkey-password:account:${contactId}`,
  options: (ip: string) => `passkey-options:ip:${ip}`,
};

type Purpose = "registration" | "authentication";

/** The signed-in person acting on their own passkeys (a SessionUser fits). */
export type PasskeyUser = { contactId: number; clientId: number };

/** error and fieldErrors hold catalog keys, as the action wrapper expects. */
export type PasskeyRefusal = { ok: false; error: string; fieldErrors?: Record<string, string> };

export type PasskeyError =
  | "passkeys.errors.challengeExpired"
  | "passkeys.errors.wrongOrigin"
  | "passkeys.errors.unknownCredential"
  | "passkeys.errors.counterMismatch"
  | "passkeys.errors.verificationFailed"
  | "passkeys.errors.userVerificationRequired"
  | "passkeys.errors.alreadyRegistered"
  | "passkeys.errors.tooMany"
  | "errors.rateLimited";

export type PasskeySummary = { id: number; deviceName: string; createdAt: Date; lastUsedAt: Date | null };

export async function listPasskeys(user: PasskeyUser, executor?: Executor): Promise<PasskeySummary[]> {
  const db = executor ?? (await getDb());
  return db
    .select({ id: passkeys.id, deviceName: passkeys.deviceName, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(and(eq(passkeys.contactId, user.contactId), eq(passkeys.clientId, user.clientId)))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

// ---------------------------------------------------------------------------------------------
// Challenges: one row per ceremony, deleted by the answer that uses it.

/**
 * Random bytes for the options (the library base64url-encodes them; a string would be taken as text),
 * stored as the base64url the browser's clientDataJSON will carry back.
 */
async function issueChallenge(executor: Executor, purpose: Purpose, contactId: number | null): Promise<Uint8Array<ArrayBuffer>> {
  // Spent challenges are deleted on use; only abandoned ones expire in place, and go here.
  await executor.delete(webauthnChallenges).where(lte(webauthnChallenges.expiresAt, sql`now()`));
  const challenge = new Uint8Array(randomBytes(32));
  await executor.insert(webauthnChallenges).values({
    challenge: isoBase64URL.fromBuffer(challenge),
    purpose,
    contactId,
    expiresAt: sql`now() + make_interval(mins => ${PASSKEY_CHALLENGE_TTL_MINUTES})`,
  });
  return challenge;
}

/**
 * Spends the challenge the browser signed, if it is one we issued for this purpose (and person) and
 * it has not expired. A conditional delete: of two answers racing with one challenge exactly one wins.
 */
async function spendChallenge(executor: Executor, challenge: string, purpose: Purpose, contactId: number | null): Promise<boolean> {
  if (!challenge || challenge.length > 128) return false;
  const rows = await executor
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        contactId === null ? sql`${webauthnChallenges.contactId} is null` : eq(webauthnChallenges.contactId, contactId),
        gt(webauthnChallenges.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: webauthnChallenges.id });
  return rows.length === 1;
}

type ClientData = { type: string; challenge: string; origin: string };

/** The browser's clientDataJSON, or null when it is not one. */
function readClientData(response: { response?: { clientDataJSON?: unknown } }): ClientData | null {
  const encoded = response.response?.clientDataJSON;
  if (typeof encoded !== "string") return null;
  try {
    const data = decodeClientDataJSON(encoded);
    return typeof data.challenge === "string" && typeof data.origin === "string" && typeof data.type === "string" ? data : null;
  } catch {
    return null;
  }
}

/** The browser's answer as JSON, or null when it does not even have the shape of one. */
export function parseCredentialResponse<T extends RegistrationResponseJSON | AuthenticationResponseJSON>(text: string): T | null {
  if (!text || text.length > PASSKEY_RESPONSE_MAX_LENGTH) return null;
  try {
    const value = JSON.parse(text) as T;
    if (!value || typeof value !== "object" || typeof value.id !== "string" || typeof value.rawId !== "string") return null;
    if (value.type !== "public-key" || !value.response || typeof value.response !== "object") return null;
    return value;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Adding a passkey (Ajustes de seguridad): the password, then the browser's registration.

export type RegistrationStart = { ok: true; options: PublicKeyCredentialCreationOptionsJSON } | PasskeyRefusal;

/**
 * Step 1 of adding a passkey: the current password (an open session alone must not be enough to add
 * a way in), then options for the browser with a challenge bound to this person.
 */
export async function startPasskeyRegistration(
  user: PasskeyUser,
  input: { password: string; rpName: string },
): Promise<RegistrationStart> {
  const db = await getDb();
  const [contact] = await db
    .select({ email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName, passwordHash: contacts.passwordHash })
    .from(contacts)
    .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId), eq(contacts.hasAccess, true)))
    .limit(1);
  if (!contact) return { ok: false, error: "errors.signedOut" };

  const key = passkeyRateLimitKeys.password(user.contactId);
  if (await isRateLimited(key, PASSKEY_PASSWORD_PER_ACCOUNT, db)) return { ok: false, error: "errors.rateLimited" };
  if (!(await verifyPassword(contact.passwordHash, input.password.slice(0, 1024)))) {
    await recordAttempt(key, db);
    return { ok: false, error: "errors.checkFields", fieldErrors: { password: "passkeys.errors.passwordWrong" } };
  }
  await clearAttempts(key, db);

  const existing = await db
    .select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.contactId, user.contactId));
  if (existing.length >= PASSKEYS_PER_CONTACT) return { ok: false, error: "passkeys.errors.tooMany" };

  const { rpId } = webauthnRelyingParty();
  const challenge = await issueChallenge(db, "registration", user.contactId);
  const options = await generateRegistrationOptions({
    rpName: input.rpName,
    rpID: rpId,
    userName: contact.email,
    userDisplayName: `${contact.firstName} ${contact.lastName}`.trim(),
    // Stable per person, and no personal data: the authenticator keeps one passkey per person and site.
    userID: new TextEncoder().encode(`contact:${user.contactId}`),
    challenge,
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: row.transports ?? undefined })),
    // A discoverable credential with user verification: the passkey alone signs in, as both factors.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  return { ok: true, options };
}

export type RegistrationFinish = { ok: true; passkey: PasskeySummary } | PasskeyRefusal;

/** Step 2: the browser's answer is checked against the challenge it signed, then the passkey is kept. */
export async function finishPasskeyRegistration(
  user: PasskeyUser,
  input: { name: string; response: string },
  ip: string,
): Promise<RegistrationFinish> {
  const name = input.name.trim().slice(0, PASSKEY_NAME_MAX_LENGTH);
  if (!name) return { ok: false, error: "errors.checkFields", fieldErrors: { name: "passkeys.errors.nameRequired" } };
  const response = parseCredentialResponse<RegistrationResponseJSON>(input.response);
  if (!response) return { ok: false, error: "passkeys.errors.verificationFailed" };
  const clientData = readClientData(response);
  if (!clientData || clientData.type !== "webauthn.create") return { ok: false, error: "passkeys.errors.verificationFailed" };
  const { rpId, origin } = webauthnRelyingParty();
  const db = await getDb();
  // The challenge is spent before anything else: a wrong answer cannot be retried with it either.
  if (!(await spendChallenge(db, clientData.challenge, "registration", user.contactId))) return { ok: false, error: "passkeys.errors.challengeExpired" };
  if (clientData.origin !== origin) return { ok: false, error: "passkeys.errors.wrongOrigin" };

  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: clientData.challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: true,
    });
  } catch (error) {
    return { ok: false, error: refusalOf(error) };
  }
  if (!verification.verified) return { ok: false, error: "passkeys.errors.verificationFailed" };
  const { credential } = verification.registrationInfo;

  const saved = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.credentialId, credential.id)).limit(1);
    if (taken) return null;
    const [row] = await tx
      .insert(passkeys)
      .values({
        clientId: user.clientId,
        contactId: user.contactId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? null,
        deviceName: name,
      })
      .returning({ id: passkeys.id, deviceName: passkeys.deviceName, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt });
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "passkey.added", details: { name }, ip });
    return row!;
  });
  if (!saved) return { ok: false, error: "passkeys.errors.alreadyRegistered" };
  await sendPasskeyNotice(user, "added", name, ip);
  return { ok: true, passkey: saved };
}

/** Removing one of one's own passkeys; another person's (or a made-up id) is not found. */
export async function removePasskey(user: PasskeyUser, passkeyId: number, ip: string): Promise<{ ok: true } | { ok: false; error: "notFound" }> {
  const db = await getDb();
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.contactId, user.contactId), eq(passkeys.clientId, user.clientId)))
      .returning({ deviceName: passkeys.deviceName });
    if (!row) return null;
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "passkey.removed", details: { name: row.deviceName }, ip });
    return row;
  });
  if (!removed) return { ok: false, error: "notFound" };
  await sendPasskeyNotice(user, "removed", removed.deviceName, ip);
  return { ok: true };
}

/** After the change has committed: a failed notice must not make the person think it did not happen. */
async function sendPasskeyNotice(user: PasskeyUser, change: PasskeyChange, deviceName: string, ip: string): Promise<void> {
  try {
    const db = await getDb();
    const [contact] = await db.select({ email: contacts.email, firstName: contacts.firstName }).from(contacts).where(eq(contacts.id, user.contactId));
    if (!contact) return;
    await sendEmail(
      "passkey-changed",
      { email: contact.email, name: contact.firstName, clientId: user.clientId, contactId: user.contactId },
      { name: contact.firstName, change, deviceName, when: new Date().toISOString(), ip },
    );
  } catch (error) {
    console.error(`Passkey notice (${change}) for contact ${user.contactId} could not be sent:`, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Signing in with a passkey: a discoverable credential, so no email is typed first.

export type AuthenticationStart = { ok: true; options: PublicKeyCredentialRequestOptionsJSON } | { ok: false; error: "errors.rateLimited" };

export async function startPasskeySignIn(ip: string): Promise<AuthenticationStart> {
  const db = await getDb();
  const key = passkeyRateLimitKeys.options(ip.slice(0, 64));
  if (await isRateLimited(key, PASSKEY_OPTIONS_PER_IP, db)) return { ok: false, error: "errors.rateLimited" };
  await recordAttempt(key, db);
  const { rpId } = webauthnRelyingParty();
  const challenge = await issueChallenge(db, "authentication", null);
  const options = await generateAuthenticationOptions({ rpID: rpId, challenge, timeout: CEREMONY_TIMEOUT_MS, userVerification: "required" });
  return { ok: true, options };
}

export type PasskeySignInResult =
  | { ok: true; contact: { id: number; clientId: number; sessionVersion: number } }
  | { ok: false; error: PasskeyError };

/**
 * The whole check of a passkey sign-in: the challenge is one we issued and not yet spent, the answer
 * comes from our origin, the credential is registered to a person who may sign in, the signature is
 * right with user verification, and the counter moved forward (a cloned authenticator would not).
 */
export async function verifyPasskeySignIn(input: { response: string; ip: string }): Promise<PasskeySignInResult> {
  const db = await getDb();
  const ip = input.ip.slice(0, 64);
  const ipKey = rateLimitKeys.loginIp(ip);
  if (await isRateLimited(ipKey, LOGIN_PER_IP, db)) return { ok: false, error: "errors.rateLimited" };

  const refuse = async (error: PasskeyError, contact?: { id: number; clientId: number }): Promise<PasskeySignInResult> => {
    await db.transaction(async (tx) => {
      await recordAttempt(ipKey, tx);
      if (contact) {
        await recordAudit(tx, { clientId: contact.clientId, contactId: contact.id, action: "login.failure", details: { method: "passkey", reason: error }, ip });
      }
    });
    return { ok: false, error };
  };

  const response = parseCredentialResponse<AuthenticationResponseJSON>(input.response);
  const clientData = response ? readClientData(response) : null;
  if (!response || !clientData || clientData.type !== "webauthn.get") return refuse("passkeys.errors.verificationFailed");
  if (!(await spendChallenge(db, clientData.challenge, "authentication", null))) return refuse("passkeys.errors.challengeExpired");
  const { rpId, origin } = webauthnRelyingParty();
  if (clientData.origin !== origin) return refuse("passkeys.errors.wrongOrigin");

  const [stored] = await db
    .select({
      id: passkeys.id,
      credentialId: passkeys.credentialId,
      publicKey: passkeys.publicKey,
      counter: passkeys.counter,
      transports: passkeys.transports,
      contactId: contacts.id,
      clientId: contacts.clientId,
      hasAccess: contacts.hasAccess,
      sessionVersion: contacts.sessionVersion,
    })
    .from(passkeys)
    .innerJoin(contacts, and(eq(contacts.id, passkeys.contactId), eq(contacts.clientId, passkeys.clientId)))
    .where(eq(passkeys.credentialId, response.id))
    .limit(1);
  if (!stored) return refuse("passkeys.errors.unknownCredential");
  const contact = { id: stored.contactId, clientId: stored.clientId };
  if (!stored.hasAccess) return refuse("passkeys.errors.unknownCredential", contact);

  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: clientData.challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: true,
      credential: {
        id: stored.credentialId,
        publicKey: new Uint8Array(stored.publicKey),
        counter: stored.counter,
        transports: (stored.transports ?? undefined) as AuthenticatorTransport[] | undefined,
      },
    });
  } catch (error) {
    return refuse(refusalOf(error), contact);
  }
  if (!verification.verified) return refuse("passkeys.errors.verificationFailed", contact);
  const { newCounter, userVerified } = verification.authenticationInfo;
  if (!userVerified) return refuse("passkeys.errors.userVerificationRequired", contact);

  const accepted = await db.transaction(async (tx) => {
    // Conditional on the counter read above: of two answers racing past the check, one moves it.
    const moved = await tx
      .update(passkeys)
      .set({ counter: newCounter, lastUsedAt: sql`now()` })
      .where(and(eq(passkeys.id, stored.id), eq(passkeys.counter, stored.counter)))
      .returning({ id: passkeys.id });
    if (moved.length !== 1) return false;
    await tx.update(contacts).set({ lastLoginAt: sql`now()` }).where(and(eq(contacts.id, contact.id), eq(contacts.clientId, contact.clientId)));
    await recordAudit(tx, { clientId: contact.clientId, contactId: contact.id, action: "login.success", details: { method: "passkey" }, ip });
    return true;
  });
  if (!accepted) return refuse("passkeys.errors.counterMismatch", contact);
  return { ok: true, contact: { ...contact, sessionVersion: stored.sessionVersion } };
}

/** The library's reasons, as the customer reads them. */
function refusalOf(error: unknown): PasskeyError {
  const message = error instanceof Error ? error.message : "";
  if (/counter/i.test(message)) return "passkeys.errors.counterMismatch";
  if (/user verification/i.test(message)) return "passkeys.errors.userVerificationRequired";
  if (/origin/i.test(message)) return "passkeys.errors.wrongOrigin";
  return "passkeys.errors.verificationFailed";
}

// ---------------------------------------------------------------------------------------------
// Auth.js: the "passkey" Credentials provider's authorize.

/** The refusal travels as the CredentialsSignin `code` ("passkey:challengeExpired"); passkeySignInErrorKey turns it back. */
export function passkeyRefusalCode(error: PasskeyError): string {
  return error === "errors.rateLimited" ? "passkey:rateLimited" : `passkey:${error.slice("passkeys.errors.".length)}`;
}

const KNOWN_CODES = new Set([
  "challengeExpired",
  "wrongOrigin",
  "unknownCredential",
  "counterMismatch",
  "verificationFailed",
  "userVerificationRequired",
]);

export function passkeySignInErrorKey(code: string | undefined): string {
  const reason = code?.startsWith("passkey:") ? code.slice("passkey:".length) : "";
  if (reason === "rateLimited") return "errors.rateLimited";
  return KNOWN_CODES.has(reason) ? `passkeys.errors.${reason}` : "passkeys.errors.verificationFailed";
}
