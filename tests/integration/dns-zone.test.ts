import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, dnsRecords, dnsRedirects, domains, emailForwards, sandboxDnsZones } from "@/db/schema";
import { GET as redirectHostRoute } from "@/app/api/redirect-host/route";
import { DnsError, type DnsProvider, type DnsRecord } from "@/lib/dns/dns-provider";
import { createSandboxDns } from "@/lib/dns/sandbox-dns";
import { disableDnsManagement } from "@/lib/domains/dns/disable-dns";
import { addEmailForward, deleteEmailForward, listEmailForwards } from "@/lib/domains/dns/email-forwards";
import { enableDnsManagement, saveZoneRecords } from "@/lib/domains/dns/save-zone";
import { loadEditorRecords } from "@/lib/domains/dns/zone-state";
import { env } from "@/lib/env";
import { setProviderForTests } from "@/lib/providers";
import type { SessionUser } from "@/lib/auth/session";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestDomain, sessionUserFor } from "@/tests/helpers/factories";

// The DNS use cases on the real database with the sandbox DNS server (zones of its own in
// sandbox_dns_zones), wrapped to count calls and refuse on demand.

let db: Database;
let calls: string[] = [];
let refuseNext: DnsError | null = null;

function recordingDns(inner: DnsProvider): DnsProvider {
  const wrap =
    <A extends unknown[], R>(name: string, method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      calls.push(name);
      if (refuseNext) {
        const error = refuseNext;
        refuseNext = null;
        throw error;
      }
      return method(...args);
    };
  return {
    name: "recording",
    createZone: wrap("createZone", inner.createZone),
    listRecords: wrap("listRecords", inner.listRecords),
    replaceRecords: wrap("replaceRecords", inner.replaceRecords),
    deleteZone: wrap("deleteZone", inner.deleteZone),
  };
}

beforeAll(async () => {
  db = await setupTestDatabase();
  setProviderForTests("dns", recordingDns(createSandboxDns(db)));
});
afterEach(() => {
  calls = [];
  refuseNext = null;
});
afterAll(async () => {
  setProviderForTests("dns", null);
  await teardownTestDatabase();
});

async function owner(): Promise<SessionUser> {
  const { owner: contact } = await createTestClient(db);
  return sessionUserFor(contact);
}

async function zoneRecords(name: string): Promise<DnsRecord[]> {
  const [row] = await db.select().from(sandboxDnsZones).where(eq(sandboxDnsZones.name, name));
  return (row?.records ?? []) as DnsRecord[];
}

async function storedRows(domainId: number) {
  const records = await db.select().from(dnsRecords).where(eq(dnsRecords.domainId, domainId));
  const redirects = await db.select().from(dnsRedirects).where(eq(dnsRedirects.domainId, domainId));
  return { records, redirects };
}

async function enabledDomain(user: SessionUser) {
  const domain = await createTestDomain(db, user.clientId);
  expect(await enableDnsManagement(user, { domainId: domain.id })).toEqual({ ok: true });
  return domain;
}

const row = (fields: Record<string, string>) => ({ ttl: "3600", priority: "", weight: "", port: "", flags: "", tag: "", ...fields });

