import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { servers, services } from "@/db/schema";
import type { PanelServer } from "@/lib/hosting/hosting-panel";

// STAND-IN until lib/hosting/panel-servers.ts (written in parallel by the hosting-panel work) is
// joined: provisioning and the cron need only these two functions, so replacing their bodies (or
// re-exporting that file's equivalents from here) is the whole join. The token stays null here: that
// file resolves `servers.token_env` through lib/env, the only reader of the environment.

type ServerRow = typeof servers.$inferSelect;

function toPanelServer(row: ServerRow): PanelServer {
  return { id: row.id, hostname: row.hostname, port: row.port, username: row.username, token: null, nameservers: row.nameservers };
}

/** Accounts a server holds (what "least full" counts): every service placed on it that is not gone. */
const LIVE_STATUSES = ["pending", "active", "suspended"] as const;

/** The least full active server of the group with room left, or null (provisioning then fails and is retried). */
export async function pickServerForGroup(executor: Executor, serverGroup: string): Promise<PanelServer | null> {
  const accounts = sql<number>`(select count(*) from ${services} where ${services.serverId} = ${servers.id} and ${inArray(services.status, [...LIVE_STATUSES])})`;
  const [row] = await executor
    .select()
    .from(servers)
    .where(and(eq(servers.serverGroup, serverGroup), eq(servers.active, true), sql`${accounts} < ${servers.maxAccounts}`))
    .orderBy(asc(accounts), asc(servers.id))
    .limit(1);
  return row ? toPanelServer(row) : null;
}

/** The server an existing account lives on (active or not: suspending or terminating must still reach it). */
export async function panelServerById(executor: Executor, serverId: number): Promise<PanelServer | null> {
  const [row] = await executor.select().from(servers).where(eq(servers.id, serverId)).limit(1);
  return row ? toPanelServer(row) : null;
}
