import type { Executor } from "@/db/client";
import { isDnsError, type DnsRecord } from "@/lib/dns/dns-provider";
import { getProvider } from "@/lib/providers";
import { getDomainSettings } from "@/lib/settings/get-settings";

/**
 * Makes the DNS server hold exactly `records` for the zone, as one change. A zone the server does not
 * have (demo data, a server replaced or emptied) is created with them: what the portal stored is what
 * gets published. Throws DnsError.
 */
export async function publishZone(db: Executor, zone: string, records: DnsRecord[]): Promise<void> {
  const provider = getProvider("dns");
  try {
    await provider.replaceRecords(zone, records);
  } catch (error) {
    if (!isDnsError(error) || error.code !== "not_found") throw error;
    const settings = await getDomainSettings(db);
    await provider.createZone(zone, { nameservers: settings.defaultNameservers, records });
  }
}
