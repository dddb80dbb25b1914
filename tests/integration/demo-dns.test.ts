import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, type Database } from "@/db/client";
import * as schema from "@/db/schema";
import { dnsRedirects, domains, emailForwards } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import { DEMO_LOGINS } from "@/db/seed/demo-accounts";
import { createSandboxDns } from "@/lib/dns/sandbox-dns";
import { findRedirectForHost } from "@/lib/domains/dns/redirect-host";
import { env } from "@/lib/env";

// A database of its own (on PostgreSQL runs too): the demo data goes into an empty one.
let client: PGlite;
let db: Database;

beforeAll(async () => {
  client = new PGlite();
  db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
  await migrateDatabase(db);
  await seedDemoData(db);
});
afterAll(() => client.close());

describe("demo DNS data", () => {
  it("gives the demo client a zone with records, a redirect and an email forward, held by the sandbox DNS server too", async () => {
    const [shop] = await db.select().from(domains).where(eq(domains.name, "ejemplo-tienda.es"));
    expect(shop).toMatchObject({ dnsManagement: true, emailForwarding: true });
    expect(await findRedirectForHost("tienda.ejemplo-tienda.es", { db })).toEqual({ kind: "redirect", target: "https://ejemplo-tienda.com/" });
    expect(await db.select({ localPart: emailForwards.localPart }).from(emailForwards).where(eq(emailForwards.domainId, shop!.id))).toEqual([{ localPart: "contacto" }]);
    const records = await createSandboxDns(db).listRecords("ejemplo-tienda.es");
    expect(records).toContainEqual({ name: "tienda.ejemplo-tienda.es", type: "A", ttl: 3600, content: env.REDIRECT_SERVER_IPV4 });
    expect(records.filter((record) => record.type === "MX")).toHaveLength(2);
    expect((await db.select().from(dnsRedirects)).length).toBeGreaterThanOrEqual(2);
    expect(DEMO_LOGINS.demo).toBe("demo@cliente.test");
  });
});
