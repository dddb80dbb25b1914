import { generate, generateSecret, generateURI, verify } from "otplib";

// What every authenticator app (Google Authenticator, Microsoft Authenticator, Authy, 1Password…) expects.
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
// ±1 step: a code typed just as the app rolls over still counts, and nothing older than a minute does.
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** A new random secret, Base32 (20 bytes, the RFC 4226 recommendation). */
export function generateTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI the QR code carries; the issuer and account name are what the app shows. */
export function totpUri(input: { secret: string; issuer: string; accountName: string }): string {
  return generateURI({ issuer: input.issuer, label: input.accountName, secret: input.secret, period: TOTP_PERIOD_SECONDS, digits: TOTP_DIGITS });
}

/** The code an authenticator app would show at `atMs` (used by tests and scripts, never sent anywhere). */
export function totpCode(secret: string, atMs: number = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(atMs / 1000), period: TOTP_PERIOD_SECONDS, digits: TOTP_DIGITS });
}

/** The time step a TOTP was issued for, so the caller can refuse it a second time. */
export function totpStepAt(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

export function looksLikeTotp(code: string): boolean {
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code);
}

/**
 * The time step `code` belongs to when it is valid for `secret` within ±1 step of `atMs`, null otherwise.
 * Replay is the caller's job: it compares the step with the last one accepted.
 */
export async function matchTotp(secret: string, code: string, atMs: number = Date.now()): Promise<number | null> {
  if (!looksLikeTotp(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(atMs / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      period: TOTP_PERIOD_SECONDS,
      digits: TOTP_DIGITS,
    });
    // The functional API's result type also covers HOTP, which has no time step.
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // A malformed stored secret must read as "wrong code", not as a server error on the sign-in page.
    return null;
  }
}
