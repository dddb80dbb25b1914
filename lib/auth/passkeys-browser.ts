import { WebAuthnError } from "@simplewebauthn/browser";

/**
 * What went wrong in the browser's part of a passkey ceremony, as a catalog key. Cancelling the
 * system prompt and letting it time out look the same to the page (NotAllowedError).
 */
export function browserPasskeyErrorKey(error: unknown): string {
  const code = error instanceof WebAuthnError ? error.code : null;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") return "passkeys.errors.alreadyRegistered";
  if (code === "ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT") return "passkeys.errors.userVerificationRequired";
  if (code === "ERROR_INVALID_DOMAIN" || code === "ERROR_INVALID_RP_ID") return "passkeys.errors.wrongOrigin";
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") return "passkeys.errors.cancelled";
  return "passkeys.errors.verificationFailed";
}
