import { createHash, randomInt } from "node:crypto";

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i: the codes are printed on paper and typed back by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUP_LENGTH = 4;
const CODE_LENGTH = 2 * GROUP_LENGTH;

/** Ten fresh codes shaped "xxxx-xxxx" (about 40 random bits each). */
export function generateBackupCodes(count: number = BACKUP_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const characters = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${characters.slice(0, GROUP_LENGTH)}-${characters.slice(GROUP_LENGTH)}`;
  });
}

/** What was typed, reduced to the code's characters ("ABCD EFGH" and "abcd-efgh" are the same code). */
export function normalizeBackupCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function looksLikeBackupCode(normalized: string): boolean {
  return normalized.length === CODE_LENGTH && [...normalized].every((character) => ALPHABET.includes(character));
}

/**
 * Salted by contact so equal codes of two people never share a hash. A fast hash is enough here: the
 * TOTP secret lives in the same row, so whoever could read these hashes would not need the codes,
 * and typed guesses are rate limited per account.
 */
export function hashBackupCode(contactId: number, normalized: string): string {
  return createHash("sha256").update(`totp-backup:${contactId}:${normalized}`, "utf8").digest("hex");
}
