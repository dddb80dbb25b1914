import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { migrateDatabase } from "@/db/client";
import { openPglite } from "@/db/pglite";
import { contacts, invoices, servers, services } from "@/db/schema";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from "@/db/seed/demo";
import { STAND_IN_WHM_TOKEN, STAND_IN_WHM_USER, startWhmStandIn } from "@/tests/helpers/whm-stand-in";
import { openPostgresBenchDatabase } from "./bench-databases";
import { percentile } from "./stats";

// Issue 7's figure: the service page, with a WHM panel that takes 300 ms per answer, against the
// invoice page, both over real HTTP from `next start` (production build). The service page streams
// "Estadísticas de uso" behind a Suspense boundary, so what the customer waits for is the page up to
// "Información de facturación"; the time until the whole stream ends (usage included) is printed too.
// Every timed request opens a different service whose usage is stale, so each one really asks the
// panel: a page that waited for it could not come in under 300 ms.

const PANEL_LATENCY_MS = 300;
const WARMUP = 5;
const RUNS = 25;
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
/** Rendered outside the usage's Suspense boundary: once it has arrived the page is readable. */
const SERVICE_CONTENT_MARK = "Información de facturación";
const AUTH_SECRET = "bench-secret-not-for-production-7d2e91c4a6b3f580";

export type ServicePageTiming = {
  panelLatencyMs: number;
  runs: number;
  serviceContentP50: number;
  serviceCompleteP50: number;
  invoiceP50: number;
  panelCalls: number;
  database: string;
};

