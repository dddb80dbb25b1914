import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { generateBackupCodes, hashBackupCode, looksLikeBackupCode, normalizeBackupCode } from "@/lib/auth/two-factor-backup-codes";
import { readSetupToken, signSetupToken, SETUP_TTL_MINUTES } from "@/lib/auth/two-factor-setup-token";
import { generateTotpSecret, looksLikeTotp, matchTotp, totpCode, totpStepAt, totpUri } from "@/lib/auth/two-factor-totp";

// RFC 6238 appendix B: seeds are ASCII "1234567890" repeated to the hash's key length; 8-digit codes.
const SEED_SHA1 = "12345678901234567890";
const SEED_SHA256 = "12345678901234567890123456789012";
const SEED_SHA512 = "1234567890123456789012345678901234567890123456789012345678901234";
const RFC_6238_VECTORS: { time: number; sha1: string; sha256: string; sha512: string }[] = [
  { time: 59, sha1: "94287082", sha256: "46119246", sha512: "90693936" },
  { time: 1111111109, sha1: "07081804", sha256: "68084774", sha512: "25091201" },
  { time: 1111111111, sha1: "14050471", sha256: "67062674", sha512: "99943326" },
  { time: 1234567890, sha1: "89005924", sha256: "91819424", sha512: "93441116" },
  { time: 2000000000, sha1: "69279037", sha256: "90698825", sha512: "38618901" },
  { time: 20000000000, sha1: "65353130", sha256: "77737706", sha512: "47863826" },
];
// The SHA-1 seed in Base32, the form our code and authenticator apps use.
const SEED_SHA1_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("TOTP (RFC 6238)", () => {
  it.each(RFC_6238_VECTORS)("otplib computes the RFC vectors at T=$time", async ({ time, sha1, sha256, sha512 }) => {
    expect(await generate({ secret: bytes(SEED_SHA1), epoch: time, digits: 8, algorithm: "sha1" })).toBe(sha1);
    expect(await generate({ secret: bytes(SEED_SHA256), epoch: time, digits: 8, algorithm: "sha256" })).toBe(sha256);
    expect(await generate({ secret: bytes(SEED_SHA512), epoch: time, digits: 8, algorithm: "sha512" })).toBe(sha512);
  });

  it.each(RFC_6238_VECTORS)("our 6-digit SHA-1 code at T=$time is the RFC code's last six digits", async ({ time, sha1 }) => {
    expect(await totpCode(SEED_SHA1_BASE32, time * 1000)).toBe(sha1.slice(-6));
    expect(await matchTotp(SEED_SHA1_BASE32, sha1.slice(-6), time * 1000)).toBe(Math.floor(time / 30));
  });

  it("accepts the codes of one step before and after, and names the step each belongs to", async () => {
    const secret = generateTotpSecret();
    const now = 1_750_000_015_000;
    const step = totpStepAt(now);
    for (const delta of [-1, 0, 1]) {
      const code = await totpCode(secret, now + delta * 30_000);
      expect(await matchTotp(secret, code, now)).toBe(step + delta);
    }
  });

  it("refuses codes two steps away, wrong codes and things that are not codes", async () => {
    const secret = generateTotpSecret();
    const now = 1_750_000_015_000;
    const current = new Set(await Promise.all([-1, 0, 1].map((delta) => totpCode(secret, now + delta * 30_000))));
    for (const delta of [-2, 2]) {
      const code = await totpCode(secret, now + delta * 30_000);
      if (!current.has(code)) expect(await matchTotp(secret, code, now)).toBeNull();
    }
    const wrong = ["000000", "123456", "999999"].find((code) => !current.has(code))!;
    expect(await matchTotp(secret, wrong, now)).toBeNull();
    expect(await matchTotp(secret, "12345", now)).toBeNull();
    expect(await matchTotp(secret, "1234567", now)).toBeNull();
    expect(await matchTotp(secret, "abcdef", now)).toBeNull();
    expect(await matchTotp("not base32!", "123456", now)).toBeNull();
  });

  it("makes 160-bit Base32 secrets, different each time", () => {
    const secrets = new Set(Array.from({ length: 20 }, () => generateTotpSecret()));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("builds the otpauth URI authenticator apps read", () => {
    const uri = new URL(totpUri({ secret: SEED_SHA1_BASE32, issuer: "Hosting Ejemplo", accountName: "vacio@cliente.test" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Hosting Ejemplo:vacio@cliente.test");
    expect(uri.searchParams.get("secret")).toBe(SEED_SHA1_BASE32);
    expect(uri.searchParams.get("issuer")).toBe("Hosting Ejemplo");
  });

  it("tells six digits from anything else", () => {
    expect(looksLikeTotp("012345")).toBe(true);
    expect(looksLikeTotp("01234")).toBe(false);
    expect(looksLikeTotp("abcd-efgh")).toBe(false);
  });
});

describe("backup codes", () => {
  it("are ten distinct xxxx-xxxx codes without look-alike characters", () => {
    const codes = generateBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(looksLikeBackupCode(normalizeBackupCode(code))).toBe(true);
    }
  });

  it("read the same however they are typed", () => {
    expect(normalizeBackupCode(" ABCD-EFGH ")).toBe("abcdefgh");
    expect(normalizeBackupCode("abcd efgh")).toBe("abcdefgh");
    expect(looksLikeBackupCode("abcdefg")).toBe(false);
    expect(looksLikeBackupCode("abcdefg1")).toBe(false);
  });

  it("hash per contact, never to the code itself", () => {
    const hash = hashBackupCode(1, "abcdefgh");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("abcdefgh");
    expect(hashBackupCode(2, "abcdefgh")).not.toBe(hash);
    expect(hashBackupCode(1, "abcdefgh")).toBe(hash);
  });
});

describe("set-up token", () => {
  const secret = "JO4OLU2G7VEMLGIVI7JFMAUPVLF52VHQ";
  const now = 1_750_000_000_000;

  it("gives the secret back to the contact it was issued to, until it expires", () => {
    const token = signSetupToken({ secret, contactId: 7, nowMs: now });
    expect(readSetupToken(token, 7, now)).toBe(secret);
    expect(readSetupToken(token, 7, now + SETUP_TTL_MINUTES * 60_000 - 1)).toBe(secret);
    expect(readSetupToken(token, 7, now + SETUP_TTL_MINUTES * 60_000 + 1)).toBeNull();
    expect(readSetupToken(token, 8, now)).toBeNull();
  });

  it("refuses a token whose content or signature was changed", () => {
    const token = signSetupToken({ secret, contactId: 7, nowMs: now });
    const [body, mac] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ secret: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", contactId: 7, expiresAt: now + 60_000 })).toString("base64url");
    expect(readSetupToken(`${forged}.${mac}`, 7, now)).toBeNull();
    expect(readSetupToken(`${body}.${mac.slice(0, -2)}xx`, 7, now)).toBeNull();
    expect(readSetupToken(`${body}`, 7, now)).toBeNull();
    expect(readSetupToken(`${token}.extra`, 7, now)).toBeNull();
    expect(readSetupToken("", 7, now)).toBeNull();
  });
});
