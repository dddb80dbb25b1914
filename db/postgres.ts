import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Database } from "./client";
import * as schema from "./schema";

export function openPostgres(url: string): Database {
  // Serverless functions each hold a few connections; a managed Postgres pooler sits in front.
  const client = postgres(url, { max: 5, onnotice: () => {} });
  return drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
}