describe("enabling DNS management", () => {
  it("creates the zone with the company's name servers and the default records, then marks the domain", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    const [zone] = await db.select().from(sandboxDnsZones).where(eq(sandboxDnsZones.name, domain.name));
    expect(zone?.nameservers).toEqual(["ns1.example-hosting.es", "ns2.example-hosting.es"]);
    expect(await zoneRecords(domain.name)).toEqual([
      { name: domain.name, type: "A", ttl: 3600, content: env.REDIRECT_SERVER_IPV4 },
      { name: `www.${domain.name}`, type: "A", ttl: 3600, content: env.REDIRECT_SERVER_IPV4 },
    ]);
    const [after] = await db.select().from(domains).where(eq(domains.id, domain.id));
    expect(after?.dnsManagement).toBe(true);
    expect((await loadEditorRecords(db, user.scope, domain.id)).map((record) => `${record.host} ${record.type}`)).toEqual(["@ A", "www A"]);
  });

  it("leaves the domain off when the server refuses", async () => {
    const user = await owner();
    const domain = await createTestDomain(db, user.clientId);
    refuseNext = new DnsError("unavailable", "down");
    expect(await enableDnsManagement(user, { domainId: domain.id })).toEqual({ ok: false, error: "dns.errors.provider.unavailable" });
    const [after] = await db.select().from(domains).where(eq(domains.id, domain.id));
    expect(after?.dnsManagement).toBe(false);
    expect((await storedRows(domain.id)).records).toEqual([]);
  });

  it("answers not found for another client's domain and calls nothing", async () => {
    const user = await owner();
    const other = await owner();
    const domain = await createTestDomain(db, other.clientId);
    expect(await enableDnsManagement(user, { domainId: domain.id })).toEqual({ ok: false, error: "dns.errors.notFound" });
    expect(calls).toEqual([]);
  });
});

