import { customerSessionOf, staffRequest } from "@/tests/helpers/staff-request";
import { readdirSync } from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, sessionUserFor } from "@/tests/helpers/factories";
import { form } from "@/tests/helpers/form-data";
import { NotFound } from "@/tests/helpers/next-navigation";

// Issue 10 acceptance: "a customer session gets 404 on every /admin page and action". Each staff
// area's own tests check its actions by name with real input; this one finds every server action,
// page and route under app/admin by reading the folder, so one added later is covered without anyone
// remembering to list it. Only the sign-in page and its actions are open (they are the way in), and
// the root layout, a plain frame around the sign-in page too.

const ADMIN_DIR = path.join(process.cwd(), "app/admin");
const OPEN = new Set(["acceso/actions.ts", "acceso/page.tsx", "layout.tsx"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const relative = (file: string) => path.relative(ADMIN_DIR, file).split(path.sep).join("/");
const adminFiles = filesUnder(ADMIN_DIR).map(relative).filter((file) => !OPEN.has(file));
const actionFiles = adminFiles.filter((file) => file.endsWith("actions.ts"));
const pageFiles = adminFiles.filter((file) => /(^|\/)(page|layout)\.tsx$/.test(file));
const routeFiles = adminFiles.filter((file) => /(^|\/)route\.ts$/.test(file));

type Callable = (...args: unknown[]) => Promise<unknown>;

async function exportsOf(file: string): Promise<[string, Callable][]> {
  const loaded = (await import(/* @vite-ignore */ path.join(ADMIN_DIR, file))) as Record<string, unknown>;
  return Object.entries(loaded).filter((entry): entry is [string, Callable] => typeof entry[1] === "function");
}

/** Route params and search params a page could read: every dynamic segment answers "1". */
const anyParams = () => Promise.resolve(new Proxy({}, { get: (_target, key) => (typeof key === "string" ? "1" : undefined) }));

let db: Database;
let customerSession: unknown;

// The requests of this file come from an address of their own, so the audit rows it counts are its
// own even while other test files write theirs to the same database.
const GUARD_IP = "198.51.100.251";

async function auditRows(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.ip, GUARD_IP));
  return row!.n;
}

beforeAll(async () => {
  staffRequest.headers.set("x-forwarded-for", GUARD_IP);
  db = await setupTestDatabase();
  customerSession = customerSessionOf(sessionUserFor((await createTestClient(db)).owner));
});
afterAll(teardownTestDatabase);

describe("the staff area to anyone without a staff session", () => {
  it("finds the staff area's actions, pages and routes to check", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(4);
    expect(pageFiles).toContain("(desk)/layout.tsx");
    expect(routeFiles).toContain("adjuntos/[attachmentId]/route.ts");
  });

  for (const [label, session] of [
    ["signed out", () => null],
    ["a customer's session", () => customerSession],
  ] as const) {
    it(`answers 404 to every server action (${label}) and writes nothing`, async () => {
      const before = await auditRows();
      let checked = 0;
      for (const file of actionFiles) {
        for (const [name, action] of await exportsOf(file)) {
          staffRequest.customerSession = session();
          await expect(action(null, form({ clientId: "1", invoiceId: "1", ticketId: "1", id: "1" })), `${file} ${name}`).rejects.toBeInstanceOf(NotFound);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(18);
      expect(await auditRows()).toBe(before);
    });

    it(`answers 404 to every page and the desk's frame (${label})`, async () => {
      for (const file of pageFiles) {
        const loaded = (await import(/* @vite-ignore */ path.join(ADMIN_DIR, file))) as { default: Callable };
        staffRequest.customerSession = session();
        // async () => so a page that rendered without awaiting anything fails here instead of passing unnoticed.
        await expect((async () => loaded.default({ params: anyParams(), searchParams: anyParams(), children: null }))(), file).rejects.toBeInstanceOf(NotFound);
      }
    });

    it(`answers 404 on every route (${label})`, async () => {
      for (const file of routeFiles) {
        for (const [name, handler] of await exportsOf(file)) {
          staffRequest.customerSession = session();
          const response = (await handler(new Request("http://localhost/admin"), { params: anyParams() })) as Response;
          expect(response.status, `${file} ${name}`).toBe(404);
        }
      }
    });
  }
});
