import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Database } from "./client";
import * as schema from "./schema";

/**
 * PGlite has no file locking: two processes writing one folder corrupt it. A lock file holding the
 * owner's pid makes a second process (a script while the dev server runs) stop with a clear message.
 */
function takeLock(dataDir: string): void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, "utf8").trim());
    if (pid && pid !== process.pid && processIsAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is open in process ${pid} (probably the running portal). ` +
          "Stop it first, or set DATABASE_URL to use PostgreSQL.",
      );
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // Already gone.
    }
  };
  process.once("exit", release);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function openPglite(dataDir: string | undefined, options: { lock: boolean; loadDataDir?: Blob }): Promise<Database> {
  if (dataDir) {
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    if (options.lock) takeLock(dataDir);
  }
  // Options object form: PGlite ignores a second argument when no data folder is given.
  const client = new PGlite({ dataDir, loadDataDir: options.loadDataDir });
  await client.waitReady;
  return drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
}
