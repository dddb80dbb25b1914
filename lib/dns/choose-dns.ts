import { env, isEmbeddedDatabase, type Env } from "@/lib/env";
import type { DnsProvider } from "./dns-provider";
import { createPowerDnsProvider } from "./powerdns/powerdns-dns";
import { createRefusingDns } from "./refusing-dns";
import { createSandboxDns } from "./sandbox-dns";

type DnsConfig = Pick<Env, "PDNS_API_URL" | "PDNS_API_KEY" | "PDNS_SERVER_ID" | "NODE_ENV"> & { embeddedDatabase: boolean };

/**
 * PowerDNS when PDNS_API_URL and PDNS_API_KEY are set; the sandbox otherwise, except in production
 * on PostgreSQL, where a sandbox nobody asked for would tell customers their records are published:
 * there every DNS call answers "unavailable".
 */
export function chooseDns(config: DnsConfig = { ...env, embeddedDatabase: isEmbeddedDatabase }): DnsProvider {
  if (config.PDNS_API_URL && config.PDNS_API_KEY) {
    return createPowerDnsProvider({ baseUrl: config.PDNS_API_URL, apiKey: config.PDNS_API_KEY, serverId: config.PDNS_SERVER_ID });
  }
  if (config.NODE_ENV === "production" && !config.embeddedDatabase) {
    return createRefusingDns("PDNS_API_URL and PDNS_API_KEY are not set: DNS management is off");
  }
  return createSandboxDns();
}
