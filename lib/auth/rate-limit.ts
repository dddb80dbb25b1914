import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";

export type RateLimitRule = { limit: number; windowSeconds: number };

export const LOGIN_PER_ACCOUNT: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };
export const LOGIN_PER_IP: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };
export const RESET_PER_ACCOUNT: RateLimitRule = { limit: 3, windowSeconds: 60 * 60 };
export const RESET_PER_IP: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };
export const RESET_SUBMIT_PER_IP: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };
/** Wrong security answers on one account: the emailed link alone must not allow guessing the answer. */
export const RESET_ANSWER_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };

// Longer than every window above, so pruning never forgets an attempt that still counts.
const RETENTION_SECONDS = 24 * 60 * 60;
// Global pruning is a full sweep of old rows; doing it on a fraction of writes keeps the table small
// without a cron job and without slowing every sign-in.
const GLOBAL_PRUNE_PROBABILITY = 0.02;
const KEY_MAX_LENGTH = 300;

export const rateLimitKeys = {
  loginAccount: (email: string) => `login:account:${email}`,
  loginIp: (ip: string) => `login:ip:${ip}`,
  resetAccount: (email: string) => `reset:account:${email}`,
  resetIp: (ip: string) => `reset:ip:${ip}`,
  resetSubmitIp: (ip: string) => `reset-submit:ip:${ip}`,
  resetAnswerAccount: (contactId: number) => `reset-answer:account:${contactId}`,
};

// Keys carry user input (email, IP header): cap them so an absurd value cannot break the insert.
function normalizeKey(key: string): string {
  return key.slice(0, KEY_MAX_LENGTH);
}

function windowStart(seconds: number) {
  // Database time on both sides of the comparison, so app-server clock skew cannot widen a window.
  return sql`now() - make_interval(secs => ${seconds})`;
}

export async function isRateLimited(key: string, rule: RateLimitRule, executor?: Executor): Promise<boolean> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .select({ attempts: count() })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, normalizeKey(key)), gt(rateLimitEvents.createdAt, windowStart(rule.windowSeconds))));
  return Number(row?.attempts ?? 0) >= rule.limit;
}

export async function recordAttempt(key: string, executor?: Executor): Promise<void> {
  const db = executor ?? (await getDb());
  const normalized = normalizeKey(key);
  await db.insert(rateLimitEvents).values({ key: normalized });
  await db
    .delete(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, normalized), lt(rateLimitEvents.createdAt, windowStart(RETENTION_SECONDS))));
  if (Math.random() < GLOBAL_PRUNE_PROBABILITY) await pruneRateLimitEvents(db);
}

export async function clearAttempts(key: string, executor?: Executor): Promise<void> {
  const db = executor ?? (await getDb());
  await db.delete(rateLimitEvents).where(eq(rateLimitEvents.key, normalizeKey(key)));
}

export async function pruneRateLimitEvents(executor?: Executor): Promise<void> {
  const db = executor ?? (await getDb());
  await db.delete(rateLimitEvents).where(lt(rateLimitEvents.createdAt, windowStart(RETENTION_SECONDS)));
}
