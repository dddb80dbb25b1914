import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { env } from "@/lib/env";

/** The same database seen through a Drizzle handle that records every statement it sends. */
export function countingDatabase(db: Database): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (db as unknown as { $client: never }).$client;
  const counted = env.DATABASE_URL
    ? drizzlePostgres({ client, schema, casing: "snake_case", logger })
    : drizzlePglite({ client, schema, casing: "snake_case", logger });
  return { db: counted as unknown as Database, statements };
}
