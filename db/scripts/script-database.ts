import type { Database } from "@/db/client";

export type ScriptDatabase = {
  db: Database;
  /** Where the script is writing, without credentials, for its messages. */
  label: string;
  close: () => Promise<void>;
};

/**
 * Opens the database the portal is configured for: PostgreSQL when DATABASE_URL is set, else the
 * embedded PGlite folder (refusing, through its lock file, while the portal has it open).
 * .env files are read first, as `next dev` does, so a script sees the portal's configuration; the
 * modules that read the configuration are therefore imported only after that.
 */
export async function openScriptDatabase(): Promise<ScriptDatabase> {
  const { loadEnvConfig } = await import("@next/env");
  loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });
  const { env } = await import("@/lib/env");

  if (env.DATABASE_URL) {
    const { getDb } = await import("@/db/client");
    const db = await getDb();
    const url = new URL(env.DATABASE_URL);
    return {
      db,
      label: `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`,
      close: () => (db as unknown as { $client: { end: () => Promise<void> } }).$client.end(),
    };
  }

  const { openPglite } = await import("@/db/pglite");
  const db = await openPglite(env.PGLITE_DATA_DIR, { lock: true });
  return {
    db,
    label: `the embedded database in ${env.PGLITE_DATA_DIR}`,
    close: () => (db as unknown as { $client: { close: () => Promise<void> } }).$client.close(),
  };
}

/** Runs a script body against the configured database, always closing it so the process can exit. */
export async function withScriptDatabase(body: (database: ScriptDatabase) => Promise<void>): Promise<void> {
  let database: ScriptDatabase | undefined;
  try {
    database = await openScriptDatabase();
    await body(database);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause) console.error(error.cause);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
