import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

// Long enough to fetch the phone, install an app and scan; short enough that a forgotten tab is worthless.
export const SETUP_TTL_MINUTES = 30;
const TOKEN_MAX_LENGTH = 512;

type SetupPayload = { secret: string; contactId: number; expiresAt: number };

function signature(body: string): Buffer {
  // Domain-separated from every other use of AUTH_SECRET.
  return createHmac("sha256", authSecret()).update(`two-factor-setup\0${body}`, "utf8").digest();
}

/**
 * The secret being set up travels in the confirmation form, signed and bound to the contact, until a
 * right code makes it permanent: nothing is written while the page is only looked at, and a secret
 * never reaches contacts.totp_secret before the person has proved their app holds it.
 */
export function signSetupToken(input: { secret: string; contactId: number; nowMs?: number }): string {
  const payload: SetupPayload = {
    secret: input.secret,
    contactId: input.contactId,
    expiresAt: (input.nowMs ?? Date.now()) + SETUP_TTL_MINUTES * 60_000,
  };
  const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${body}.${signature(body).toString("base64url")}`;
}

/** The secret when the token is intact, unexpired and was issued to this contact; null otherwise. */
export function readSetupToken(token: string, contactId: number, nowMs: number = Date.now()): string | null {
  if (!token || token.length > TOKEN_MAX_LENGTH) return null;
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined) return null;
  const expected = signature(body);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<SetupPayload>;
    if (payload.contactId !== contactId || typeof payload.expiresAt !== "number" || payload.expiresAt < nowMs) return null;
    return typeof payload.secret === "string" && /^[A-Z2-7]{16,128}$/.test(payload.secret) ? payload.secret : null;
  } catch {
    return null;
  }
}
