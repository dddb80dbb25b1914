import { isIP } from "node:net";
import { z } from "zod";
import type { DnsRecord } from "./dns-provider";
import { CAA_TAGS, EDITOR_RECORD_TYPES, type EditorRecordType } from "./record-types";

// The rows of the DNS editor ("Gestión de DNS"), validated per type, and their translation into the
// zone's records. Every message is a catalog key of the "dns" namespace.

export { CAA_TAGS, EDITOR_RECORD_TYPES, type EditorRecordType } from "./record-types";
export const REDIRECT_TYPES: ReadonlySet<EditorRecordType> = new Set(["URL", "FRAME"]);

export const MAX_EDITOR_ROWS = 200;
export const DEFAULT_TTL = 3600;
const MAX_TXT_LENGTH = 2048;

/** One editor row, after validation. `host` is relative to the domain: "@" or e.g. "www", "_sip._tcp". */
export type EditorRecord = {
  host: string;
  type: EditorRecordType;
  /** The address, target host, TXT text, CAA value or redirect URL. */
  value: string;
  ttl: number;
  priority: number | null;
  weight: number | null;
  port: number | null;
  flags: number | null;
  tag: (typeof CAA_TAGS)[number] | null;
};

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** "@", "*", "www", "*.dev", "_sip._tcp": each label letters, digits, hyphens and underscores. */
export function isRelativeHost(host: string): boolean {
  if (host === "@") return true;
  if (host.length > 200) return false;
  const labels = host.split(".");
  return labels.every((label, index) => (label === "*" ? index === 0 : LABEL.test(label)));
}

/** A host name a record may point at: at least two labels, no underscores or wildcards. */
export function isTargetHost(host: string): boolean {
  const name = host.replace(/\.$/, "");
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split(".");
  return labels.length >= 2 && labels.every((label) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(label)) && !/^\d+$/.test(labels.at(-1)!);
}

const trimmed = (message = "dns.errors.required") => z.string({ message }).trim().min(1, { message });
const intIn = (min: number, max: number, message: string) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), z.number({ message }).int({ message }).min(min, { message }).max(max, { message }));
const optionalInt = z.preprocess((value) => (value === "" || value === undefined ? null : value), z.unknown());

/** What the client sends per row: strings or numbers, every field optional until the type is known. */
export const rawRowSchema = z.object({
  host: z.unknown(),
  type: z.unknown(),
  value: z.unknown(),
  ttl: z.unknown().optional(),
  priority: optionalInt.optional(),
  weight: optionalInt.optional(),
  port: optionalInt.optional(),
  flags: optionalInt.optional(),
  tag: z.unknown().optional(),
});

const hostField = z
  .string({ message: "dns.errors.hostInvalid" })
  .trim()
  .toLowerCase()
  .transform((host) => (host === "" ? "@" : host.replace(/\.$/, "")))
  .refine(isRelativeHost, { message: "dns.errors.hostInvalid" });
const ttlField = z.preprocess((value) => (value === undefined || value === null || value === "" ? DEFAULT_TTL : value), intIn(60, 86_400, "dns.errors.ttlInvalid"));
const targetField = trimmed()
  .toLowerCase()
  .transform((value) => value.replace(/\.$/, ""))
  .refine(isTargetHost, { message: "dns.errors.targetInvalid" });

