// The seam between the portal and the DNS servers that answer for our customers' zones (our own
// PowerDNS, or the sandbox of the embedded default). Each vendor gets one file implementing this
// interface; it parses every response with zod and turns vendor failures into a DnsError, so use
// cases never see PowerDNS's wire format. Calls are made outside database transactions.

export const DNS_RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS"] as const;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/**
 * One resource record as the zone holds it: `name` is the absolute owner name, lower-case, without
 * the trailing dot ("www.example.com"); `content` is in zone-file presentation form with absolute
 * host names ending in a dot ("10 mail.example.com.", "\"v=spf1 -all\"", "0 issue \"letsencrypt.org\"").
 */
export type DnsRecord = { name: string; type: DnsRecordType; ttl: number; content: string };

export type CreateZoneInput = {
  /** The company's name servers, written as the zone's NS records. */
  nameservers: string[];
  /** The default records the zone starts with (lib/domains/dns/default-records.ts). */
  records: DnsRecord[];
};

export interface DnsProvider {
  /** "powerdns" or "sandbox". */
  readonly name: string;
  /** Creates the zone with its NS and default records; already_exists when it is there. */
  createZone(zone: string, input: CreateZoneInput): Promise<void>;
  /** Every record but the SOA and the apex NS (those belong to the server, not the customer). */
  listRecords(zone: string): Promise<DnsRecord[]>;
  /**
   * Makes the zone hold exactly `records` (SOA and apex NS untouched), as one change: it either
   * applies entirely or not at all.
   */
  replaceRecords(zone: string, records: DnsRecord[]): Promise<void>;
  deleteZone(zone: string): Promise<void>;
}

/**
 * unavailable: the server could not be reached or timed out; unauthorized: our API key was refused;
 * rejected: it refused the records (the message says which); bad_response: it answered nonsense.
 */
export const DNS_ERRORS = ["unavailable", "unauthorized", "not_found", "already_exists", "rejected", "bad_response"] as const;
export type DnsErrorCode = (typeof DNS_ERRORS)[number];

/** A DNS failure the customer can be told about; the vendor's own text stays in `message`, for the log only. */
export class DnsError extends Error {
  readonly messageKey: `dns.errors.provider.${DnsErrorCode}`;

  constructor(
    readonly code: DnsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DnsError";
    this.messageKey = `dns.errors.provider.${code}`;
  }
}

export function isDnsError(error: unknown): error is DnsError {
  return error instanceof DnsError;
}

/** Lower-case, no trailing dot: the one spelling of a name inside the portal. */
export function normalizeDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** Records in a stable order, so two lists can be compared and shown the same way every time. */
export function sortDnsRecords(records: DnsRecord[]): DnsRecord[] {
  return [...records].sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type) || a.content.localeCompare(b.content));
}
