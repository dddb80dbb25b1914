import { and, asc, count, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { dnsRecords, dnsRedirects, emailForwards } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import type { DnsRecord } from "@/lib/dns/dns-provider";
import { forwardingMxRecords, zoneRecordsFor, type EditorRecord, type ZoneAddresses } from "@/lib/dns/records";
import { env } from "@/lib/env";

/** What "Gestión de DNS" shows and saves: the rows of dns_records and dns_redirects, in the order entered. */
export async function loadEditorRecords(db: Executor, scope: ClientScope, domainId: number): Promise<EditorRecord[]> {
  const [records, redirects] = await Promise.all([
    db
      .select()
      .from(dnsRecords)
      .where(and(eq(dnsRecords.domainId, domainId), eq(dnsRecords.clientId, scope.clientId)))
      .orderBy(asc(dnsRecords.id)),
    db
      .select()
      .from(dnsRedirects)
      .where(and(eq(dnsRedirects.domainId, domainId), eq(dnsRedirects.clientId, scope.clientId)))
      .orderBy(asc(dnsRedirects.id)),
  ]);
  return [
    ...records.map(
      (row): EditorRecord => ({
        host: row.host,
        type: row.type as EditorRecord["type"],
        value: row.content,
        ttl: row.ttl,
        priority: row.priority,
        weight: row.weight,
        port: row.port,
        flags: row.flags,
        tag: row.tag as EditorRecord["tag"],
      }),
    ),
    ...redirects.map(
      (row): EditorRecord => ({
        host: row.host,
        type: row.kind === "frame" ? "FRAME" : "URL",
        value: row.target,
        ttl: 3600,
        priority: null,
        weight: null,
        port: null,
        flags: null,
        tag: null,
      }),
    ),
  ];
}

export async function countForwards(db: Executor, scope: ClientScope, domainId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(emailForwards)
    .where(and(eq(emailForwards.domainId, domainId), eq(emailForwards.clientId, scope.clientId)));
  return row?.n ?? 0;
}

export function zoneAddresses(): ZoneAddresses {
  return { redirectIpv4: env.REDIRECT_SERVER_IPV4, redirectIpv6: env.REDIRECT_SERVER_IPV6 ?? null };
}

/**
 * Everything the zone should hold for these editor rows: their records, the portal's address for each
 * URL Redirect / URL Frame host, and while the domain has email forwards the forwarding service's MX.
 */
export function desiredZoneRecords(domain: string, records: EditorRecord[], options: { forwarding: boolean }): DnsRecord[] {
  const addresses = zoneAddresses();
  const zone = records.flatMap((record) => zoneRecordsFor(record, domain, addresses));
  if (options.forwarding) zone.push(...forwardingMxRecords(env.EMAIL_FORWARDING_MX, domain));
  return zone;
}

/** The rows a new zone starts with: the domain and www at the portal's address (a parking page until the customer changes them). */
export function defaultEditorRecords(): EditorRecord[] {
  const base = { ttl: 3600, priority: null, weight: null, port: null, flags: null, tag: null };
  return [
    { ...base, host: "@", type: "A", value: env.REDIRECT_SERVER_IPV4 },
    { ...base, host: "www", type: "A", value: env.REDIRECT_SERVER_IPV4 },
  ];
}

/** The editor page's data in two statements, whatever the number of records. */
export async function getDnsEditorState(scope: ClientScope, domainId: number): Promise<{ records: EditorRecord[]; forwards: number }> {
  const db = await getDb();
  const [records, forwards] = await Promise.all([loadEditorRecords(db, scope, domainId), countForwards(db, scope, domainId)]);
  return { records, forwards };
}
