import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { secretBoxKeys } from "@/lib/env";

// Secrets we must be able to read back (the TOTP seed of two-factor sign-in) are kept sealed with
// AES-256-GCM, so a copy of the database alone does not let anyone generate a customer's codes.
// Format: "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url parts). The key id says which key sealed
// it, so after a rotation (TOTP_ENCRYPTION_KEY new, TOTP_ENCRYPTION_KEY_PREVIOUS old) old values
// still open, and `npm run secrets:reseal` rewrites them with the new key.

const VERSION = "v1";

type Key = { id: string; bytes: Buffer };

function keyOf(bytes: Buffer): Key {
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

function keys(): { current: Key; all: Key[] } {
  const { current, previous } = secretBoxKeys();
  const currentKey = keyOf(current);
  return { current: currentKey, all: [currentKey, ...(previous ? [keyOf(previous)] : [])] };
}

export function sealSecret(plain: string): string {
  const { current } = keys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, current.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}.`);
}

/** Sealed with the current key: nothing for a reseal to do. */
export function isSealedWithCurrentKey(value: string): boolean {
  return isSealed(value) && value.split(".")[1] === keys().current.id;
}

/**
 * The plain secret, or null when it cannot be opened (unknown key, tampered value): the caller then
 * treats the code as wrong rather than failing the sign-in page. A value stored before sealing
 * existed (plain Base32) is returned as it is, until `npm run secrets:reseal` seals it.
 */
export function openSecret(stored: string): string | null {
  if (!isSealed(stored)) return /^[A-Z2-7]+=*$/.test(stored) ? stored : null;
  const [, keyId, iv, tag, ciphertext] = stored.split(".");
  const key = keys().all.find((candidate) => candidate.id === keyId);
  if (!key || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
