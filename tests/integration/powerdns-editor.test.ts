import { execFile } from "node:child_process";
import { Resolver } from "node:dns/promises";
import fs from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createPowerDnsProvider } from "@/lib/dns/powerdns/powerdns-dns";
import { addEmailForward } from "@/lib/domains/dns/email-forwards";
import { enableDnsManagement, saveZoneRecords } from "@/lib/domains/dns/save-zone";
import { env } from "@/lib/env";
import { setProviderForTests } from "@/lib/providers";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestDomain, sessionUserFor } from "@/tests/helpers/factories";
import { DIG_BINARY, pdnsUnavailableReason, startPdnsServer, type PdnsServer } from "@/tests/helpers/pdns-server";

// The DNS editor's use cases with the PowerDNS adapter on a real pdns_server (127.0.0.1:5362 DNS,
// 5363 API): what the customer saves is what the server answers, URL Redirect hosts included.

const DNS_PORT = 5362;
const API_PORT = 5363;
const unavailable = pdnsUnavailableReason();
if (unavailable) console.warn(`SKIPPED tests/integration/powerdns-editor.test.ts: ${unavailable}`);
const mustRun = process.env.CI === "true";
const run = promisify(execFile);

describe.skipIf(unavailable !== null && !mustRun)("DNS editor on a real pdns_server", () => {
  let db: Database;
  let server: PdnsServer;
  let resolver: Resolver;

  beforeAll(async () => {
    if (unavailable) throw new Error(`CI must run the PowerDNS tests: ${unavailable}`);
    db = await setupTestDatabase();
    server = await startPdnsServer({ dnsPort: DNS_PORT, apiPort: API_PORT });
    setProviderForTests("dns", createPowerDnsProvider({ baseUrl: server.apiUrl, apiKey: server.apiKey, serverId: "localhost" }));
    resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${DNS_PORT}`]);
  });
  afterAll(async () => {
    setProviderForTests("dns", null);
    await server?.stop();
    await teardownTestDatabase();
  });

  it("enables DNS, saves an A record and a URL Redirect, adds a forward: the server answers each", async () => {
    const { owner } = await createTestClient(db);
    const user = sessionUserFor(owner);
    const domain = await createTestDomain(db, user.clientId);
    expect(await enableDnsManagement(user, { domainId: domain.id })).toEqual({ ok: true });
    expect(await resolver.resolve4(domain.name)).toEqual([env.REDIRECT_SERVER_IPV4]);

    const rows = [
      { host: "@", type: "A", value: "192.0.2.44", ttl: "300" },
      { host: "www", type: "URL", value: "https://destino.example.org/" },
      { host: "@", type: "TXT", value: 'v=spf1 "quoted" -all' },
    ];
    expect(await saveZoneRecords(user, { domainId: domain.id, records: JSON.stringify(rows) })).toEqual({ ok: true });
    expect(await resolver.resolve4(domain.name)).toEqual(["192.0.2.44"]);
    expect(await resolver.resolve4(`www.${domain.name}`)).toEqual([env.REDIRECT_SERVER_IPV4]);
    expect(await resolver.resolveTxt(domain.name)).toEqual([['v=spf1 "quoted" -all']]);

    expect(await addEmailForward(user, { domainId: domain.id, localPart: "info", destination: "lucia@example.org" })).toEqual({ ok: true });
    const mx = (await resolver.resolveMx(domain.name)).map((record) => `${record.priority} ${record.exchange}`).sort();
    expect(mx).toEqual(["10 mx1.reenvio.example-hosting.es", "20 mx2.reenvio.example-hosting.es"]);

    if (fs.existsSync(DIG_BINARY)) {
      const { stdout } = await run(DIG_BINARY, ["@127.0.0.1", "-p", String(DNS_PORT), `www.${domain.name}`, "A", "+short", "+tries=1", "+time=2"]);
      expect(stdout.trim()).toBe(env.REDIRECT_SERVER_IPV4);
    }
  });
});