describe("saving the zone", () => {
  it("publishes every record and the redirect as one change, then stores the same rows; the redirect host answers 301", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    calls = [];
    const rows = [
      row({ host: "@", type: "A", value: "192.0.2.10" }),
      row({ host: "tienda", type: "A", value: "192.0.2.20", ttl: "300" }),
      row({ host: "@", type: "MX", value: "mail.example.net", priority: "10" }),
      row({ host: "@", type: "TXT", value: 'v=spf1 include:"x" -all' }),
      row({ host: "_sip._tcp", type: "SRV", value: "sip.example.net", priority: "10", weight: "5", port: "5060" }),
      row({ host: "@", type: "CAA", value: "letsencrypt.org", flags: "0", tag: "issue" }),
      row({ host: "ipv6", type: "AAAA", value: "2001:DB8::1" }),
      row({ host: "blog", type: "CNAME", value: "blog.example.net." }),
      row({ host: "www", type: "URL", value: "https://destino.example.org/landing" }),
      row({ host: "marco", type: "FRAME", value: "https://marco.example.org/" }),
    ];
    expect(await saveZoneRecords(user, { domainId: domain.id, records: JSON.stringify(rows) })).toEqual({ ok: true });
    expect(calls).toEqual(["replaceRecords"]);
    const zone = await zoneRecords(domain.name);
    expect(zone).toEqual(
      expect.arrayContaining([
        { name: domain.name, type: "A", ttl: 3600, content: "192.0.2.10" },
        { name: `tienda.${domain.name}`, type: "A", ttl: 300, content: "192.0.2.20" },
        { name: domain.name, type: "MX", ttl: 3600, content: "10 mail.example.net." },
        { name: domain.name, type: "TXT", ttl: 3600, content: '"v=spf1 include:\\"x\\" -all"' },
        { name: `_sip._tcp.${domain.name}`, type: "SRV", ttl: 3600, content: "10 5 5060 sip.example.net." },
        { name: domain.name, type: "CAA", ttl: 3600, content: '0 issue "letsencrypt.org"' },
        { name: `ipv6.${domain.name}`, type: "AAAA", ttl: 3600, content: "2001:db8::1" },
        { name: `blog.${domain.name}`, type: "CNAME", ttl: 3600, content: "blog.example.net." },
        { name: `www.${domain.name}`, type: "A", ttl: 3600, content: env.REDIRECT_SERVER_IPV4 },
        { name: `marco.${domain.name}`, type: "A", ttl: 3600, content: env.REDIRECT_SERVER_IPV4 },
      ]),
    );
    expect(zone).toHaveLength(10);
    const stored = await storedRows(domain.id);
    expect(stored.records).toHaveLength(8);
    expect(stored.redirects.map((redirect) => [redirect.hostname, redirect.kind, redirect.target])).toEqual([
      [`www.${domain.name}`, "redirect", "https://destino.example.org/landing"],
      [`marco.${domain.name}`, "frame", "https://marco.example.org/"],
    ]);

    const redirect = await redirectHostRoute(new Request("http://localhost/api/redirect-host?to=https://evil.example", { headers: { host: `WWW.${domain.name}:443` } }));
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("https://destino.example.org/landing");

    const frame = await redirectHostRoute(new Request("http://localhost/api/redirect-host", { headers: { host: `marco.${domain.name}` } }));
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain('<iframe src="https://marco.example.org/"');
    expect(frame.headers.get("content-security-policy")).toContain("frame-src https://marco.example.org");

    // A host of the same domain without a redirect, and a host nobody saved: 404, never a redirect.
    for (const host of [`tienda.${domain.name}`, "desconocido.example.com", "localhost"]) {
      const response = await redirectHostRoute(new Request("http://localhost/api/redirect-host", { headers: { host } }));
      expect(response.status, host).toBe(404);
      expect(response.headers.get("location")).toBeNull();
    }
  });

  it("refuses bad rows with a message per field and writes nothing, on the server or here", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    const before = { zone: await zoneRecords(domain.name), rows: await storedRows(domain.id) };
    calls = [];
    const result = await saveZoneRecords(user, {
      domainId: domain.id,
      records: JSON.stringify([
        row({ host: "@", type: "A", value: "300.1.1.1" }),
        row({ host: "mal host", type: "AAAA", value: "::g" }),
        row({ host: "@", type: "CNAME", value: "x" }),
        row({ host: "@", type: "MX", value: "mail.example.net", priority: "-1" }),
        row({ host: "sip", type: "SRV", value: "sip.example.net", priority: "1", weight: "1", port: "70000" }),
        row({ host: "@", type: "CAA", value: "letsencrypt.org", flags: "1", tag: "issuer" }),
        row({ host: "go", type: "URL", value: "javascript:alert(1)" }),
        row({ host: "www", type: "A", value: "192.0.2.1", ttl: "5" }),
      ]),
    });
    expect(result).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: {
        "0.value": "dns.errors.ipv4Invalid",
        "1.host": "dns.errors.hostInvalid",
        "1.value": "dns.errors.ipv6Invalid",
        "2.host": "dns.errors.cnameAtApex",
        "2.value": "dns.errors.targetInvalid",
        "3.priority": "dns.errors.priorityInvalid",
        "4.host": "dns.errors.srvHostInvalid",
        "4.port": "dns.errors.portInvalid",
        "5.flags": "dns.errors.caaFlagsInvalid",
        "5.tag": "dns.errors.caaTagInvalid",
        "6.value": "dns.errors.urlInvalid",
        "7.ttl": "dns.errors.ttlInvalid",
      },
    });
    expect(calls).toEqual([]);
    expect({ zone: await zoneRecords(domain.name), rows: await storedRows(domain.id) }).toEqual(before);
  });

  it("refuses rows that clash with each other: a CNAME not alone, a redirect where an A is, a repeated record", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    calls = [];
    const result = await saveZoneRecords(user, {
      domainId: domain.id,
      records: JSON.stringify([
        row({ host: "www", type: "CNAME", value: "example.net" }),
        row({ host: "www", type: "TXT", value: "hola" }),
        row({ host: "go", type: "A", value: "192.0.2.1" }),
        row({ host: "go", type: "URL", value: "https://example.org" }),
        row({ host: "@", type: "TXT", value: "uno" }),
        row({ host: "@", type: "TXT", value: "uno" }),
      ]),
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "0.host": "dns.errors.cnameNotAlone", "3.host": "dns.errors.redirectConflict", "5.value": "dns.errors.duplicate" } });
    expect(calls).toEqual([]);
  });

  it("keeps everything as it was when the server refuses the change", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    const before = { zone: await zoneRecords(domain.name), rows: await storedRows(domain.id) };
    refuseNext = new DnsError("rejected", "bad record");
    const result = await saveZoneRecords(user, { domainId: domain.id, records: JSON.stringify([row({ host: "www", type: "URL", value: "https://example.org" })]) });
    expect(result).toEqual({ ok: false, error: "dns.errors.provider.rejected" });
    expect({ zone: await zoneRecords(domain.name), rows: await storedRows(domain.id) }).toEqual(before);
    const response = await redirectHostRoute(new Request("http://localhost/api/redirect-host", { headers: { host: `www.${domain.name}` } }));
    expect(response.status).toBe(404);
  });

  it("answers not found for another client's domain, and asks for DNS management first on a domain without it", async () => {
    const user = await owner();
    const other = await owner();
    const theirs = await enabledDomain(other);
    const before = await storedRows(theirs.id);
    calls = [];
    const records = JSON.stringify([row({ host: "www", type: "URL", value: "https://example.org" })]);
    expect(await saveZoneRecords(user, { domainId: theirs.id, records })).toEqual({ ok: false, error: "dns.errors.notFound" });
    expect(await storedRows(theirs.id)).toEqual(before);
    const mine = await createTestDomain(db, user.clientId);
    expect(await saveZoneRecords(user, { domainId: mine.id, records })).toEqual({ ok: false, error: "dns.errors.notEnabled" });
    expect(calls).toEqual([]);
  });
});

