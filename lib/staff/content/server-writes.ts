import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { servers } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ContentActor, ContentContext } from "./content-actor";

export type ServerInput = {
  id: number | null;
  name: string;
  hostname: string;
  ipAddress: string;
  location: string | null;
  nameservers: string[];
  port: number;
  username: string;
  tokenEnv: string | null;
  clearTokenEnv: boolean;
  serverGroup: string;
  maxAccounts: number;
  active: boolean;
};

/**
 * A hosting server as the servers table holds it. Its panel credential is never shown back: the
 * form only sets or replaces the WHM_TOKEN_* variable it is read from (blank keeps the one set,
 * "clear" removes it), and the audit says that it changed, not what to.
 */
export async function saveServer(staff: ContentActor, input: ServerInput, context: ContentContext): Promise<ActionResult<{ id: number }>> {
  const { id, tokenEnv, clearTokenEnv, ...fields } = input;
  const credential = clearTokenEnv ? { tokenEnv: null } : tokenEnv ? { tokenEnv } : {};
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult<{ id: number }>> => {
    const [row] = id
      ? await tx
          .update(servers)
          .set({ ...fields, ...credential })
          .where(eq(servers.id, id))
          .returning({ id: servers.id })
      : await tx
          .insert(servers)
          .values({ ...fields, tokenEnv: clearTokenEnv ? null : tokenEnv })
          .returning({ id: servers.id });
    if (!row) return { ok: false, error: "adminContent.errors.serverNotFound" };
    await recordAudit(tx, {
      clientId: null,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.server_saved",
      details: { serverId: row.id, name: fields.name, hostname: fields.hostname, active: fields.active, credentialChanged: "tokenEnv" in credential || (!id && tokenEnv !== null), created: !id },
      ip: context.ip,
    });
    return { ok: true, message: "adminContent.servers.saved", data: { id: row.id } };
  });
}
