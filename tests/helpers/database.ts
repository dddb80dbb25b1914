import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { inject } from "vitest";
// Renamed on import: a "use…" name makes the React hooks lint rule treat it as a hook.
import { setDatabase as installDatabase, type Database } from "@/db/client";
import * as schema from "@/db/schema";
import { SEED_LOCK, seedReferenceData, type ReferenceIds } from "@/db/seed/reference-data";
import { env } from "@/lib/env";
import "./provided-context";

type Closable = { close?: () => Promise<void>; end?: (options?: { timeout?: number }) => Promise<void> };

let current: Database | undefined;

/**
 * For a test file's beforeAll: a migrated database (a private PGlite loaded from the template, or the
 * shared DATABASE_URL database), installed with setDatabase so app code calling getDb() uses it too.
 * On DATABASE_URL other files write to the same tables: create your own rows, never count all rows.
 */
export async function setupTestDatabase(): Promise<Database> {
  if (current) return current;
  if (env.DATABASE_URL) {
    const { openPostgres } = await import("@/db/postgres");
    current = openPostgres(env.DATABASE_URL);
  } else {
    current = await openPgliteFromTemplate();
  }
  installDatabase(current);
  return current;
}

/** For afterAll: closes the connection opened by setupTestDatabase. */
export async function teardownTestDatabase(): Promise<void> {
  const database = current;
  current = undefined;
  if (!database) return;
  const client = (database as unknown as { $client: Closable }).$client;
  if (client.end) await client.end({ timeout: 5 });
  else if (client.close) await client.close();
}

/**
 * The company settings, tax rules and catalogue, written unless already there. Test files sharing
 * one PostgreSQL database call this at the same moment: the lock makes the others wait for the
 * first seeder's commit and then find its rows, instead of colliding with it.
 */
export function seedReferenceDataOnce(db: Database): Promise<ReferenceIds> {
  return db.transaction(async (tx) => {
    await tx.execute(SEED_LOCK);
    return seedReferenceData(tx);
  });
}

async function openPgliteFromTemplate(): Promise<Database> {
  const templatePath = inject("pgliteTemplatePath");
  if (!templatePath) throw new Error("No PGlite template: is tests/helpers/global-database-setup.ts the globalSetup?");
  // Built here rather than with openPglite(): PGlite ignores its options argument when no data dir is given.
  const client = new PGlite({ loadDataDir: new Blob([fs.readFileSync(templatePath)], { type: "application/x-tar" }) });
  await client.waitReady;
  return drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
}
