import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { sandboxDnsZones } from "@/db/schema";
import { DNS_RECORD_TYPES, DnsError, normalizeDnsName, sortDnsRecords, type DnsProvider, type DnsRecord } from "./dns-provider";

const storedRecordsSchema = z.array(z.object({ name: z.string(), type: z.enum(DNS_RECORD_TYPES), ttl: z.number().int(), content: z.string() }));

/**
 * A zone whose name starts with this label is refused by the sandbox server (as a real one refuses a
 * record it cannot parse), so the "the server refused, nothing was saved" path can be seen in a demo.
 */
export const SANDBOX_DNS_REFUSED_LABEL = "rechazado-dns";

/**
 * The embedded DNS server: no network, zones kept in sandbox_dns_zones, answering as PowerDNS does
 * (already_exists for a second create, not_found for an unknown zone). Nothing resolves these names:
 * set PDNS_API_URL and PDNS_API_KEY for a real server.
 */
export function createSandboxDns(db?: Executor): DnsProvider {
  const executor = async () => db ?? (await getDb());

  async function find(zone: string) {
    const database = await executor();
    const [row] = await database.select().from(sandboxDnsZones).where(eq(sandboxDnsZones.name, zone));
    if (!row) throw new DnsError("not_found", `sandbox dns: no zone ${zone}`);
    return row;
  }

  return {
    name: "sandbox",

    async createZone(rawZone, input) {
      const zone = normalizeDnsName(rawZone);
      const database = await executor();
      const records = sortDnsRecords(input.records.map((record) => ({ ...record, name: normalizeDnsName(record.name) })));
      const inserted = await database
        .insert(sandboxDnsZones)
        .values({ name: zone, nameservers: input.nameservers.map(normalizeDnsName), records })
        .onConflictDoNothing()
        .returning({ name: sandboxDnsZones.name });
      if (inserted.length === 0) throw new DnsError("already_exists", `sandbox dns: zone ${zone} exists`);
    },

    async listRecords(rawZone) {
      const row = await find(normalizeDnsName(rawZone));
      return sortDnsRecords(storedRecordsSchema.parse(row.records));
    },

    async replaceRecords(rawZone, records: DnsRecord[]) {
      const zone = normalizeDnsName(rawZone);
      await find(zone);
      if (zone.startsWith(`${SANDBOX_DNS_REFUSED_LABEL}.`)) throw new DnsError("rejected", `sandbox dns: zone ${zone} refuses every change`);
      for (const record of records) {
        const name = normalizeDnsName(record.name);
        if (name !== zone && !name.endsWith(`.${zone}`)) throw new DnsError("rejected", `sandbox dns: ${name} is out of zone ${zone}`);
      }
      const database = await executor();
      const stored = sortDnsRecords(records.map((record) => ({ ...record, name: normalizeDnsName(record.name) })));
      await database
        .update(sandboxDnsZones)
        .set({ records: sql`${JSON.stringify(stored)}::jsonb` })
        .where(eq(sandboxDnsZones.name, zone));
    },

    async deleteZone(rawZone) {
      const zone = normalizeDnsName(rawZone);
      const database = await executor();
      const deleted = await database.delete(sandboxDnsZones).where(eq(sandboxDnsZones.name, zone)).returning({ name: sandboxDnsZones.name });
      if (deleted.length === 0) throw new DnsError("not_found", `sandbox dns: no zone ${zone}`);
    },
  };
}