describe("email forwarding", () => {
  it("adds forwards with the forwarding MX in the zone, keeps to the limit, and removes the MX with the last one", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    const forwardingMx = (await zoneRecords(domain.name)).filter((record) => record.type === "MX");
    expect(forwardingMx).toEqual([]);

    expect(await addEmailForward(user, { domainId: domain.id, localPart: "info", destination: "lucia@example.org" })).toEqual({ ok: true });
    const mx = (await zoneRecords(domain.name)).filter((record) => record.type === "MX").map((record) => record.content);
    expect(mx.sort()).toEqual(["10 mx1.reenvio.example-hosting.es.", "20 mx2.reenvio.example-hosting.es."]);
    const [after] = await db.select().from(domains).where(eq(domains.id, domain.id));
    expect(after?.emailForwarding).toBe(true);

    expect(await addEmailForward(user, { domainId: domain.id, localPart: "info", destination: "otra@example.org" })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { localPart: "dns.errors.aliasExists" },
    });
    expect(await addEmailForward(user, { domainId: domain.id, localPart: "bucle", destination: `yo@${domain.name}` })).toMatchObject({ fieldErrors: { destination: "dns.errors.destinationLoop" } });

    for (let index = 1; index < env.EMAIL_FORWARDS_PER_DOMAIN; index++) {
      expect(await addEmailForward(user, { domainId: domain.id, localPart: `alias${index}`, destination: "lucia@example.org" })).toEqual({ ok: true });
    }
    expect(await addEmailForward(user, { domainId: domain.id, localPart: "sobra", destination: "lucia@example.org" })).toEqual({ ok: false, error: "dns.errors.forwardsLimit" });
    const forwards = await listEmailForwards(user.scope, domain.id);
    expect(forwards).toHaveLength(env.EMAIL_FORWARDS_PER_DOMAIN);

    // While forwarding is on, the editor refuses an MX of its own at the domain.
    expect(await saveZoneRecords(user, { domainId: domain.id, records: JSON.stringify([row({ host: "@", type: "MX", value: "mail.example.net", priority: "10" })]) })).toMatchObject({
      fieldErrors: { "0.host": "dns.errors.mxWithForwarding" },
    });

    for (const forward of forwards) expect(await deleteEmailForward(user, { domainId: domain.id, forwardId: forward.id })).toEqual({ ok: true });
    expect((await zoneRecords(domain.name)).filter((record) => record.type === "MX")).toEqual([]);
  });

  it("refuses the first forward while the domain has MX records of its own, a bad address, and another client's domain", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    await saveZoneRecords(user, { domainId: domain.id, records: JSON.stringify([row({ host: "@", type: "MX", value: "mail.example.net", priority: "10" })]) });
    calls = [];
    expect(await addEmailForward(user, { domainId: domain.id, localPart: "info", destination: "lucia@example.org" })).toEqual({ ok: false, error: "dns.errors.forwardingMxConflict" });
    expect(calls).toEqual([]);

    const other = await owner();
    expect(await addEmailForward(other, { domainId: domain.id, localPart: "info", destination: "x@example.org" })).toEqual({ ok: false, error: "dns.errors.notFound" });
    const [forward] = await db
      .insert(emailForwards)
      .values({ clientId: user.clientId, domainId: domain.id, localPart: "ventas", destination: "v@example.org" })
      .returning();
    expect(await deleteEmailForward(other, { domainId: domain.id, forwardId: forward!.id })).toEqual({ ok: false, error: "dns.errors.notFound" });
    expect(await db.select().from(emailForwards).where(and(eq(emailForwards.id, forward!.id)))).toHaveLength(1);
    expect(calls).toEqual([]);
  });

  it("turns DNS management on for the first forward of a domain without it", async () => {
    const user = await owner();
    const domain = await createTestDomain(db, user.clientId);
    expect(await addEmailForward(user, { domainId: domain.id, localPart: "hola", destination: "lucia@example.org" })).toEqual({ ok: true });
    expect(calls).toEqual(["createZone", "replaceRecords"]);
    expect((await zoneRecords(domain.name)).filter((record) => record.type === "MX")).toHaveLength(2);
  });
});

