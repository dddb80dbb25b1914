import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accountTokens } from "@/db/schema";

export type TokenPurpose = "password_reset" | "invitation" | "email_change" | "two_factor_pending";
export type AccountToken = typeof accountTokens.$inferSelect;

// Our tokens are 43 characters; anything far longer is not one of ours and is not worth hashing.
const TOKEN_MAX_LENGTH = 128;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Returns the raw token for the link; only its SHA-256 is stored, so a database leak reveals no usable link. */
export async function createAccountToken(
  executor: Executor,
  input: { contactId: number; purpose: TokenPurpose; ttlMinutes: number; ip?: string | null; payload?: Record<string, string> | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  if (input.purpose === "password_reset") {
    // Only the newest reset link works, so an older email lying in an inbox is worthless.
    await executor
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.contactId, input.contactId), eq(accountTokens.purpose, input.purpose), isNull(accountTokens.usedAt)));
  }
  await executor.insert(accountTokens).values({
    contactId: input.contactId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    payload: input.payload ?? null,
    expiresAt: sql`now() + make_interval(mins => ${input.ttlMinutes})`,
    requestedIp: input.ip ? input.ip.slice(0, 64) : null,
  });
  return token;
}

/** The token row if it exists for this purpose, is unused and unexpired; null otherwise. */
export async function findValidToken(executor: Executor, token: string, purpose: TokenPurpose): Promise<AccountToken | null> {
  if (!token || token.length > TOKEN_MAX_LENGTH) return null;
  const [row] = await executor
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Marks the token used. The conditional update makes two concurrent submits race on one row:
 * exactly one gets true, the other false and must change nothing.
 */
export async function consumeToken(executor: Executor, tokenId: number): Promise<boolean> {
  const rows = await executor
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.id, tokenId), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)))
    .returning({ id: accountTokens.id });
  return rows.length === 1;
}
