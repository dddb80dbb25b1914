import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnsRecords, domains, emailForwards } from "@/db/schema";
import { groupBy, omit, type ExportRequester } from "@/lib/export/export-section";

/** Every domain with its DNS records and email forwards. */
export async function exportDomains(executor: Executor, { scope: { clientId } }: ExportRequester) {
  const [domainRows, dnsRows, forwardRows] = await Promise.all([
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
      .select({ domainId: emailForwards.domainId, localPart: emailForwards.localPart, destination: emailForwards.destination })
      .from(emailForwards)
      .where(eq(emailForwards.clientId, clientId))
      .orderBy(asc(emailForwards.id)),
  ]);
  const dnsByDomain = groupBy(dnsRows, (row) => row.domainId);
  const forwardsByDomain = groupBy(forwardRows, (row) => row.domainId);
  return {
    domains: domainRows.map((domain) => ({
      ...domain,
      dnsRecords: (dnsByDomain.get(domain.id) ?? []).map((record) => omit(record, "domainId")),
      emailForwards: (forwardsByDomain.get(domain.id) ?? []).map((forward) => omit(forward, "domainId")),
    })),
  };
}
