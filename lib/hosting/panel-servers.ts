import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { products, servers, services } from "@/db/schema";
import { whmToken } from "@/lib/env";
import type { PanelServer } from "./hosting-panel";

type ServerRow = typeof servers.$inferSelect;

/** Services whose account is gone from the panel no longer take a place on their server. */
const FREED_STATUSES = ["terminated", "cancelled"] as const;

/** A server row as the panel adapters need it, with its API token read from the variable it names. */
export function toPanelServer(row: Pick<ServerRow, "id" | "hostname" | "port" | "username" | "tokenEnv" | "nameservers">): PanelServer {
  return {
    id: row.id,
    hostname: row.hostname,
    port: row.port,
    username: row.username,
    token: whmToken(row.tokenEnv),
    nameservers: row.nameservers,
  };
}

/**
 * The least full active server of a group, in one statement: accounts on each server (its services
 * that are not terminated or cancelled) against its maxAccounts, the lowest share first, then the
 * fewest accounts, then the oldest server. Null when the group has no active server with room.
 * Two concurrent orders may both pick a server's last place; the panel, not this count, is the hard
 * limit (WHM refuses an account over a reseller's limit).
 */
export function chooseServerForGroup(executor: Executor, serverGroup: string): Promise<(ServerRow & { accounts: number }) | null> {
  return leastFullServer(executor, eq(servers.serverGroup, serverGroup));
}

/** The same for a product: its serverGroup ("default" when it names none), still one statement. */
export function chooseServerForProduct(executor: Executor, productId: number): Promise<(ServerRow & { accounts: number }) | null> {
  return leastFullServer(
    executor,
    sql`${servers.serverGroup} = (select coalesce(${products.serverGroup}, 'default') from ${products} where ${products.id} = ${productId})`,
  );
}

async function leastFullServer(executor: Executor, inGroup: SQL): Promise<(ServerRow & { accounts: number }) | null> {
  const accounts = sql<number>`count(${services.id})::int`;
  const [row] = await executor
    .select({ server: servers, accounts })
    .from(servers)
    .leftJoin(services, and(eq(services.serverId, servers.id), sql`${services.status} not in (${sql.join(FREED_STATUSES.map((status) => sql`${status}`), sql`, `)})`))
    .where(and(eq(servers.active, true), inGroup))
    .groupBy(servers.id)
    .having(sql`count(${services.id}) < ${servers.maxAccounts}`)
    .orderBy(sql`count(${services.id})::float8 / greatest(${servers.maxAccounts}, 1)`, asc(accounts), asc(servers.id))
    .limit(1);
  return row ? { ...row.server, accounts: row.accounts } : null;
}

/** A server by id as a PanelServer (inactive servers too: their existing accounts still need managing). */
export async function loadPanelServer(executor: Executor, serverId: number): Promise<PanelServer | null> {
  const [row] = await executor.select().from(servers).where(eq(servers.id, serverId)).limit(1);
  return row ? toPanelServer(row) : null;
}

/** Several servers at once (e.g. a page of services), keyed by id. */
export async function loadPanelServers(executor: Executor, serverIds: readonly number[]): Promise<Map<number, PanelServer>> {
  const ids = [...new Set(serverIds)];
  if (ids.length === 0) return new Map();
  const rows = await executor.select().from(servers).where(inArray(servers.id, ids));
  return new Map(rows.map((row) => [row.id, toPanelServer(row)]));
}
