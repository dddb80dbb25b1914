import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

async function secretBoxWith(keys: { current?: Buffer; previous?: Buffer }) {
  vi.stubEnv("TOTP_ENCRYPTION_KEY", keys.current ? keys.current.toString("base64") : "");
  vi.stubEnv("TOTP_ENCRYPTION_KEY_PREVIOUS", keys.previous ? keys.previous.toString("base64") : "");
  vi.resetModules();
  return import("@/lib/auth/secret-box");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("sealed secrets", () => {
  it("never hold the secret in clear, differ every time, and open to the secret", async () => {
    const box = await secretBoxWith({ current: randomBytes(32) });
    const first = box.sealSecret(SECRET);
    const second = box.sealSecret(SECRET);
    expect(first).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(first).not.toContain(SECRET);
    expect(first).not.toBe(second);
    expect(box.openSecret(first)).toBe(SECRET);
    expect(box.isSealedWithCurrentKey(first)).toBe(true);
  });

  it("refuse a tampered value or a value sealed with a key it does not have", async () => {
    const sealed = (await secretBoxWith({ current: randomBytes(32) })).sealSecret(SECRET);
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[4]!, "base64url");
    flipped[0]! ^= 1;
    const tampered = [...parts.slice(0, 4), flipped.toString("base64url")].join(".");
    const box = await secretBoxWith({ current: randomBytes(32) });
    expect(box.openSecret(sealed)).toBeNull();
    expect(box.openSecret(tampered)).toBeNull();
    expect(box.openSecret("v1.garbage")).toBeNull();
  });

  it("still open after a rotation while the old key is kept as the previous one", async () => {
    const oldKey = randomBytes(32);
    const sealed = (await secretBoxWith({ current: oldKey })).sealSecret(SECRET);
    const rotated = await secretBoxWith({ current: randomBytes(32), previous: oldKey });
    expect(rotated.openSecret(sealed)).toBe(SECRET);
    expect(rotated.isSealedWithCurrentKey(sealed)).toBe(false);
  });

  it("read a value stored before sealing existed (plain Base32), and nothing else unsealed", async () => {
    const box = await secretBoxWith({ current: randomBytes(32) });
    expect(box.openSecret(SECRET)).toBe(SECRET);
    expect(box.openSecret("not a secret")).toBeNull();
  });

  it("refuse a key of the wrong length at use", async () => {
    const box = await secretBoxWith({ current: randomBytes(16) });
    expect(() => box.sealSecret(SECRET)).toThrow(/32 bytes/);
  });
});
