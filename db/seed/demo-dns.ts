import { eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { dnsRecords, dnsRedirects, domains, emailForwards, sandboxDnsZones } from "@/db/schema";
import type { EditorRecord } from "@/lib/dns/records";
import { absoluteHost } from "@/lib/dns/records";
import { desiredZoneRecords } from "@/lib/domains/dns/zone-state";
import { DOMAIN_SETTINGS } from "@/lib/settings/settings-values";
import type { DemoAccounts } from "./demo-accounts";

type DemoDomainIds = { expiringSoon: number; blog: number; otherEs: number };

const base = { ttl: 3600, priority: null, weight: null, port: null, flags: null, tag: null };

/**
 * "Gestión de DNS" and "Redirección de correo" of the demo: ejemplo-tienda.es has a zone with
 * records, a URL Redirect (tienda.ejemplo-tienda.es -> the .com shop) and an email forward;
 * mi-blog-personal.es a zone with a URL Frame; the other client's martin-fotografia.es a zone of its
 * own. The sandbox DNS server holds the same zones.
 */
export async function seedDemoDns(tx: Transaction, { demo, other }: DemoAccounts, ids: DemoDomainIds): Promise<void> {
  const zones: { clientId: number; domainId: number; records: EditorRecord[]; forwards: { localPart: string; destination: string }[] }[] = [
    {
      clientId: demo.id,
      domainId: ids.expiringSoon,
      records: [
        { ...base, host: "@", type: "A", value: "192.0.2.80" },
        { ...base, host: "www", type: "CNAME", value: "ejemplo-tienda.es" },
        { ...base, host: "@", type: "TXT", value: "v=spf1 include:reenvio.example-hosting.es -all" },
        { ...base, host: "@", type: "CAA", value: "letsencrypt.org", flags: 0, tag: "issue" },
        { ...base, host: "tienda", type: "URL", value: "https://ejemplo-tienda.com/" },
      ],
      forwards: [{ localPart: "contacto", destination: "maria.garcia.demo@example.com" }],
    },
    {
      clientId: demo.id,
      domainId: ids.blog,
      records: [
        { ...base, host: "@", type: "A", value: "192.0.2.81" },
        { ...base, host: "www", type: "FRAME", value: "https://blog.example.org/maria" },
      ],
      forwards: [],
    },
    {
      clientId: other.id,
      domainId: ids.otherEs,
      records: [
        { ...base, host: "@", type: "A", value: "192.0.2.90" },
        { ...base, host: "www", type: "A", value: "192.0.2.90" },
      ],
      forwards: [],
    },
  ];
  const names = new Map(
    (await tx.select({ id: domains.id, name: domains.name }).from(domains).where(inArray(domains.id, zones.map((zone) => zone.domainId)))).map((row) => [row.id, row.name]),
  );
  for (const zone of zones) {
    const name = names.get(zone.domainId)!;
    const plain = zone.records.filter((record) => record.type !== "URL" && record.type !== "FRAME");
    const redirects = zone.records.filter((record) => record.type === "URL" || record.type === "FRAME");
    if (plain.length > 0) {
      await tx.insert(dnsRecords).values(
        plain.map((record) => ({
          clientId: zone.clientId,
          domainId: zone.domainId,
          host: record.host,
          type: record.type,
          content: record.value,
          ttl: record.ttl,
          priority: record.priority,
          flags: record.flags,
          tag: record.tag,
        })),
      );
    }
    if (redirects.length > 0) {
      await tx.insert(dnsRedirects).values(
        redirects.map((record) => ({
          clientId: zone.clientId,
          domainId: zone.domainId,
          host: record.host,
          hostname: absoluteHost(record.host, name),
          kind: record.type === "FRAME" ? ("frame" as const) : ("redirect" as const),
          target: record.value,
        })),
      );
    }
    if (zone.forwards.length > 0) {
      await tx.insert(emailForwards).values(zone.forwards.map((forward) => ({ clientId: zone.clientId, domainId: zone.domainId, ...forward })));
    }
    await tx
      .update(domains)
      .set({ dnsManagement: true, ...(zone.forwards.length > 0 ? { emailForwarding: true } : {}) })
      .where(eq(domains.id, zone.domainId));
    await tx
      .insert(sandboxDnsZones)
      .values({ name, nameservers: DOMAIN_SETTINGS.defaultNameservers, records: desiredZoneRecords(name, zone.records, { forwarding: zone.forwards.length > 0 }) })
      .onConflictDoNothing();
  }
}
