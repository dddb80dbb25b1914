import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { networkIssues, networkIssueServers, networkIssueUpdates, servers, serverChecks, services } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import type { DashboardPart } from "@/lib/dashboard/dashboard-part";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";

// "Estado de los servidores" (walkthrough §7.5): the company's servers with the cron's last check,
// and the incidents and planned maintenance. Beyond WHMCS: what touches the signed-in client's own
// services is marked, on this page and on the dashboard.

export type NetworkIssueStatus = "reported" | "investigating" | "in_progress" | "outage" | "scheduled" | "resolved";

export type ServerStatusRow = {
  id: number;
  name: string;
  hostname: string;
  location: string | null;
  lastCheck: { reachable: boolean; latencyMs: number | null; checkedAt: Date } | null;
  /** The viewer's services on this server (their domains); empty when signed out. */
  myServices: string[];
};

export type IncidentRow = {
  id: number;
  title: string;
  type: string;
  priority: string;
  status: NetworkIssueStatus;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  updatedAt: Date;
  servers: string[];
  /** The viewer's services on the affected servers (their domains); empty when signed out. */
  myServices: string[];
};

export type IncidentUpdate = { id: number; status: NetworkIssueStatus; message: string; createdAt: Date };
export type IncidentWithUpdates = IncidentRow & { updates: IncidentUpdate[] };

const MAX_OPEN_INCIDENTS = 50;

/** The ids of the servers an incident touches: its rows in network_issue_servers and its own server_id. */
export function issueServerIds(issueId: SQL | typeof networkIssues.id): SQL {
  return sql`(select ${networkIssueServers.serverId} from ${networkIssueServers} where ${networkIssueServers.issueId} = ${issueId}
    union select ni.server_id from network_issues ni where ni.id = ${issueId} and ni.server_id is not null)`;
}

/** The domains of the client's live services on those servers; the client id is in the WHERE. */
function myServicesOn(serverIds: SQL, clientId: number | null): SQL<string[]> {
  if (clientId === null) return sql<string[]>`'{}'::text[]`;
  return sql<string[]>`array(select sv.domain from services sv where sv.client_id = ${clientId}
    and sv.status in ('active', 'suspended') and sv.server_id in ${serverIds} order by sv.domain)`;
}

/** Active servers with their latest check; one statement whatever the number of checks. */
export async function listServerStatus(viewer: ClientScope | null, db?: Executor): Promise<ServerStatusRow[]> {
  const handle = db ?? (await getDb());
  const latest = (column: SQL) => sql`(select ${column} from ${serverChecks} sc where sc.server_id = ${servers.id} order by sc.checked_at desc, sc.id desc limit 1)`;
  const rows = await handle
    .select({
      id: servers.id,
      name: servers.name,
      hostname: servers.hostname,
      location: servers.location,
      reachable: sql<boolean | null>`${latest(sql.raw("sc.reachable"))}`,
      latencyMs: sql<number | null>`${latest(sql.raw("sc.latency_ms"))}`,
      checkedAt: sql<string | null>`${latest(sql.raw("sc.checked_at"))}`,
      myServices: myServicesOn(sql`(${servers.id})`, viewer?.clientId ?? null),
    })
    .from(servers)
    .where(eq(servers.active, true))
    .orderBy(asc(servers.name), asc(servers.id));
  return rows.map(({ reachable, latencyMs, checkedAt, ...row }) => ({
    ...row,
    myServices: row.myServices ?? [],
    lastCheck: checkedAt === null || reachable === null ? null : { reachable, latencyMs: latencyMs === null ? null : Number(latencyMs), checkedAt: new Date(checkedAt) },
  }));
}

function incidentColumns(viewer: ClientScope | null) {
  return {
    id: networkIssues.id,
    title: networkIssues.title,
    type: networkIssues.type,
    priority: networkIssues.priority,
    status: sql<NetworkIssueStatus>`${networkIssues.status}`,
    description: networkIssues.description,
    startsAt: networkIssues.startsAt,
    endsAt: networkIssues.endsAt,
    updatedAt: networkIssues.updatedAt,
    servers: sql<string[]>`array(select s.name from servers s where s.id in ${issueServerIds(networkIssues.id)} order by s.name)`,
    myServices: myServicesOn(issueServerIds(networkIssues.id), viewer?.clientId ?? null),
  };
}

