import { and, eq, gt, lte, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { accountTokens, contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { startDeviceSession } from "./device-sessions";
import { clearAttempts, isRateLimited } from "./rate-limit";
import { createAccountToken, findValidToken } from "./tokens";
import { recordFailure, redeemSecondFactor, TWO_FACTOR_PER_ACCOUNT, twoFactorRateLimitKey, type CodeError } from "./two-factor";
import { verifyCredentials } from "./verify-credentials";

// Time to open the app and type six digits; a stolen pending token is worth little for long.
export const PENDING_SIGN_IN_TTL_MINUTES = 5;
const PENDING_PURPOSE = "two_factor_pending";
// A backup code with its hyphen is 9 characters; anything far longer is not a code.
const CODE_MAX_LENGTH = 32;

export type SignInContact = { id: number; clientId: number; sessionVersion: number };

export type BeginSignInResult =
  | { ok: true; pendingToken: string; needsCode: boolean }
  | { ok: false; error: "errors.invalidCredentials" | "errors.rateLimited" };

/**
 * Step 1: the password, checked once (rate limits and audit included). A right password does not sign
 * in by itself: it yields a single-use token that step 2 trades for a session, with a code when the
 * account has two-factor sign-in on.
 */
export async function beginSignIn(input: { email: string; password: string; ip: string }): Promise<BeginSignInResult> {
  const verified = await verifyCredentials(input);
  if (!verified.ok) return verified;
  const db = await getDb();
  const [contact] = await db
    .select({ totpEnabledAt: contacts.totpEnabledAt })
    .from(contacts)
    .where(and(eq(contacts.id, verified.contact.id), eq(contacts.clientId, verified.contact.clientId)))
    .limit(1);
  // Pending tokens are spent by deleting them; only abandoned ones expire in place, and go here.
  await db
    .delete(accountTokens)
    .where(and(eq(accountTokens.contactId, verified.contact.id), eq(accountTokens.purpose, PENDING_PURPOSE), lte(accountTokens.expiresAt, sql`now()`)));
  const pendingToken = await createAccountToken(db, {
    contactId: verified.contact.id,
    purpose: PENDING_PURPOSE,
    ttlMinutes: PENDING_SIGN_IN_TTL_MINUTES,
    ip: input.ip,
    // A password change between the two steps makes the token worthless, like every session.
    payload: { sessionVersion: String(verified.contact.sessionVersion) },
  });
  return { ok: true, pendingToken, needsCode: Boolean(contact?.totpEnabledAt) };
}

export type TwoFactorSignInError = CodeError | "twoFactor.errors.signInExpired" | "twoFactor.errors.codeRequired" | "errors.rateLimited";
export type CompleteSignInResult =
  | { ok: true; contact: SignInContact; method: "totp" | "backup" | null }
  | { ok: false; error: TwoFactorSignInError };

class PendingTokenTaken extends Error {}

/**
 * Step 2: the pending token from step 1 and, for an account with two-factor sign-in, a TOTP or a backup
 * code. The token is spent only with an accepted code, in the same transaction that marks the code used.
 */
export async function completeTwoFactorSignIn(input: { pendingToken: string; code: string; ip: string; nowMs?: number }): Promise<CompleteSignInResult> {
  const db = await getDb();
  const ip = input.ip.slice(0, 64);
  const token = await findValidToken(db, input.pendingToken, PENDING_PURPOSE);
  if (!token) return { ok: false, error: "twoFactor.errors.signInExpired" };
  const [contact] = await db
    .select({
      id: contacts.id,
      clientId: contacts.clientId,
      hasAccess: contacts.hasAccess,
      passwordHash: contacts.passwordHash,
      sessionVersion: contacts.sessionVersion,
      totpSecret: contacts.totpSecret,
      totpEnabledAt: contacts.totpEnabledAt,
      totpLastStep: contacts.totpLastStep,
    })
    .from(contacts)
    .where(eq(contacts.id, token.contactId))
    .limit(1);
  if (!contact || !contact.hasAccess || !contact.passwordHash || token.payload?.sessionVersion !== String(contact.sessionVersion)) {
    return { ok: false, error: "twoFactor.errors.signInExpired" };
  }
  const signedIn: SignInContact = { id: contact.id, clientId: contact.clientId, sessionVersion: contact.sessionVersion };

  if (!contact.totpEnabledAt) {
    if (!(await spendPendingToken(db, token.id))) return { ok: false, error: "twoFactor.errors.signInExpired" };
    return { ok: true, contact: signedIn, method: null };
  }

  const code = input.code.trim().slice(0, CODE_MAX_LENGTH);
  if (!code) return { ok: false, error: "twoFactor.errors.codeRequired" };
  const user = { contactId: contact.id, clientId: contact.clientId };
  const key = twoFactorRateLimitKey(contact.id);
  if (await isRateLimited(key, TWO_FACTOR_PER_ACCOUNT, db)) {
    await recordAudit(db, { ...user, action: "two_factor.failure", details: { context: "signIn", reason: "rateLimited" }, ip });
    return { ok: false, error: "errors.rateLimited" };
  }

  let outcome;
  try {
    outcome = await db.transaction(async (tx) => {
      const factor = await redeemSecondFactor(tx, contact, code, input.nowMs);
      if (!factor.ok) return factor;
      // Lost to a concurrent submit of the same token: undo the code's mark so it is not spent for nothing.
      if (!(await spendPendingToken(tx, token.id))) throw new PendingTokenTaken();
      await clearAttempts(key, tx);
      await recordAudit(tx, { ...user, action: "two_factor.success", details: { method: factor.method }, ip });
      return factor;
    });
  } catch (error) {
    if (error instanceof PendingTokenTaken) return { ok: false, error: "twoFactor.errors.signInExpired" };
    throw error;
  }
  if (!outcome.ok) {
    await recordFailure(db, user, key, ip, { context: "signIn", reason: outcome.error });
    return outcome;
  }
  return { ok: true, contact: signedIn, method: outcome.method };
}

/**
 * Single use by deletion: one row per sign-in would otherwise pile up. The conditional delete makes two
 * concurrent submits race on one row; exactly one gets true.
 */
async function spendPendingToken(executor: Executor, tokenId: number): Promise<boolean> {
  const rows = await executor
    .delete(accountTokens)
    .where(and(eq(accountTokens.id, tokenId), eq(accountTokens.purpose, PENDING_PURPOSE), gt(accountTokens.expiresAt, sql`now()`)))
    .returning({ id: accountTokens.id });
  return rows.length === 1;
}

/** Why Auth.js refused: the CredentialsSignin `code`, turned back into a message key by signInErrorKey. */
export type SignInRefusal =
  | "invalid_credentials"
  | "rate_limited"
  | "two_factor_required"
  | "code_required"
  | "code_invalid"
  | "code_used"
  | "sign_in_expired";

const REFUSAL_BY_ERROR: Record<TwoFactorSignInError | "errors.invalidCredentials", SignInRefusal> = {
  "errors.invalidCredentials": "invalid_credentials",
  "errors.rateLimited": "rate_limited",
  "twoFactor.errors.codeRequired": "code_required",
  "twoFactor.errors.codeInvalid": "code_invalid",
  "twoFactor.errors.codeAlreadyUsed": "code_used",
  "twoFactor.errors.signInExpired": "sign_in_expired",
};

const ERROR_BY_REFUSAL: Record<SignInRefusal, string> = {
  invalid_credentials: "errors.invalidCredentials",
  rate_limited: "errors.rateLimited",
  two_factor_required: "twoFactor.errors.codeRequired",
  code_required: "twoFactor.errors.codeRequired",
  code_invalid: "twoFactor.errors.codeInvalid",
  code_used: "twoFactor.errors.codeAlreadyUsed",
  sign_in_expired: "twoFactor.errors.signInExpired",
};

/** The message key for a refusal code; anything unknown reads as wrong credentials. */
export function signInErrorKey(refusal: string | undefined): string {
  return (refusal && ERROR_BY_REFUSAL[refusal as SignInRefusal]) || "errors.invalidCredentials";
}

export type AuthorizeResult =
  | { ok: true; user: { id: string; sessionVersion: number; sessionId: number } }
  | { ok: false; refusal: SignInRefusal };

/**
 * The whole Credentials `authorize`: a pending token (+ code) from the sign-in form, or the plain
 * email + password that only an account without two-factor sign-in may use. Either way a device
 * session is started for the contact.
 */
export async function authorizeCredentials(input: {
  email?: unknown;
  password?: unknown;
  pendingToken?: unknown;
  code?: unknown;
  ip: string;
  userAgent: string | null;
}): Promise<AuthorizeResult> {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  let contact: SignInContact;
  const pendingToken = text(input.pendingToken);
  if (pendingToken) {
    const result = await completeTwoFactorSignIn({ pendingToken, code: text(input.code), ip: input.ip });
    if (!result.ok) return { ok: false, refusal: REFUSAL_BY_ERROR[result.error] };
    contact = result.contact;
  } else {
    const result = await verifyCredentials({ email: text(input.email), password: text(input.password), ip: input.ip });
    if (!result.ok) return { ok: false, refusal: REFUSAL_BY_ERROR[result.error] };
    // A direct POST to the callback must not skip the second step.
    if (await hasTwoFactor(result.contact)) return { ok: false, refusal: "two_factor_required" };
    contact = result.contact;
  }
  const sessionId = await startDeviceSession({ contactId: contact.id, ip: input.ip, userAgent: input.userAgent });
  return { ok: true, user: { id: String(contact.id), sessionVersion: contact.sessionVersion, sessionId } };
}

async function hasTwoFactor(contact: SignInContact): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ totpEnabledAt: contacts.totpEnabledAt })
    .from(contacts)
    .where(and(eq(contacts.id, contact.id), eq(contacts.clientId, contact.clientId)))
    .limit(1);
  return Boolean(row?.totpEnabledAt);
}
