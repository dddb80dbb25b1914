import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { contacts } from "@/db/schema";
import { isSealedWithCurrentKey, openSecret, sealSecret } from "./secret-box";

export type ResealResult = { resealed: number; unreadable: number[] };

/**
 * After a key rotation (or on a database written before secrets were sealed): every two-factor
 * secret not sealed with the current key is opened and sealed again. A value no key opens is left
 * as it is and reported, so staff can ask that person to set up two-factor sign-in again.
 * Each row is rewritten only if it still holds the value read, so a concurrent change wins.
 */
export async function resealTwoFactorSecrets(db: Database): Promise<ResealResult> {
  const rows = await db.select({ id: contacts.id, totpSecret: contacts.totpSecret }).from(contacts).where(isNotNull(contacts.totpSecret));
  const result: ResealResult = { resealed: 0, unreadable: [] };
  for (const row of rows) {
    const stored = row.totpSecret!;
    if (isSealedWithCurrentKey(stored)) continue;
    const plain = openSecret(stored);
    if (plain === null) {
      result.unreadable.push(row.id);
      continue;
    }
    const updated = await db
      .update(contacts)
      .set({ totpSecret: sealSecret(plain) })
      .where(and(eq(contacts.id, row.id), eq(contacts.totpSecret, stored)))
      .returning({ id: contacts.id });
    result.resealed += updated.length;
  }
  return result;
}
