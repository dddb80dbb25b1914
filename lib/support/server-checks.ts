import net from "node:net";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { servers, serverChecks } from "@/db/schema";

export type TcpCheck = { reachable: boolean; latencyMs: number | null; error: string | null };

export const SERVER_CHECK_TIMEOUT_MS = 3000;
const SERVER_CHECK_CONCURRENCY = 4;

/**
 * Whether a TCP connection to host:port opens within the timeout. Never throws: a refusal, an
 * unknown host or silence become an unreachable result with a short error code.
 */
export function checkTcp(host: string, port: number, timeoutMs = SERVER_CHECK_TIMEOUT_MS): Promise<TcpCheck> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host, port });
    let settled = false;
    const finish = (result: TcpCheck) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ reachable: false, latencyMs: null, error: "timeout" }), timeoutMs);
    socket.once("connect", () => finish({ reachable: true, latencyMs: Math.max(0, Math.round(performance.now() - started)), error: null }));
    socket.once("error", (error: NodeJS.ErrnoException) => finish({ reachable: false, latencyMs: null, error: (error.code ?? "error").slice(0, 200) }));
  });
}

export type ServerCheckRun = { checked: number; reachable: number; unreachable: number };

/**
 * The cron's server check: a TCP connection to each active server's panel port (WHM: 2087), a few
 * at a time, each bounded by the timeout, so the run takes at most about
 * ceil(servers / concurrency) × timeout. One server_checks row per server. `serverIds` restricts the
 * run (tests point it at their own loopback servers).
 */
export async function runServerChecks(options: { db?: Executor; timeoutMs?: number; concurrency?: number; serverIds?: number[] } = {}): Promise<ServerCheckRun> {
  const db = options.db ?? (await getDb());
  const targets = await db
    .select({ id: servers.id, ipAddress: servers.ipAddress, hostname: servers.hostname, port: servers.port })
    .from(servers)
    .where(and(eq(servers.active, true), options.serverIds ? inArray(servers.id, options.serverIds.length ? options.serverIds : [-1]) : undefined))
    .orderBy(asc(servers.id));
  const results: { serverId: number; check: TcpCheck }[] = [];
  const queue = [...targets];
  const worker = async () => {
    for (let target = queue.shift(); target; target = queue.shift()) {
      const check = await checkTcp(target.ipAddress || target.hostname, target.port, options.timeoutMs ?? SERVER_CHECK_TIMEOUT_MS);
      results.push({ serverId: target.id, check });
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? SERVER_CHECK_CONCURRENCY, targets.length) }, worker));
  if (results.length > 0) {
    await db.insert(serverChecks).values(results.map(({ serverId, check }) => ({ serverId, reachable: check.reachable, latencyMs: check.latencyMs, error: check.error })));
  }
  const reachable = results.filter((result) => result.check.reachable).length;
  return { checked: results.length, reachable, unreachable: results.length - reachable };
}