describe("a domain row that has finished (lapsed, transferred away or cancelled)", () => {
  it("reaches neither the DNS server nor the redirect server, and gives its redirect hosts up to the name's new holder", async () => {
    const former = await owner();
    const lapsed = await enabledDomain(former);
    const redirect = [row({ host: "www", type: "URL", value: "https://antiguo.example.org/" })];
    expect(await saveZoneRecords(former, { domainId: lapsed.id, records: JSON.stringify(redirect) })).toEqual({ ok: true });
    expect(await addEmailForward(former, { domainId: lapsed.id, localPart: "info", destination: "antiguo@example.org" })).toEqual({ ok: true });
    const [forward] = await listEmailForwards(former.scope, lapsed.id);
    await db.update(domains).set({ status: "expired" }).where(eq(domains.id, lapsed.id));

    // Another client registers the name again and publishes a redirect on the same host.
    const holder = await owner();
    const current = await createTestDomain(db, holder.clientId, { name: lapsed.name });
    expect(await enableDnsManagement(holder, { domainId: current.id })).toEqual({ ok: true });
    const theirs = [row({ host: "www", type: "URL", value: "https://nuevo.example.org/" })];
    expect(await saveZoneRecords(holder, { domainId: current.id, records: JSON.stringify(theirs) })).toEqual({ ok: true });
    const response = await redirectHostRoute(new Request("http://localhost/api/redirect-host", { headers: { host: `www.${lapsed.name}` } }));
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("https://nuevo.example.org/");

    // From the former owner's row: every change is refused before any call, and nothing moves.
    const before = { zone: await zoneRecords(lapsed.name), forwards: await listEmailForwards(former.scope, lapsed.id) };
    calls = [];
    const refused = { ok: false, error: "domainManage.errors.notManageable" };
    expect(await saveZoneRecords(former, { domainId: lapsed.id, records: JSON.stringify(redirect) })).toEqual(refused);
    expect(await enableDnsManagement(former, { domainId: lapsed.id })).toEqual(refused);
    expect(await addEmailForward(former, { domainId: lapsed.id, localPart: "ventas", destination: "antiguo@example.org" })).toEqual(refused);
    expect(await deleteEmailForward(former, { domainId: lapsed.id, forwardId: forward!.id })).toEqual(refused);
    expect(calls).toEqual([]);
    expect({ zone: await zoneRecords(lapsed.name), forwards: await listEmailForwards(former.scope, lapsed.id) }).toEqual(before);
  });

  it("never answers a redirect saved on a row that has since finished", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    expect(await saveZoneRecords(user, { domainId: domain.id, records: JSON.stringify([row({ host: "www", type: "URL", value: "https://destino.example.org/" })]) })).toEqual({ ok: true });
    const host = { headers: { host: `www.${domain.name}` } };
    expect((await redirectHostRoute(new Request("http://localhost/api/redirect-host", host))).status).toBe(301);
    await db.update(domains).set({ status: "transferred_away" }).where(eq(domains.id, domain.id));
    const response = await redirectHostRoute(new Request("http://localhost/api/redirect-host", host));
    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
  });
});

