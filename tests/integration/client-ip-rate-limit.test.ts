import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { UNKNOWN_CLIENT_IP } from "@/lib/auth/client-ip";
import { clearAttempts, LOGIN_PER_IP, rateLimitKeys } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, uniqueEmail, uniqueSuffix } from "@/tests/helpers/factories";
import { form } from "@/tests/helpers/form-data";

// The real sign-in action runs with the headers an attacker sends; only Auth.js's signIn (reached
// only after the password check) and the request itself are replaced.
const request = vi.hoisted(() => ({ headers: new Headers(), signIn: vi.fn() }));
vi.mock("@/lib/auth/config", () => ({ signIn: request.signIn }));
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

const { signInAction } = await import("@/app/(auth)/acceder/actions");

let db: Database;
const run = uniqueSuffix().slice(0, 4);
const configuredHops = env.TRUSTED_PROXY_HOPS;

beforeAll(async () => {
  db = await setupTestDatabase();
});

afterEach(() => {
  env.TRUSTED_PROXY_HOPS = configuredHops;
});

/** A sign-in attempt whose x-forwarded-for the attacker wrote (and the proxies, if any, appended to). */
function signInWith(forwardedFor: string, email: string, password: string) {
  request.headers = new Headers({ "x-forwarded-for": forwardedFor });
  return signInAction(null, form({ email, password }));
}

/** Every attempt claims another address; LOGIN_PER_IP failures must still close the door. */
async function failWithSpoofedAddresses(realSuffix: string) {
  for (let attempt = 0; attempt < LOGIN_PER_IP.limit; attempt += 1) {
    const spoofed = `203.0.113.${attempt}, 2001:db8:${run}:${attempt}::9`;
    const result = await signInWith(`${spoofed}${realSuffix}`, uniqueEmail(`intruso-${attempt}`), "no-es-la-clave");
    expect(result, `attempt ${attempt + 1}`).toEqual({ ok: false, error: "errors.invalidCredentials" });
  }
}

describe("the per-IP sign-in limit against spoofed x-forwarded-for", () => {
  it("holds on a bare next start (TRUSTED_PROXY_HOPS=0): spoofed addresses all share one bucket", async () => {
    env.TRUSTED_PROXY_HOPS = 0;
    const unknownKey = rateLimitKeys.loginIp(UNKNOWN_CLIENT_IP);
    await clearAttempts(unknownKey, db);
    try {
      await failWithSpoofedAddresses("");
      const { owner, password } = await createTestClient(db);
      expect(await signInWith("198.51.100.250", owner.email, password)).toEqual({ ok: false, error: "errors.rateLimited" });
      expect(request.signIn).not.toHaveBeenCalled();
    } finally {
      // Nothing else in the suite uses this bucket; leave it empty for files sharing the database.
      await clearAttempts(unknownKey, db);
    }
  });

  it("holds behind one trusted proxy: the address the proxy appended counts, not what the client wrote", async () => {
    env.TRUSTED_PROXY_HOPS = 1;
    const real = `2001:db8:${run}:ffff::1`;
    await failWithSpoofedAddresses(`, ${real}`);

    const { owner, password } = await createTestClient(db);
    expect(await signInWith(`198.51.100.1, ${real}`, owner.email, password)).toEqual({ ok: false, error: "errors.rateLimited" });
    const [refused] = await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "login.failure")));
    expect(refused).toMatchObject({ ip: real, details: { reason: "rateLimited" } });
    expect(request.signIn).not.toHaveBeenCalled();

    // Another client behind the same proxy is not locked out by the first one's failures.
    const { owner: other, password: otherPassword } = await createTestClient(db);
    request.signIn.mockResolvedValueOnce(undefined);
    expect(await signInWith(`${real}, 2001:db8:${run}:ffff::2`, other.email, otherPassword)).toEqual({ ok: true });
    expect(request.signIn).toHaveBeenCalledOnce();
  });
});
