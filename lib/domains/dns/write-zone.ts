import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnsRecords, dnsRedirects, domains, FINISHED_DOMAIN_STATUSES } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { absoluteHost, REDIRECT_TYPES, type EditorRecord } from "@/lib/dns/records";

/** Replaces the domain's rows in dns_records and dns_redirects with `records` (inside the caller's transaction). */
export async function writeEditorRecords(tx: Executor, scope: ClientScope, domain: { id: number; name: string }, records: EditorRecord[]): Promise<void> {
  await tx.delete(dnsRecords).where(and(eq(dnsRecords.domainId, domain.id), eq(dnsRecords.clientId, scope.clientId)));
  await tx.delete(dnsRedirects).where(and(eq(dnsRedirects.domainId, domain.id), eq(dnsRedirects.clientId, scope.clientId)));
  const plain = records.filter((record) => !REDIRECT_TYPES.has(record.type));
  const redirects = records.filter((record) => REDIRECT_TYPES.has(record.type));
  if (plain.length > 0) {
    await tx.insert(dnsRecords).values(
      plain.map((record) => ({
        clientId: scope.clientId,
        domainId: domain.id,
        host: record.host,
        type: record.type,
        content: record.value,
        ttl: record.ttl,
        priority: record.priority,
        weight: record.weight,
        port: record.port,
        flags: record.flags,
        tag: record.tag,
      })),
    );
  }
  if (redirects.length > 0) {
    // A host name is unique among redirects; one still kept by a finished domain row (the name was
    // another account's, or this one's, before it lapsed) goes to the domain that holds it now.
    const finishedDomainIds = tx.select({ id: domains.id }).from(domains).where(inArray(domains.status, [...FINISHED_DOMAIN_STATUSES]));
    await tx
      .delete(dnsRedirects)
      .where(and(inArray(dnsRedirects.hostname, redirects.map((record) => absoluteHost(record.host, domain.name))), inArray(dnsRedirects.domainId, finishedDomainIds)));
    await tx.insert(dnsRedirects).values(
      redirects.map((record) => ({
        clientId: scope.clientId,
        domainId: domain.id,
        host: record.host,
        hostname: absoluteHost(record.host, domain.name),
        kind: record.type === "FRAME" ? ("frame" as const) : ("redirect" as const),
        target: record.value,
      })),
    );
  }
}
