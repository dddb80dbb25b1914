import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { servers, services, type ServiceStatus } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import type { PanelServer } from "@/lib/hosting/hosting-panel";
import { toPanelServer } from "@/lib/hosting/panel-servers";

/** A service of the client as the panel knows it: its account and the server holding it. */
export type PanelTarget = {
  serviceId: number;
  clientId: number;
  domain: string;
  status: ServiceStatus;
  /** null when the service has no panel account (not provisioned, or a manual product). */
  account: { username: string; server: PanelServer } | null;
  diskLimitMb: number | null;
};

/** The client's service with its panel server, or null when it is not theirs (the caller answers "not found"). */
export async function loadPanelTarget(executor: Executor, scope: ClientScope, serviceId: number): Promise<PanelTarget | null> {
  const [row] = await executor
    .select({
      id: services.id,
      clientId: services.clientId,
      domain: services.domain,
      status: services.status,
      username: services.username,
      diskLimitMb: services.diskLimitMb,
      serverId: servers.id,
      hostname: servers.hostname,
      port: servers.port,
      serverUser: servers.username,
      tokenEnv: servers.tokenEnv,
      nameservers: servers.nameservers,
    })
    .from(services)
    .leftJoin(servers, eq(servers.id, services.serverId))
    .where(and(eq(services.id, serviceId), eq(services.clientId, scope.clientId)))
    .limit(1);
  if (!row) return null;
  const account =
    row.username && row.serverId !== null && row.hostname !== null
      ? {
          username: row.username,
          server: toPanelServer({
            id: row.serverId,
            hostname: row.hostname,
            port: row.port ?? 2087,
            username: row.serverUser ?? "root",
            tokenEnv: row.tokenEnv,
            nameservers: row.nameservers ?? [],
          }),
        }
      : null;
  return { serviceId: row.id, clientId: row.clientId, domain: row.domain, status: row.status, account, diskLimitMb: row.diskLimitMb };
}
