import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import "../../helpers/provided-context";

// Builds the app, starts `next start` on an embedded database of its own (the app migrates it and
// loads the demo data on the first request) and hands the URL and the server log to the tests.
// Knobs (test infrastructure only, not app configuration): E2E_PORT, E2E_SKIP_BUILD=1, E2E_KEEP_DATA=1.

const ROOT = process.cwd();
const ARTIFACTS = path.join(ROOT, "tests", "e2e", "artifacts");
const SERVER_LOG = path.join(ARTIFACTS, "server.log");
const BUILD_LOG = path.join(ARTIFACTS, "build.log");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const READY_TIMEOUT_MS = 90_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const baseUrl = `http://localhost:${port}`;
  const dataDir = path.join(ROOT, ".data", `e2e-${Date.now()}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  if (await portIsTaken(port)) {
    throw new Error(`Port ${port} is already in use: stop what runs there or set E2E_PORT.`);
  }

  const env = serverEnv(baseUrl, dataDir);
  if (process.env.E2E_SKIP_BUILD !== "1") await build(env);

  const logFd = fs.openSync(SERVER_LOG, "w");
  // Its own process group, so teardown can stop next-server and anything it forked.
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", logFd, logFd],
    detached: true,
  });
  fs.closeSync(logFd);
  const stopOnExit = () => killGroup(server, "SIGKILL");
  process.once("exit", stopOnExit);

  const teardown = async () => {
    process.off("exit", stopOnExit);
    await stop(server);
    if (process.env.E2E_KEEP_DATA !== "1") {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}.lock`, { force: true });
    }
  };

  try {
    await waitUntilReady(server, `${baseUrl}/acceder`);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide("e2eBaseUrl", baseUrl);
  project.provide("e2eServerLogPath", SERVER_LOG);
  process.env.E2E_BASE_URL = baseUrl;
  return teardown;
}

function serverEnv(baseUrl: string, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The app must run on its own embedded database; vitest's NODE_ENV=test must not reach `next`.
  for (const key of Object.keys(env)) {
    if (key === "DATABASE_URL" || key === "NODE_ENV" || key.startsWith("VITEST")) delete env[key];
  }
  return {
    ...env,
    PGLITE_DATA_DIR: dataDir,
    DEMO_DATA: "on",
    APP_BASE_URL: baseUrl,
    AUTH_URL: baseUrl,
    AUTH_SECRET: "e2e-secret-not-for-production-4f1c9a7e2b8d6053",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const started = Date.now();
  const logFd = fs.openSync(BUILD_LOG, "w");
  const child = spawn(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env, stdio: ["ignore", logFd, logFd] });
  fs.closeSync(logFd);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}); ${BUILD_LOG} ends with:\n${tail(BUILD_LOG, 60)}`);
  }
  console.log(`[e2e] next build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function waitUntilReady(server: ChildProcess, url: string): Promise<void> {
  const started = Date.now();
  let exited: number | null | undefined;
  server.once("exit", (code) => (exited = code));
  let lastProblem = "no answer yet";
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exited !== undefined) {
      throw new Error(`next start exited with code ${exited}; ${SERVER_LOG} ends with:\n${tail(SERVER_LOG, 40)}`);
    }
    try {
      // The first request opens, migrates and seeds the database: it may take a while.
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      console.log(`[e2e] server ready in ${((Date.now() - started) / 1000).toFixed(1)} s (GET /acceder: ${response.status})`);
      return;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Server did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s (${lastProblem}); log:\n${tail(SERVER_LOG, 40)}`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  killGroup(server, "SIGTERM");
  const timer = setTimeout(() => killGroup(server, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function killGroup(server: ChildProcess, signal: NodeJS.Signals): void {
  if (!server.pid) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    // Already gone.
  }
}

function portIsTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
