import { DNS_RECORD_TYPES, normalizeDnsName, sortDnsRecords, type DnsProvider, type DnsRecord, type DnsRecordType } from "../dns-provider";
import { absolute, createPowerDnsClient, type PowerDnsConfig, type PowerDnsRrset, type RrsetChange } from "./powerdns-client";

/** RRsets the server owns: the SOA and the zone's own NS set. Never listed, never replaced. */
function isServerOwned(zone: string, rrset: { name: string; type: string }): boolean {
  return rrset.type === "SOA" || (rrset.type === "NS" && normalizeDnsName(rrset.name) === zone);
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(DNS_RECORD_TYPES);

/** Our records grouped into RRsets (name + type); PowerDNS keeps one TTL per RRset, the first record's. */
function toRrsets(records: DnsRecord[]): Map<string, { name: string; type: DnsRecordType; ttl: number; contents: string[] }> {
  const sets = new Map<string, { name: string; type: DnsRecordType; ttl: number; contents: string[] }>();
  for (const record of records) {
    const name = normalizeDnsName(record.name);
    const key = `${name}/${record.type}`;
    const set = sets.get(key) ?? { name, type: record.type, ttl: record.ttl, contents: [] };
    if (!set.contents.includes(record.content)) set.contents.push(record.content);
    sets.set(key, set);
  }
  return sets;
}

/**
 * The DNS provider on our own PowerDNS Authoritative server. A zone is created "Native" with the
 * company's name servers when the customer enables DNS management; records change through one
 * PATCH of RRsets (REPLACE for every set the zone should hold, DELETE for the ones it should no
 * longer), which PowerDNS applies in one transaction: all of it or none.
 */
export function createPowerDnsProvider(config: PowerDnsConfig): DnsProvider {
  const client = createPowerDnsClient(config);

  async function currentRrsets(zone: string): Promise<PowerDnsRrset[]> {
    const found = await client.getZone(zone);
    return found.rrsets.filter((rrset) => !isServerOwned(zone, rrset));
  }

  return {
    name: "powerdns",

    async createZone(rawZone, input) {
      const zone = normalizeDnsName(rawZone);
      const rrsets = [...toRrsets(input.records).values()]
        .filter((set) => !isServerOwned(zone, set))
        .map((set) => ({ name: absolute(set.name), type: set.type, ttl: set.ttl, records: set.contents.map((content) => ({ content, disabled: false })) }));
      await client.createZone({ name: zone, kind: "Native", nameservers: input.nameservers.map((host) => absolute(normalizeDnsName(host))), rrsets });
    },

    async listRecords(rawZone) {
      const zone = normalizeDnsName(rawZone);
      const records: DnsRecord[] = [];
      for (const rrset of await currentRrsets(zone)) {
        if (!KNOWN_TYPES.has(rrset.type)) continue;
        for (const record of rrset.records) {
          if (record.disabled) continue;
          records.push({ name: normalizeDnsName(rrset.name), type: rrset.type as DnsRecordType, ttl: rrset.ttl, content: record.content });
        }
      }
      return sortDnsRecords(records);
    },

    async replaceRecords(rawZone, records) {
      const zone = normalizeDnsName(rawZone);
      const wanted = toRrsets(records.filter((record) => !isServerOwned(zone, record)));
      const changes: RrsetChange[] = [];
      for (const rrset of await currentRrsets(zone)) {
        const key = `${normalizeDnsName(rrset.name)}/${rrset.type}`;
        if (!wanted.has(key)) changes.push({ name: absolute(normalizeDnsName(rrset.name)), type: rrset.type, changetype: "DELETE" });
      }
      for (const set of wanted.values()) {
        changes.push({
          name: absolute(set.name),
          type: set.type,
          ttl: set.ttl,
          changetype: "REPLACE",
          records: set.contents.map((content) => ({ content, disabled: false })),
        });
      }
      if (changes.length > 0) await client.patchZone(zone, changes);
    },

    async deleteZone(rawZone) {
      await client.deleteZone(normalizeDnsName(rawZone));
    },
  };
}
