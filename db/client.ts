import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env, isEmbeddedDatabase, loadDemoData } from "@/lib/env";
import * as schema from "./schema";

/** One handle type for both drivers (PGlite embedded, postgres.js on a real server). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Functions that must run either alone or inside a caller's transaction take this. */
export type Executor = Database | Transaction;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

type Holder = { database?: Promise<Database> };
// Kept on globalThis so dev-server reloads and route bundles share one connection (and one PGlite).
const holder = globalThis as typeof globalThis & { __areaDeClienteDb?: Holder };
const state: Holder = (holder.__areaDeClienteDb ??= {});

export function getDb(): Promise<Database> {
  state.database ??= openDatabase().catch((error) => {
    state.database = undefined;
    throw error;
  });
  return state.database;
}

/** Tests point the whole app at their own database with this. */
export function setDatabase(database: Database): void {
  state.database = Promise.resolve(database);
}

async function openDatabase(): Promise<Database> {
  if (!isEmbeddedDatabase) {
    const { openPostgres } = await import("./postgres");
    return openPostgres(env.DATABASE_URL!);
  }
  const { openPglite } = await import("./pglite");
  const database = await openPglite(env.PGLITE_DATA_DIR, { lock: true });
  await migrateDatabase(database);
  if (loadDemoData) {
    const { seedDemoDataIfEmpty } = await import("./seed/demo");
    await seedDemoDataIfEmpty(database);
  }
  return database;
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (isPglite(database)) {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(database as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

function isPglite(database: Database): boolean {
  return (database as unknown as { $client?: { constructor?: { name?: string } } }).$client?.constructor?.name === "PGlite";
}

export function ensureDirectory(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
}