const RESOLVED_NEWEST_FIRST: KeysetOrder = { key: networkIssues.startsAt, id: networkIssues.id, type: "timestamp", order: "desc" };

/**
 * The incidents page: every incident or maintenance not yet resolved (soonest first), and a page of
 * resolved ones (newest first, keyset-paginated), each with its updates. Three statements.
 */
export async function listIncidents(
  viewer: ClientScope | null,
  options: { cursor?: string | null; limit?: number; db?: Executor } = {},
): Promise<{ open: IncidentWithUpdates[]; resolved: Page<IncidentWithUpdates> }> {
  const handle = options.db ?? (await getDb());
  const keyset = keysetPage(RESOLVED_NEWEST_FIRST, options.cursor, pageSize(options.limit, 10));
  const [open, resolvedRows] = await Promise.all([
    handle
      .select(incidentColumns(viewer))
      .from(networkIssues)
      .where(ne(networkIssues.status, "resolved"))
      .orderBy(asc(networkIssues.startsAt), asc(networkIssues.id))
      .limit(MAX_OPEN_INCIDENTS),
    handle
      .select({ ...incidentColumns(viewer), cursorKey: cursorKey(RESOLVED_NEWEST_FIRST) })
      .from(networkIssues)
      .where(and(eq(networkIssues.status, "resolved"), keyset.where))
      .orderBy(...keyset.orderBy)
      .limit(keyset.fetchLimit),
  ]);
  const resolved = keyset.toPage(resolvedRows);
  const issueIds = [...open, ...resolved.rows].map((issue) => issue.id);
  const updates =
    issueIds.length === 0
      ? []
      : await handle
          .select({ id: networkIssueUpdates.id, issueId: networkIssueUpdates.issueId, status: networkIssueUpdates.status, message: networkIssueUpdates.message, createdAt: networkIssueUpdates.createdAt })
          .from(networkIssueUpdates)
          .where(inArray(networkIssueUpdates.issueId, issueIds))
          .orderBy(desc(networkIssueUpdates.createdAt), desc(networkIssueUpdates.id));
  const withUpdates = (issue: IncidentRow): IncidentWithUpdates => ({
    ...issue,
    servers: issue.servers ?? [],
    myServices: issue.myServices ?? [],
    updates: updates
      .filter((update) => update.issueId === issue.id)
      .map((update) => ({ id: update.id, status: update.status as NetworkIssueStatus, message: update.message, createdAt: update.createdAt })),
  });
  return { open: open.map(withUpdates), resolved: { ...resolved, rows: resolved.rows.map(withUpdates) } };
}

export type DashboardIncident = { id: number; title: string; status: NetworkIssueStatus; startsAt: Date; endsAt: Date | null; myServices: string[] };
export const DASHBOARD_INCIDENTS = 5;

/** "Incidencias en sus servicios": incidents and maintenance not yet resolved on the client's servers; one statement. */
export const serverIncidentsPart: DashboardPart<DashboardIncident[], "products"> = {
  permission: "products",
  async load({ db, clientId }) {
    // From the client's services to the incidents on their servers, so the statement's WHERE starts with the client id.
    const rows = await db
      .select({
        id: networkIssues.id,
        title: networkIssues.title,
        status: sql<NetworkIssueStatus>`${networkIssues.status}`,
        startsAt: networkIssues.startsAt,
        endsAt: networkIssues.endsAt,
        myServices: sql<string[]>`array_agg(distinct ${services.domain} order by ${services.domain})`,
      })
      .from(services)
      .innerJoin(networkIssues, sql`${services.serverId} in ${issueServerIds(networkIssues.id)}`)
      .where(and(eq(services.clientId, clientId), inArray(services.status, ["active", "suspended"]), ne(networkIssues.status, "resolved")))
      .groupBy(networkIssues.id)
      .orderBy(asc(networkIssues.startsAt), asc(networkIssues.id))
      .limit(DASHBOARD_INCIDENTS);
    return rows.map((row) => ({ ...row, myServices: row.myServices ?? [] }));
  },
};
