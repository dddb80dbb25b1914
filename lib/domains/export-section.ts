import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnsRecords, dnsRedirects, domainContacts, domainPrivateNameservers, domains, emailForwards } from "@/db/schema";
import { groupBy, omit, type ExportRequester } from "@/lib/export/export-section";

/** Every domain with its DNS records, URL redirects, email forwards, WHOIS contacts set through the portal and private name servers. */
export async function exportDomains(executor: Executor, { scope: { clientId } }: ExportRequester) {
  const [domainRows, dnsRows, redirectRows, forwardRows, contactRows, glueRows] = await Promise.all([
    executor
      .select({
        id: domains.id,
        name: domains.name,
        status: domains.status,
        registrationDate: domains.registrationDate,
        expiryDate: domains.expiryDate,
        nextDueDate: domains.nextDueDate,
        registrationPeriodYears: domains.registrationPeriodYears,
        recurringAmount: domains.recurringAmount,
        currency: domains.currency,
        nameservers: domains.nameservers,
        useDefaultNameservers: domains.useDefaultNameservers,
        registrarLock: domains.registrarLock,
        autoRenew: domains.autoRenew,
        idProtection: domains.idProtection,
        dnsManagement: domains.dnsManagement,
        emailForwarding: domains.emailForwarding,
        createdAt: domains.createdAt,
      })
      .from(domains)
      .where(eq(domains.clientId, clientId))
      .orderBy(asc(domains.id)),
    executor
      .select({ domainId: dnsRecords.domainId, host: dnsRecords.host, type: dnsRecords.type, content: dnsRecords.content, ttl: dnsRecords.ttl, priority: dnsRecords.priority })
      .from(dnsRecords)
      .where(eq(dnsRecords.clientId, clientId))
      .orderBy(asc(dnsRecords.id)),
    executor
      .select({ domainId: dnsRedirects.domainId, host: dnsRedirects.host, kind: dnsRedirects.kind, target: dnsRedirects.target })
      .from(dnsRedirects)
      .where(eq(dnsRedirects.clientId, clientId))
      .orderBy(asc(dnsRedirects.id)),
    executor
      .select({ domainId: emailForwards.domainId, localPart: emailForwards.localPart, destination: emailForwards.destination })
      .from(emailForwards)
      .where(eq(emailForwards.clientId, clientId))
      .orderBy(asc(emailForwards.id)),
    executor
      .select({ domainId: domainContacts.domainId, contacts: domainContacts.contacts, updatedAt: domainContacts.updatedAt })
      .from(domainContacts)
      .where(eq(domainContacts.clientId, clientId)),
    executor
      .select({ domainId: domainPrivateNameservers.domainId, host: domainPrivateNameservers.host, ipv4: domainPrivateNameservers.ipv4, ipv6: domainPrivateNameservers.ipv6 })
      .from(domainPrivateNameservers)
      .where(eq(domainPrivateNameservers.clientId, clientId))
      .orderBy(asc(domainPrivateNameservers.host)),
  ]);
  const dnsByDomain = groupBy(dnsRows, (row) => row.domainId);
  const redirectsByDomain = groupBy(redirectRows, (row) => row.domainId);
  const forwardsByDomain = groupBy(forwardRows, (row) => row.domainId);
  const contactsByDomain = new Map(contactRows.map((row) => [row.domainId, omit(row, "domainId")]));
  const glueByDomain = groupBy(glueRows, (row) => row.domainId);
  return {
    domains: domainRows.map((domain) => ({
      ...domain,
      dnsRecords: (dnsByDomain.get(domain.id) ?? []).map((record) => omit(record, "domainId")),
      redirects: (redirectsByDomain.get(domain.id) ?? []).map((redirect) => omit(redirect, "domainId")),
      emailForwards: (forwardsByDomain.get(domain.id) ?? []).map((forward) => omit(forward, "domainId")),
      // Null: never changed through the portal, so the registrar's own are the ones in force.
      whoisContacts: contactsByDomain.get(domain.id) ?? null,
      privateNameservers: (glueByDomain.get(domain.id) ?? []).map((glue) => omit(glue, "domainId")),
    })),
  };
}
