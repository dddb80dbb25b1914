import { startDeviceSession } from "./device-sessions";
import { passkeyRefusalCode, verifyPasskeySignIn } from "./passkeys";

export type PasskeyAuthorizeResult =
  | { ok: true; user: { id: string; sessionVersion: number; sessionId: number } }
  | { ok: false; refusal: string };

/**
 * The "passkey" Credentials provider's authorize: a verified passkey with user verification is both
 * factors, so the session opens without the password and without the two-step code.
 */
export async function authorizePasskey(input: { response?: unknown; ip: string; userAgent: string | null }): Promise<PasskeyAuthorizeResult> {
  const response = typeof input.response === "string" ? input.response : "";
  const result = await verifyPasskeySignIn({ response, ip: input.ip });
  if (!result.ok) return { ok: false, refusal: passkeyRefusalCode(result.error) };
  const sessionId = await startDeviceSession({ contactId: result.contact.id, ip: input.ip, userAgent: input.userAgent });
  return { ok: true, user: { id: String(result.contact.id), sessionVersion: result.contact.sessionVersion, sessionId } };
}
