import { isIP } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { domainPrivateNameservers } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { getProvider } from "@/lib/providers";
import { isHostName } from "@/lib/registrar/registrar-checks";
import type { PrivateNameserver } from "@/lib/registrar/registrar";
import { rowIdField } from "@/lib/row-id";
import { CHECK_FIELDS, findManageableDomain, registrarRefusal, text, type ManageResult } from "./manageable-domain";

export type StoredPrivateNameserver = PrivateNameserver & { id: number };

const MAX_ADDRESSES = 13;

export const privateNameserverSchema = z.object({
  domainId: rowIdField(),
  host: z.string().optional(),
  ipv4: z.string().max(1000, { message: "account.errors.tooLong" }).optional(),
  ipv6: z.string().max(2000, { message: "account.errors.tooLong" }).optional(),
});
export type PrivateNameserverInput = z.infer<typeof privateNameserverSchema>;

export const deletePrivateNameserverSchema = z.object({ domainId: rowIdField(), host: z.string().max(253).optional() });
export type DeletePrivateNameserverInput = z.infer<typeof deletePrivateNameserverSchema>;

function addresses(value: string | undefined): string[] {
  return [...new Set(text(value).split(/[\s,;]+/).filter(Boolean))];
}

/** "ns1" or "ns1.example.com" -> ns1.example.com under the domain; lower case, no final dot. */
export function privateHost(value: string | undefined, domainName: string): string {
  const host = text(value).toLowerCase().replace(/\.$/, "");
  return host !== "" && !host.includes(".") ? `${host}.${domainName}` : host;
}

/** Host and addresses as the registries want them, every bad field named in one answer. */
export function checkPrivateNameserverInput(
  input: PrivateNameserverInput,
  domainName: string,
): { ok: true; nameserver: PrivateNameserver } | { ok: false; fieldErrors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const host = privateHost(input.host, domainName);
  if (host === "") errors.host = "errors.required";
  else if (!isHostName(host)) errors.host = "domainManage.errors.hostName";
  else if (!host.endsWith(`.${domainName}`)) errors.host = "domainManage.errors.privateHostOutside";
  const ipv4 = addresses(input.ipv4);
  const ipv6 = addresses(input.ipv6).map((ip) => ip.toLowerCase());
  if (ipv4.length > MAX_ADDRESSES || ipv4.some((ip) => isIP(ip) !== 4)) errors.ipv4 = "domainManage.errors.ipv4";
  if (ipv6.length > MAX_ADDRESSES || ipv6.some((ip) => isIP(ip) !== 6)) errors.ipv6 = "domainManage.errors.ipv6";
  if (!errors.ipv4 && !errors.ipv6 && ipv4.length + ipv6.length === 0) errors.ipv4 = "domainManage.errors.addressRequired";
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, nameserver: { host, ipv4, ipv6 } };
}

/** The glue records the registrar accepted through us, by host name; one query. */
export async function listPrivateNameservers(scope: ClientScope, domainId: number): Promise<StoredPrivateNameserver[]> {
  const db = await getDb();
  return db
    .select({ id: domainPrivateNameservers.id, host: domainPrivateNameservers.host, ipv4: domainPrivateNameservers.ipv4, ipv6: domainPrivateNameservers.ipv6 })
    .from(domainPrivateNameservers)
    .where(and(eq(domainPrivateNameservers.domainId, domainId), eq(domainPrivateNameservers.clientId, scope.clientId)))
    .orderBy(asc(domainPrivateNameservers.host));
}

async function findStored(scope: ClientScope, domainId: number, host: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: domainPrivateNameservers.id })
    .from(domainPrivateNameservers)
    .where(and(eq(domainPrivateNameservers.domainId, domainId), eq(domainPrivateNameservers.clientId, scope.clientId), eq(domainPrivateNameservers.host, host)));
  return row ?? null;
}

function audit(db: Executor, user: SessionUser, domain: { id: number; name: string }, details: Record<string, unknown>, ip: string | null) {
  return recordAudit(db, { clientId: user.clientId, contactId: user.contactId, action: "domain.private_nameserver_changed", details: { domainId: domain.id, domain: domain.name, ...details }, ip });
}