const rowSchemas = {
  A: z.object({ value: trimmed().refine((value) => isIP(value) === 4, { message: "dns.errors.ipv4Invalid" }) }),
  AAAA: z.object({ value: trimmed().toLowerCase().refine((value) => isIP(value) === 6, { message: "dns.errors.ipv6Invalid" }) }),
  CNAME: z.object({ value: targetField }),
  MX: z.object({ value: targetField, priority: intIn(0, 65_535, "dns.errors.priorityInvalid") }),
  TXT: z.object({
    value: trimmed()
      .max(MAX_TXT_LENGTH, { message: "dns.errors.txtTooLong" })
      // Printable ASCII only: the zone file form of anything else depends on the server.
      .refine((value) => /^[\x20-\x7e]+$/.test(value), { message: "dns.errors.txtInvalid" }),
  }),
  SRV: z.object({
    value: targetField,
    priority: intIn(0, 65_535, "dns.errors.priorityInvalid"),
    weight: intIn(0, 65_535, "dns.errors.weightInvalid"),
    port: intIn(1, 65_535, "dns.errors.portInvalid"),
  }),
  CAA: z.object({
    value: trimmed()
      .max(255, { message: "dns.errors.caaValueInvalid" })
      .refine((value) => /^[\x21-\x7e]+$/.test(value) && !value.includes('"'), { message: "dns.errors.caaValueInvalid" }),
    flags: z.preprocess((value) => (value === null || value === undefined ? 0 : value), intIn(0, 255, "dns.errors.caaFlagsInvalid")).refine((flags) => flags === 0 || flags === 128, {
      message: "dns.errors.caaFlagsInvalid",
    }),
    tag: z.enum(CAA_TAGS, { message: "dns.errors.caaTagInvalid" }),
  }),
  URL: z.object({ value: z.string({ message: "dns.errors.required" }).trim().min(1, { message: "dns.errors.required" }).refine(isRedirectTarget, { message: "dns.errors.urlInvalid" }) }),
  FRAME: z.object({ value: z.string({ message: "dns.errors.required" }).trim().min(1, { message: "dns.errors.required" }).refine(isRedirectTarget, { message: "dns.errors.urlInvalid" }) }),
} as const;

/** An absolute http(s) URL to a named host, without user:password, of a sane length. */
export function isRedirectTarget(value: string): boolean {
  if (value.length > 2000) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.username || url.password) return false;
  return url.hostname.includes(".") || isIP(url.hostname.replace(/^\[|\]$/g, "")) !== 0;
}

export type RowErrors = Record<string, string>;

/** Validates one row; errors are keyed by field ("value", "priority", …). */
export function validateRow(raw: unknown): { ok: true; record: EditorRecord } | { ok: false; errors: RowErrors } {
  const base = rawRowSchema.safeParse(raw);
  if (!base.success) return { ok: false, errors: { type: "dns.errors.typeInvalid" } };
  const errors: RowErrors = {};
  const type = EDITOR_RECORD_TYPES.find((known) => known === base.data.type);
  if (!type) return { ok: false, errors: { type: "dns.errors.typeInvalid" } };
  const host = hostField.safeParse(base.data.host ?? "");
  if (!host.success) errors.host = host.error.issues[0]!.message;
  const ttl = ttlField.safeParse(base.data.ttl);
  if (!ttl.success) errors.ttl = ttl.error.issues[0]!.message;
  const fields = rowSchemas[type].safeParse(base.data);
  if (!fields.success) {
    for (const issue of fields.error.issues) errors[String(issue.path[0] ?? "value")] ??= issue.message;
  }
  if (host.success && type === "SRV" && !/^_[a-z0-9-]+\._(tcp|udp|tls)(\.|$)/.test(host.data)) errors.host = "dns.errors.srvHostInvalid";
  if (host.success && type === "CNAME" && host.data === "@") errors.host = "dns.errors.cnameAtApex";
  if (Object.keys(errors).length > 0 || !host.success || !ttl.success || !fields.success) return { ok: false, errors };
  const data = fields.data as Partial<Record<"value" | "priority" | "weight" | "port" | "flags" | "tag", unknown>>;
  return {
    ok: true,
    record: {
      host: host.data,
      type,
      value: String(data.value),
      ttl: ttl.data,
      priority: typeof data.priority === "number" ? data.priority : null,
      weight: typeof data.weight === "number" ? data.weight : null,
      port: typeof data.port === "number" ? data.port : null,
      flags: typeof data.flags === "number" ? data.flags : null,
      tag: (data.tag as EditorRecord["tag"]) ?? null,
    },
  };
}

