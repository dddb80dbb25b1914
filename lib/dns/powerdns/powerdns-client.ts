import { z } from "zod";
import { DnsError } from "../dns-provider";

// The PowerDNS Authoritative HTTP API (https://doc.powerdns.com/authoritative/http-api), the part
// the portal uses: zones under /api/v1/servers/<server id>/zones, authenticated with the X-API-Key
// header. Every answer is parsed with zod; every failure becomes a DnsError. The key is sent only
// in its header and never appears in an error message or the log.

export type PowerDnsConfig = {
  /** e.g. http://127.0.0.1:8081 (the webserver of pdns_server). */
  baseUrl: string;
  apiKey: string;
  /** "localhost" on a stand-alone pdns_server. */
  serverId: string;
  timeoutMs?: number;
};

export const rrsetSchema = z.object({
  name: z.string(),
  type: z.string(),
  ttl: z.number().int().nonnegative(),
  records: z.array(z.object({ content: z.string(), disabled: z.boolean().optional() })),
});
export type PowerDnsRrset = z.infer<typeof rrsetSchema>;

export const zoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  rrsets: z.array(rrsetSchema),
});
export type PowerDnsZone = z.infer<typeof zoneSchema>;

const errorBodySchema = z.object({ error: z.string() });

export type RrsetChange = {
  name: string;
  type: string;
  changetype: "REPLACE" | "DELETE";
  ttl?: number;
  records?: { content: string; disabled: boolean }[];
};

export type PowerDnsClient = {
  createZone(body: { name: string; kind: "Native"; nameservers: string[]; rrsets?: Omit<RrsetChange, "changetype">[] }): Promise<PowerDnsZone>;
  getZone(zoneId: string): Promise<PowerDnsZone>;
  patchZone(zoneId: string, rrsets: RrsetChange[]): Promise<void>;
  deleteZone(zoneId: string): Promise<void>;
};

/** "example.com" -> "example.com." (PowerDNS wants every name absolute). */
export function absolute(name: string): string {
  return name.endsWith(".") ? name : `${name}.`;
}

export function createPowerDnsClient(config: PowerDnsConfig): PowerDnsClient {
  const base = config.baseUrl.replace(/\/+$/, "");
  const zonesUrl = `${base}/api/v1/servers/${encodeURIComponent(config.serverId)}/zones`;
  const timeoutMs = config.timeoutMs ?? 10_000;

  async function call(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { "X-API-Key": config.apiKey, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new DnsError("unavailable", `powerdns: ${method} ${new URL(url).pathname} failed: ${(error as Error).name}`, { cause: error });
    }
    const text = await response.text();
    let json: unknown = null;
    if (text.trim() !== "") {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
        if (response.ok) throw new DnsError("bad_response", `powerdns: ${method} ${new URL(url).pathname} answered ${response.status} with a body that is not JSON`);
      }
    }
    if (response.ok) return { status: response.status, json };
    const vendorText = errorBodySchema.safeParse(json).data?.error ?? text.slice(0, 200);
    const where = `powerdns: ${method} ${new URL(url).pathname} answered ${response.status}`;
    if (response.status === 401 || response.status === 403) throw new DnsError("unauthorized", `${where}: the API key was refused`);
    if (response.status === 404) throw new DnsError("not_found", `${where}: ${vendorText}`);
    if (response.status === 409) throw new DnsError("already_exists", `${where}: ${vendorText}`);
    if (response.status === 400 || response.status === 422) throw new DnsError("rejected", `${where}: ${vendorText}`);
    throw new DnsError("unavailable", `${where}: ${vendorText}`);
  }

  function parse<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new DnsError("bad_response", `powerdns: unexpected ${what}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return parsed.data;
  }

  const zoneUrl = (zoneId: string) => `${zonesUrl}/${encodeURIComponent(absolute(zoneId))}`;

  return {
    async createZone(body) {
      const { json } = await call("POST", zonesUrl, { ...body, name: absolute(body.name) });
      return parse(zoneSchema, json, "zone after create");
    },
    async getZone(zoneId) {
      const { json } = await call("GET", zoneUrl(zoneId));
      return parse(zoneSchema, json, "zone");
    },
    async patchZone(zoneId, rrsets) {
      await call("PATCH", zoneUrl(zoneId), { rrsets });
    },
    async deleteZone(zoneId) {
      await call("DELETE", zoneUrl(zoneId));
    },
  };
}