/**
 * The registrar is asked first and our row follows only once it has accepted, so the page never
 * lists glue the registry does not have. Null when the registrar accepted.
 */
async function atRegistrarFirst(call: () => Promise<unknown>): Promise<{ ok: false; error: string } | null> {
  try {
    await call();
    return null;
  } catch (error) {
    return registrarRefusal(error);
  }
}

/**
 * Registering a new host and modifying one registered through us share every step but two: which
 * registrar command runs, and whether the host must be new or already ours.
 */
async function saveGlue(user: SessionUser, input: PrivateNameserverInput, change: "registered" | "modified", ip: string | null): Promise<ManageResult<{ host: string }>> {
  const db = await getDb();
  const found = await findManageableDomain(db, user.scope, input.domainId);
  if (!found.ok) return found;
  const checked = checkPrivateNameserverInput(input, found.domain.name);
  if (!checked.ok) return { ok: false, error: CHECK_FIELDS, fieldErrors: checked.fieldErrors };
  const { nameserver } = checked;
  const stored = await findStored(user.scope, found.domain.id, nameserver.host);
  if (change === "registered" && stored) return { ok: false, error: CHECK_FIELDS, fieldErrors: { host: "domainManage.errors.privateHostExists" } };
  if (change === "modified" && !stored) return { ok: false, error: CHECK_FIELDS, fieldErrors: { host: "domainManage.errors.notFound" } };
  const registrar = getProvider("registrar");
  const refused = await atRegistrarFirst(() =>
    change === "registered" ? registrar.registerPrivateNameserver(found.domain.name, nameserver) : registrar.modifyPrivateNameserver(found.domain.name, nameserver),
  );
  if (refused) return refused;
  // An upsert on (domain, host); the domain is this client's (findManageableDomain), and the update
  // says so again, as every write of a client's row does.
  await db
    .insert(domainPrivateNameservers)
    .values({ domainId: found.domain.id, clientId: user.clientId, host: nameserver.host, ipv4: nameserver.ipv4, ipv6: nameserver.ipv6 })
    .onConflictDoUpdate({
      target: [domainPrivateNameservers.domainId, domainPrivateNameservers.host],
      set: { ipv4: nameserver.ipv4, ipv6: nameserver.ipv6, updatedAt: new Date() },
      where: eq(domainPrivateNameservers.clientId, user.clientId),
    });
  await audit(db, user, found.domain, { change, ...nameserver }, ip);
  return { ok: true, data: { host: nameserver.host } };
}

/** "Registrar un servidor de nombres" (walkthrough §5.2.6). */
export function registerPrivateNameserver(user: SessionUser, input: PrivateNameserverInput, ip: string | null = null): Promise<ManageResult<{ host: string }>> {
  return saveGlue(user, input, "registered", ip);
}

/** "Modificar un servidor de nombres": new addresses for one registered through us. */
export function modifyPrivateNameserver(user: SessionUser, input: PrivateNameserverInput, ip: string | null = null): Promise<ManageResult<{ host: string }>> {
  return saveGlue(user, input, "modified", ip);
}

/** "Eliminar un servidor de nombres". */
export async function deletePrivateNameserver(user: SessionUser, input: DeletePrivateNameserverInput, ip: string | null = null): Promise<ManageResult<{ host: string }>> {
  const db = await getDb();
  const found = await findManageableDomain(db, user.scope, input.domainId);
  if (!found.ok) return found;
  const host = privateHost(input.host, found.domain.name);
  const stored = host ? await findStored(user.scope, found.domain.id, host) : null;
  if (!stored) return { ok: false, error: "domainManage.errors.notFound" };
  const refused = await atRegistrarFirst(() => getProvider("registrar").deletePrivateNameserver(found.domain.name, host));
  if (refused) return refused;
  await db
    .delete(domainPrivateNameservers)
    .where(and(eq(domainPrivateNameservers.id, stored.id), eq(domainPrivateNameservers.clientId, user.clientId)));
  await audit(db, user, found.domain, { change: "deleted", host }, ip);
  return { ok: true, data: { host } };
}
