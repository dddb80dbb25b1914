import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { dnsRecords, domains, emailForwards, isFinishedDomainStatus } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { getClientDomain, type ClientDomain } from "@/lib/domains/client-domain";
import { isDnsError } from "@/lib/dns/dns-provider";
import { env } from "@/lib/env";
import { rowIdField } from "@/lib/row-id";
import { publishZone } from "./publish-zone";
import { enableDnsManagement, type DnsActionResult } from "./save-zone";
import { desiredZoneRecords, loadEditorRecords } from "./zone-state";

// "Redirección de correo electrónico" (walkthrough §5.2.8): alias@domain -> another address. The
// forwards are stored here (the forwarding service reads them); while a domain has any, its zone
// carries the forwarding service's MX records, set through the DNS provider before the row is saved.

export function forwardsLimit(): number {
  return env.EMAIL_FORWARDS_PER_DOMAIN;
}

export type EmailForwardRow = { id: number; localPart: string; destination: string };

export async function listEmailForwards(scope: ClientScope, domainId: number, options: { db?: Executor } = {}): Promise<EmailForwardRow[]> {
  const db = options.db ?? (await getDb());
  return db
    .select({ id: emailForwards.id, localPart: emailForwards.localPart, destination: emailForwards.destination })
    .from(emailForwards)
    .where(and(eq(emailForwards.domainId, domainId), eq(emailForwards.clientId, scope.clientId)))
    .orderBy(asc(emailForwards.localPart));
}

export const addForwardSchema = z.object({
  domainId: rowIdField(),
  localPart: z
    .string({ message: "dns.errors.required" })
    .trim()
    .toLowerCase()
    .min(1, { message: "dns.errors.required" })
    .max(64, { message: "dns.errors.aliasInvalid" })
    .regex(/^(\*|[a-z0-9_+-]+(\.[a-z0-9_+-]+)*)$/, { message: "dns.errors.aliasInvalid" }),
  destination: z.string({ message: "dns.errors.required" }).trim().toLowerCase().min(1, { message: "dns.errors.required" }).max(254, { message: "dns.errors.destinationInvalid" }).pipe(z.email({ message: "dns.errors.destinationInvalid" })),
});
export type AddForwardInput = z.infer<typeof addForwardSchema>;

export const deleteForwardSchema = z.object({ domainId: rowIdField(), forwardId: rowIdField() });

async function applyForwardingMx(db: Executor, scope: ClientScope, domain: ClientDomain, forwarding: boolean): Promise<DnsActionResult | null> {
  const records = await loadEditorRecords(db, scope, domain.id);
  try {
    await publishZone(db, domain.name, desiredZoneRecords(domain.name, records, { forwarding }));
    return null;
  } catch (error) {
    if (isDnsError(error)) return { ok: false, error: error.messageKey };
    throw error;
  }
}

async function hasApexMx(db: Executor, scope: ClientScope, domainId: number): Promise<boolean> {
  const rows = await db
    .select({ id: dnsRecords.id })
    .from(dnsRecords)
    .where(and(eq(dnsRecords.domainId, domainId), eq(dnsRecords.clientId, scope.clientId), eq(dnsRecords.type, "MX"), eq(dnsRecords.host, "@")))
    .limit(1);
  return rows.length > 0;
}

/** Adds alias@domain -> destination; the first forward turns forwarding on (and DNS management, which it needs). */
export async function addEmailForward(user: SessionUser, input: AddForwardInput, ip: string | null = null): Promise<DnsActionResult> {
  const db = await getDb();
  let domain = await getClientDomain(user.scope, input.domainId, { db });
  if (!domain) return { ok: false, error: "dns.errors.notFound" };
  if (isFinishedDomainStatus(domain.status)) return { ok: false, error: "domainManage.errors.notManageable" };
  const destinationDomain = input.destination.split("@")[1];
  if (destinationDomain === domain.name) return { ok: false, error: "errors.checkFields", fieldErrors: { destination: "dns.errors.destinationLoop" } };
  const existing = await listEmailForwards(user.scope, domain.id, { db });
  if (existing.some((forward) => forward.localPart === input.localPart)) return { ok: false, error: "errors.checkFields", fieldErrors: { localPart: "dns.errors.aliasExists" } };
  if (existing.length >= forwardsLimit()) return { ok: false, error: "dns.errors.forwardsLimit" };
  if (existing.length === 0 && (await hasApexMx(db, user.scope, domain.id))) return { ok: false, error: "dns.errors.forwardingMxConflict" };

  if (!domain.dnsManagement) {
    const enabled = await enableDnsManagement(user, { domainId: domain.id }, ip);
    if (!enabled.ok) return enabled;
    domain = { ...domain, dnsManagement: true };
  }
  if (existing.length === 0) {
    const failed = await applyForwardingMx(db, user.scope, domain, true);
    if (failed) return failed;
  }
  const saved = await db.transaction(async (tx) => {
    // The domain row's lock makes the limit hold for two adds at once.
    await tx.execute(sql`select id from ${domains} where ${domains.id} = ${domain.id} for update`);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(emailForwards)
      .where(eq(emailForwards.domainId, domain.id));
    if (n >= forwardsLimit()) return "limit" as const;
    const inserted = await tx
      .insert(emailForwards)
      .values({ clientId: user.scope.clientId, domainId: domain.id, localPart: input.localPart, destination: input.destination })
      .onConflictDoNothing()
      .returning({ id: emailForwards.id });
    if (inserted.length === 0) return "exists" as const;
    await tx
      .update(domains)
      .set({ emailForwarding: true })
      .where(and(eq(domains.id, domain.id), eq(domains.clientId, user.scope.clientId)));
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "dns.forward_added", details: { alias: `${input.localPart}@${domain.name}`, destination: input.destination }, ip });
    return "saved" as const;
  });
  if (saved === "limit") return { ok: false, error: "dns.errors.forwardsLimit" };
  if (saved === "exists") return { ok: false, error: "errors.checkFields", fieldErrors: { localPart: "dns.errors.aliasExists" } };
  return { ok: true };
}

/** Removes one forward; the last one takes the forwarding MX records out of the zone first. */
export async function deleteEmailForward(user: SessionUser, input: { domainId: number; forwardId: number }, ip: string | null = null): Promise<DnsActionResult> {
  const db = await getDb();
  const domain = await getClientDomain(user.scope, input.domainId, { db });
  if (!domain) return { ok: false, error: "dns.errors.notFound" };
  if (isFinishedDomainStatus(domain.status)) return { ok: false, error: "domainManage.errors.notManageable" };
  const existing = await listEmailForwards(user.scope, domain.id, { db });
  if (!existing.some((forward) => forward.id === input.forwardId)) return { ok: false, error: "dns.errors.forwardNotFound" };
  if (existing.length === 1 && domain.dnsManagement) {
    const failed = await applyForwardingMx(db, user.scope, domain, false);
    if (failed) return failed;
  }
  const removed = existing.find((forward) => forward.id === input.forwardId)!;
  await db.transaction(async (tx) => {
    await tx
      .delete(emailForwards)
      .where(and(eq(emailForwards.id, input.forwardId), eq(emailForwards.domainId, domain.id), eq(emailForwards.clientId, user.scope.clientId)));
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "dns.forward_deleted", details: { alias: `${removed.localPart}@${domain.name}` }, ip });
  });
  return { ok: true };
}