describe("turning DNS management off", () => {
  it("deletes the zone on the server, then the stored records and redirects, marks the domain and leaves a trace", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    const rows = [row({ host: "@", type: "A", value: "192.0.2.10" }), row({ host: "www", type: "URL", value: "https://destino.example.org/" })];
    expect(await saveZoneRecords(user, { domainId: domain.id, records: JSON.stringify(rows) })).toEqual({ ok: true });
    calls = [];
    expect(await disableDnsManagement(user, { domainId: domain.id })).toEqual({ ok: true });
    expect(calls).toEqual(["deleteZone"]);
    expect(await db.select().from(sandboxDnsZones).where(eq(sandboxDnsZones.name, domain.name))).toEqual([]);
    expect(await storedRows(domain.id)).toEqual({ records: [], redirects: [] });
    const [after] = await db.select().from(domains).where(eq(domains.id, domain.id));
    expect(after!.dnsManagement).toBe(false);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.clientId, user.clientId), eq(auditLog.action, "dns.disabled")));
    expect(audits).toHaveLength(1);
    const response = await redirectHostRoute(new Request("http://localhost/api/redirect-host", { headers: { host: `www.${domain.name}` } }));
    expect(response.status).toBe(404);
    // Turning it on again starts from the default records.
    expect(await enableDnsManagement(user, { domainId: domain.id })).toEqual({ ok: true });
    expect((await zoneRecords(domain.name)).length).toBeGreaterThan(0);
  });

  it("refuses while email forwards use the zone, when the server refuses, and for another client's domain: nothing changes", async () => {
    const user = await owner();
    const domain = await enabledDomain(user);
    expect(await addEmailForward(user, { domainId: domain.id, localPart: "info", destination: "lucia@example.org" })).toEqual({ ok: true });
    const before = { zone: await zoneRecords(domain.name), rows: await storedRows(domain.id) };
    calls = [];
    expect(await disableDnsManagement(user, { domainId: domain.id })).toEqual({ ok: false, error: "dns.errors.disableWithForwards" });
    expect(calls).toEqual([]);

    const [forward] = await listEmailForwards(user.scope, domain.id);
    expect(await deleteEmailForward(user, { domainId: domain.id, forwardId: forward!.id })).toEqual({ ok: true });
    const withoutForwards = { zone: await zoneRecords(domain.name), rows: await storedRows(domain.id) };
    refuseNext = new DnsError("unavailable", "timeout");
    expect(await disableDnsManagement(user, { domainId: domain.id })).toEqual({ ok: false, error: "dns.errors.provider.unavailable" });
    expect({ zone: await zoneRecords(domain.name), rows: await storedRows(domain.id) }).toEqual(withoutForwards);
    expect(before.rows).toEqual(withoutForwards.rows);

    const stranger = await owner();
    calls = [];
    expect(await disableDnsManagement(stranger, { domainId: domain.id })).toEqual({ ok: false, error: "dns.errors.notFound" });
    expect(calls).toEqual([]);
    const [after] = await db.select().from(domains).where(eq(domains.id, domain.id));
    expect(after!.dnsManagement).toBe(true);
  });
});
