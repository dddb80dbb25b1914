import { DnsError, type DnsProvider } from "./dns-provider";

/** Production on PostgreSQL without PowerDNS configured: every call answers "unavailable" rather than pretending a zone exists. */
export function createRefusingDns(reason: string): DnsProvider {
  const refuse = async (): Promise<never> => {
    throw new DnsError("unavailable", reason);
  };
  return { name: "none", createZone: refuse, listRecords: refuse, replaceRecords: refuse, deleteZone: refuse };
}
