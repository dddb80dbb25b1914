import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";
import {
  clearAttempts,
  isRateLimited,
  LOGIN_PER_ACCOUNT,
  LOGIN_PER_IP,
  pruneRateLimitEvents,
  recordAttempt,
  RESET_PER_ACCOUNT,
  RESET_PER_IP,
  RESET_SUBMIT_PER_IP,
} from "@/lib/auth/rate-limit";
import { setupTestDatabase } from "@/tests/helpers/database";
import { uniqueSuffix } from "@/tests/helpers/factories";

let db: Database;
// Keys unique per run: files share one database on DATABASE_URL.
const run = uniqueSuffix();
const testKey = (name: string) => `test:${run}:${name}`;

beforeAll(async () => {
  db = await setupTestDatabase();
});

async function rowsFor(key: string) {
  return db.select().from(rateLimitEvents).where(eq(rateLimitEvents.key, key));
}

describe("rate limit rules", () => {
  it("match the documented limits", () => {
    expect(LOGIN_PER_ACCOUNT).toEqual({ limit: 10, windowSeconds: 900 });
    expect(LOGIN_PER_IP).toEqual({ limit: 30, windowSeconds: 900 });
    expect(RESET_PER_ACCOUNT).toEqual({ limit: 3, windowSeconds: 3600 });
    expect(RESET_PER_IP).toEqual({ limit: 10, windowSeconds: 3600 });
    expect(RESET_SUBMIT_PER_IP).toEqual({ limit: 10, windowSeconds: 900 });
  });
});

describe("isRateLimited / recordAttempt / clearAttempts", () => {
  const rule = { limit: 3, windowSeconds: 60 };

  it("limits a key once it reaches the limit, and only that key", async () => {
    const key = testKey("limit:a");
    const other = testKey("limit:b");
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await recordAttempt(key);
      expect(await isRateLimited(key, rule)).toBe(false);
    }
    await recordAttempt(key);
    expect(await isRateLimited(key, rule)).toBe(true);
    expect(await isRateLimited(other, rule)).toBe(false);
  });

  it("forgets attempts older than the window", async () => {
    const key = testKey("window");
    for (let attempt = 0; attempt < 3; attempt += 1) await recordAttempt(key, db);
    expect(await isRateLimited(key, rule, db)).toBe(true);
    await db
      .update(rateLimitEvents)
      .set({ createdAt: sql`now() - interval '61 seconds'` })
      .where(eq(rateLimitEvents.key, key));
    expect(await isRateLimited(key, rule, db)).toBe(false);
    expect(await isRateLimited(key, { limit: 3, windowSeconds: 120 }, db)).toBe(true);
  });

  it("clearAttempts removes only the given key", async () => {
    await recordAttempt(testKey("clear:a"));
    await recordAttempt(testKey("clear:b"));
    await clearAttempts(testKey("clear:a"));
    expect(await rowsFor(testKey("clear:a"))).toHaveLength(0);
    expect(await rowsFor(testKey("clear:b"))).toHaveLength(1);
  });

  it("prunes day-old rows when recording, and in a sweep", async () => {
    const key = testKey("prune");
    await recordAttempt(key);
    await db.update(rateLimitEvents).set({ createdAt: sql`now() - interval '2 days'` }).where(eq(rateLimitEvents.key, key));
    await recordAttempt(key);
    expect(await rowsFor(key)).toHaveLength(1);

    await recordAttempt(testKey("prune:other"));
    await db
      .update(rateLimitEvents)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(rateLimitEvents.key, testKey("prune:other")));
    await pruneRateLimitEvents();
    expect(await rowsFor(testKey("prune:other"))).toHaveLength(0);
    expect(await rowsFor(key)).toHaveLength(1);
  });

  it("accepts an absurdly long key (user input) by cutting it", async () => {
    const key = `login:account:${"a".repeat(1000)}@example.test`;
    await recordAttempt(key);
    expect(await isRateLimited(key, { limit: 1, windowSeconds: 60 })).toBe(true);
    await clearAttempts(key);
    expect(await isRateLimited(key, { limit: 1, windowSeconds: 60 })).toBe(false);
  });

  it("works inside a caller's transaction and rolls back with it", async () => {
    const key = testKey("transaction");
    await expect(
      db.transaction(async (tx) => {
        await recordAttempt(key, tx);
        expect(await isRateLimited(key, { limit: 1, windowSeconds: 60 }, tx)).toBe(true);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await rowsFor(key)).toHaveLength(0);
  });
});
