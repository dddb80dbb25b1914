import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import type { TestProject } from "vitest/node";
import { MIGRATIONS_FOLDER, migrateDatabase, type Database } from "@/db/client";
import * as schema from "@/db/schema";
import { env } from "@/lib/env";
import "./provided-context";

const TEMPLATE_DIR = path.join(process.cwd(), ".data", "test");

/**
 * Runs once per `vitest run`, before any worker starts. Embedded mode: one migrated PGlite data dir
 * saved as a tarball that every test file loads (~0.5 s instead of ~2.5 s for initdb + migrations).
 * DATABASE_URL mode: that database is wiped and migrated once; test files then share it.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (env.DATABASE_URL) {
    await resetPostgres(env.DATABASE_URL);
    project.provide("pgliteTemplatePath", null);
    return;
  }
  project.provide("pgliteTemplatePath", await ensurePgliteTemplate());
}

async function ensurePgliteTemplate(): Promise<string> {
  const templatePath = path.join(TEMPLATE_DIR, `pglite-template-${templateKey()}.tar`);
  if (fs.existsSync(templatePath)) return templatePath;

  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const client = new PGlite();
  try {
    await migrateDatabase(drizzle({ client, schema, casing: "snake_case" }) as unknown as Database);
    const dump = await client.dumpDataDir("none");
    // Write then rename, so a concurrent run never loads a half-written tarball.
    const partial = `${templatePath}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, templatePath);
  } finally {
    await client.close();
  }
  for (const name of fs.readdirSync(TEMPLATE_DIR)) {
    if (name.startsWith("pglite-template-") && path.join(TEMPLATE_DIR, name) !== templatePath && !name.endsWith(".partial")) {
      fs.rmSync(path.join(TEMPLATE_DIR, name), { force: true });
    }
  }
  return templatePath;
}

/** The template is reused across runs until a migration or the PGlite version changes. */
function templateKey(): string {
  const hash = createHash("sha256");
  const pgliteVersion = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json"), "utf8"),
  ).version as string;
  hash.update(pgliteVersion);
  for (const file of listFiles(MIGRATIONS_FOLDER)) {
    hash.update(path.relative(MIGRATIONS_FOLDER, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : [full];
    })
    .sort();
}

/**
 * Tests wipe the database they are given, so a DATABASE_URL left pointing at a real database must
 * not be erased by a stray `npm test`: its name has to say it is disposable, or the wipe be asked for.
 */
function assertDisposable(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  const disposable = /test|scratch|(^|[_-])(ci|e2e|tmp)([_-]|$)/i.test(name);
  if (!disposable && process.env.TEST_DATABASE_RESET !== "yes") {
    throw new Error(
      `Refusing to wipe database "${name}" for the tests. Use a database whose name contains ` +
        `"test", "scratch", "_ci" or "_tmp", or set TEST_DATABASE_RESET=yes.`,
    );
  }
}

async function resetPostgres(url: string): Promise<void> {
  assertDisposable(url);
  const { openPostgres } = await import("@/db/postgres");
  const database = openPostgres(url);
  try {
    await database.execute(sql.raw("DROP SCHEMA IF EXISTS drizzle CASCADE"));
    await database.execute(sql.raw("DROP SCHEMA IF EXISTS public CASCADE"));
    await database.execute(sql.raw("CREATE SCHEMA public"));
    await migrateDatabase(database);
  } finally {
    await (database as unknown as { $client: { end(options?: { timeout?: number }): Promise<void> } }).$client.end({ timeout: 5 });
  }
}