/** Rules between rows: a CNAME stands alone at its host, one redirect per host, no A/AAAA where a redirect is, no duplicates. */
export function crossRowErrors(records: EditorRecord[], options: { forwardingActive: boolean }): Map<number, RowErrors> {
  const errors = new Map<number, RowErrors>();
  const add = (index: number, field: string, key: string) => {
    const row = errors.get(index) ?? {};
    row[field] ??= key;
    errors.set(index, row);
  };
  const byHost = new Map<string, number[]>();
  records.forEach((record, index) => byHost.set(record.host, [...(byHost.get(record.host) ?? []), index]));
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const others = (byHost.get(record.host) ?? []).filter((other) => other !== index).map((other) => records[other]!);
    if (record.type === "CNAME" && others.length > 0) add(index, "host", "dns.errors.cnameNotAlone");
    if (REDIRECT_TYPES.has(record.type) && others.some((other) => REDIRECT_TYPES.has(other.type) || other.type === "A" || other.type === "AAAA" || other.type === "CNAME")) {
      add(index, "host", "dns.errors.redirectConflict");
    }
    if (record.type === "MX" && record.host === "@" && options.forwardingActive) add(index, "host", "dns.errors.mxWithForwarding");
    const key = JSON.stringify([record.host, record.type, record.value, record.priority, record.weight, record.port, record.flags, record.tag]);
    if (seen.has(key)) add(index, "value", "dns.errors.duplicate");
    seen.add(key);
  });
  return errors;
}

/** "@" -> the domain; "www" -> www.domain. */
export function absoluteHost(host: string, domain: string): string {
  return host === "@" ? domain : `${host}.${domain}`;
}

/** A TXT value in zone-file form: quoted, escaped, split into strings of at most 255 characters. */
export function txtContent(text: string): string {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += 255) chunks.push(text.slice(start, start + 255));
  return chunks.map((chunk) => `"${chunk.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(" ");
}

export type ZoneAddresses = { redirectIpv4: string; redirectIpv6: string | null };

/** The zone records one editor row stands for (a URL/FRAME row: the host pointed at the portal). */
export function zoneRecordsFor(record: EditorRecord, domain: string, addresses: ZoneAddresses): DnsRecord[] {
  const name = absoluteHost(record.host, domain);
  const ttl = record.ttl;
  switch (record.type) {
    case "A":
    case "AAAA":
      return [{ name, type: record.type, ttl, content: record.value }];
    case "CNAME":
      return [{ name, type: "CNAME", ttl, content: `${record.value}.` }];
    case "MX":
      return [{ name, type: "MX", ttl, content: `${record.priority ?? 10} ${record.value}.` }];
    case "TXT":
      return [{ name, type: "TXT", ttl, content: txtContent(record.value) }];
    case "SRV":
      return [{ name, type: "SRV", ttl, content: `${record.priority ?? 0} ${record.weight ?? 0} ${record.port ?? 0} ${record.value}.` }];
    case "CAA":
      return [{ name, type: "CAA", ttl, content: `${record.flags ?? 0} ${record.tag ?? "issue"} "${record.value}"` }];
    case "URL":
    case "FRAME":
      return [
        { name, type: "A", ttl, content: addresses.redirectIpv4 },
        ...(addresses.redirectIpv6 ? [{ name, type: "AAAA" as const, ttl, content: addresses.redirectIpv6 }] : []),
      ];
  }
}

/** "10 mx1.example.net,20 mx2.example.net" -> MX records at the domain itself. */
export function forwardingMxRecords(setting: string, domain: string): DnsRecord[] {
  return setting
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [priority, host] = entry.includes(" ") ? entry.split(/\s+/, 2) : ["10", entry];
      return { name: domain, type: "MX" as const, ttl: DEFAULT_TTL, content: `${Number(priority)} ${host!.replace(/\.$/, "")}.` };
    });
}
