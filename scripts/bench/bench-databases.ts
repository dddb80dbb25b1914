import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migrateDatabase, type Database } from "@/db/client";
import * as schema from "@/db/schema";

export type BenchDatabase = {
  db: Database;
  /** The same connection, with a logger that counts every statement sent through it. */
  counting: () => { db: Database; statements: () => number; reset: () => void };
  close: () => Promise<void>;
};

type StatementCounter = Logger & { count: number };

function statementCounter(): StatementCounter {
  return {
    count: 0,
    logQuery() {
      this.count += 1;
    },
  };
}

/** A fresh in-memory PGlite, migrated. */
export async function openPgliteBenchDatabase(): Promise<BenchDatabase> {
  const client = new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Database;
  await migrateDatabase(db);
  return {
    db,
    counting: () => {
      const logger = statementCounter();
      const counted = drizzlePglite({ client, schema, casing: "snake_case", logger }) as unknown as Database;
      return { db: counted, statements: () => logger.count, reset: () => (logger.count = 0) };
    },
    close: () => client.close(),
  };
}

const SCRATCH_NAME = /^area_bench_[a-z]+$/;

/**
 * A scratch database created next to the one DATABASE_URL names (same server and credentials),
 * migrated; dropped again by `close`. Only names matching area_bench_* are ever created or dropped.
 */
export async function openPostgresBenchDatabase(serverUrl: string, name: string): Promise<BenchDatabase> {
  if (!SCRATCH_NAME.test(name)) throw new Error(`Refusing to create or drop "${name}": bench databases are named area_bench_*.`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 5, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Database;
  await migrateDatabase(db);
  return {
    db,
    counting: () => {
      const logger = statementCounter();
      const counted = drizzlePostgres({ client, schema, casing: "snake_case", logger }) as unknown as Database;
      return { db: counted, statements: () => logger.count, reset: () => (logger.count = 0) };
    },
    close: async () => {
      await client.end({ timeout: 5 });
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

export async function postgresVersion(serverUrl: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin<{ server_version: string }[]>`show server_version`;
    return row?.server_version ?? "?";
  } finally {
    await admin.end({ timeout: 5 });
  }
}
