import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // Mirrors tsconfig "paths": { "@/*": ["./*"] }; a regex so "@electric-sql/..." is left alone.
      { find: /^@\//, replacement: root },
      { find: /^server-only$/, replacement: `${root}tests/helpers/empty-module.ts` },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    // As behind one proxy (a Vercel-style host), so the x-forwarded-for a test sends is the address
    // recorded; tests of the setting itself change it.
    env: { TRUSTED_PROXY_HOPS: "1" },
    globalSetup: ["tests/helpers/global-database-setup.ts"],
    // Child processes: each file gets its own PGlite (WASM heap) and argon2 native handle.
    pool: "forks",
    maxWorkers: 2,
    // argon2 hashing and opening PGlite take seconds on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
