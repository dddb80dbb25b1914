import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { contacts } from "@/db/schema";
import { resealTwoFactorSecrets } from "@/lib/auth/reseal-secrets";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient } from "@/tests/helpers/factories";

const PLAIN = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
});

async function secretOf(contactId: number) {
  const [row] = await db.select({ totpSecret: contacts.totpSecret }).from(contacts).where(eq(contacts.id, contactId));
  return row!.totpSecret;
}

describe("npm run secrets:reseal", () => {
  it("seals a secret stored in clear, leaves a current one alone, and reports one no key opens", async () => {
    const { owner: clear } = await createTestClient(db);
    const { owner: current } = await createTestClient(db);
    const { owner: broken } = await createTestClient(db);
    const sealed = sealSecret(PLAIN);
    await db.update(contacts).set({ totpSecret: PLAIN, totpEnabledAt: new Date() }).where(eq(contacts.id, clear.id));
    await db.update(contacts).set({ totpSecret: sealed, totpEnabledAt: new Date() }).where(eq(contacts.id, current.id));
    await db.update(contacts).set({ totpSecret: "v1.00000000.aaaa.bbbb.cccc", totpEnabledAt: new Date() }).where(eq(contacts.id, broken.id));

    const result = await resealTwoFactorSecrets(db);

    const resealed = await secretOf(clear.id);
    expect(resealed).toMatch(/^v1\./);
    expect(resealed).not.toContain(PLAIN);
    expect(openSecret(resealed!)).toBe(PLAIN);
    expect(await secretOf(current.id)).toBe(sealed);
    expect(result.unreadable).toContain(broken.id);
    expect(result.unreadable).not.toContain(clear.id);
    expect(result.resealed).toBeGreaterThanOrEqual(1);
    // A second run has nothing left to do for these rows.
    expect((await resealTwoFactorSecrets(db)).unreadable).toContain(broken.id);
    expect(await secretOf(clear.id)).toBe(resealed);
  });
});