export async function benchServicePageTiming(options: { databaseUrl?: string; build: boolean; log: (line: string) => void }): Promise<ServicePageTiming> {
  const { log } = options;
  if (options.build || !fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    log("building the app for the service-page timing (next build)...");
    await run(process.execPath, [NEXT_BIN, "build"], serverEnv({}));
  }

  const standIn = await startWhmStandIn({ latencyMs: PANEL_LATENCY_MS });
  const dataDir = path.join(os.tmpdir(), `area-bench-http-${process.pid}`);
  const database = options.databaseUrl ? await openPostgresBenchDatabase(options.databaseUrl, "area_bench_http") : null;
  let server: ChildProcess | undefined;
  try {
    const db = database?.db ?? (await openPglite(dataDir, { lock: false }));
    if (!database) await migrateDatabase(db);
    const fixture = await prepareData(db, WARMUP + RUNS);
    for (const username of fixture.usernames) {
      standIn.accounts.set(username, {
        user: username,
        domain: `${username}.example`,
        plan: "default",
        email: "bench@example.test",
        suspended: false,
        suspendReason: null,
        password: "",
        diskused: "512M",
        disklimit: "10240M",
        bandwidthBytes: 3 * 1024 ** 3,
        bandwidthLimitBytes: 100 * 1024 ** 3,
        mailboxes: [],
      });
    }
    // PGlite is one process's: hand the folder to the server. PostgreSQL's scratch database stays
    // open until the end, when closing it drops it.
    if (!database) await (db as unknown as { $client: { close: () => Promise<void> } }).$client.close();

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = serverEnv({
      APP_BASE_URL: baseUrl,
      AUTH_URL: baseUrl,
      HOSTING_PANEL: "whm",
      WHM_BASE_URL: standIn.baseUrl,
      WHM_TOKEN_BENCH: STAND_IN_WHM_TOKEN,
      DEMO_DATA: "off",
      ...(options.databaseUrl ? { DATABASE_URL: withDatabase(options.databaseUrl, "area_bench_http") } : { PGLITE_DATA_DIR: dataDir }),
    });
    log(`starting next start on ${baseUrl} with the WHM stand-in answering in ${PANEL_LATENCY_MS} ms...`);
    server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
    await waitUntilReady(`${baseUrl}/acceder`);
    const cookie = await signIn(baseUrl, DEMO_LOGINS.demo, DEMO_PASSWORD);

    const servicePaths = fixture.serviceIds.map((id) => `/productos/${id}`);
    const invoicePath = `/facturacion/facturas/${fixture.invoiceId}`;
    const callsBefore = standIn.requests.length;
    const serviceContent: number[] = [];
    const serviceComplete: number[] = [];
    const invoice: number[] = [];
    // Interleaved, so both pages see the same machine load.
    for (const [index, servicePath] of servicePaths.entries()) {
      const page = await timePage(`${baseUrl}${servicePath}`, cookie, SERVICE_CONTENT_MARK);
      const invoicePage = await timePage(`${baseUrl}${invoicePath}`, cookie);
      if (index < WARMUP) continue;
      serviceContent.push(page.markMs);
      serviceComplete.push(page.completeMs);
      invoice.push(invoicePage.completeMs);
    }
    const panelCalls = standIn.requests.length - callsBefore;
    if (panelCalls < servicePaths.length) {
      throw new Error(`the service pages asked the panel ${panelCalls} times for ${servicePaths.length} stale services: the timing would not include the panel`);
    }
    return {
      panelLatencyMs: PANEL_LATENCY_MS,
      runs: RUNS,
      serviceContentP50: percentile(serviceContent, 0.5),
      serviceCompleteP50: percentile(serviceComplete, 0.5),
      invoiceP50: percentile(invoice, 0.5),
      panelCalls,
      database: options.databaseUrl ? "PostgreSQL" : "PGlite",
    };
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await standIn.close();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Demo data, the servers pointed at the stand-in's token, and `count` active services with stale usage. */
async function prepareData(db: Database, count: number): Promise<{ serviceIds: number[]; usernames: string[]; invoiceId: number }> {
  await seedDemoData(db);
  await db.update(servers).set({ username: STAND_IN_WHM_USER, tokenEnv: "WHM_TOKEN_BENCH" });
  const [owner] = await db.select({ clientId: contacts.clientId }).from(contacts).where(eq(contacts.email, DEMO_LOGINS.demo));
  const [model] = await db.select().from(services).where(and(eq(services.clientId, owner!.clientId), eq(services.status, "active"))).limit(1);
  const [invoice] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.clientId, owner!.clientId)).limit(1);
  if (!model || !invoice) throw new Error("the demo client has no active service or no invoice");
  const usernames = Array.from({ length: count }, (_, index) => `bench${String(index).padStart(3, "0")}`);
  const copy: Partial<typeof model> = { ...model };
  delete copy.id;
  delete copy.createdAt;
  const rows = await db
    .insert(services)
    .values(usernames.map((username) => ({ ...(copy as Omit<typeof model, "id" | "createdAt">), username, domain: `${username}.example`, usageUpdatedAt: null })))
    .returning({ id: services.id });
  return { serviceIds: rows.map((row) => row.id), usernames, invoiceId: invoice.id };
}

/** Auth.js' credentials flow over plain HTTP: the CSRF cookie and token, then the callback that sets the session cookie. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  await response.arrayBuffer();
  const session = cookiesOf(response)
    .split("; ")
    .find((pair) => pair.includes("session-token="));
  if (!session) throw new Error(`signing in as ${email} over HTTP gave no session cookie (HTTP ${response.status})`);
  return session;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .join("; ");
}

/** Milliseconds until `mark` first appears in the HTML (or the end) and until the stream ends. */
async function timePage(url: string, cookie: string, mark?: string): Promise<{ markMs: number; completeMs: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  const decoder = new TextDecoder();
  let html = "";
  let markMs: number | undefined;
  for await (const chunk of response.body!) {
    html += decoder.decode(chunk, { stream: true });
    if (mark && markMs === undefined && html.includes(mark)) markMs = performance.now() - started;
  }
  const completeMs = performance.now() - started;
  if (mark && markMs === undefined) throw new Error(`GET ${url}: "${mark}" is not on the page`);
  return { markMs: markMs ?? completeMs, completeMs };
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === "DATABASE_URL" || key === "NODE_ENV" || key.startsWith("VITEST")) delete env[key];
  }
  return { ...env, AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  throw new Error(`next start did not answer ${url} within 120 s`);
}
