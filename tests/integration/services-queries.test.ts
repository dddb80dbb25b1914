import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { cancellationRequests, serviceAddons, serviceConfigOptions, services, type ServiceStatus } from "@/db/schema";
import type { ReferenceIds } from "@/db/seed/reference-data";
import { listServices, type ServiceFilter } from "@/lib/services/list-services";
import { readServiceUsage } from "@/lib/services/service-usage";
import { getServiceView } from "@/lib/services/service-view";
import { countingDatabase } from "@/tests/helpers/counting-database";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestDomain, createTestProduct, createTestService, isoDate } from "@/tests/helpers/factories";
import { panelUnavailable, installHostingDouble } from "@/tests/helpers/hosting-double";
import { scopeOf } from "@/tests/helpers/scope";

let db: Database;
let reference: ReferenceIds;
const panel = installHostingDouble();

beforeAll(async () => {
  db = await setupTestDatabase();
  reference = await seedReferenceDataOnce(db);
});



async function clientWithServices(count: number, statuses: ServiceStatus[] = ["active"]) {
  const { client } = await createTestClient(db);
  const product = await createTestProduct(db, { name: `Plan Profesional ${client.id}` });
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const service = await createTestService(db, client.id, {
      productId: product.id,
      status: statuses[index % statuses.length],
      // Two services share each date, so the id must break ties.
      registrationDate: isoDate(-Math.floor(index / 2)),
    });
    ids.push(service.id);
  }
  return { clientId: client.id, productName: product.name, ids };
}

describe("Mis productos y servicios", () => {
  it("pages through every service of the client, newest first, one statement a page whatever their number", async () => {
    const { clientId, ids } = await clientWithServices(7);
    const other = await clientWithServices(3);
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const counted = countingDatabase(db);
      const page = await listServices(scopeOf(clientId), { limit: 3, cursor, db: counted.db });
      expect(counted.statements).toHaveLength(1);
      seen.push(...page.rows.map((row) => row.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Newest registration first; on the same date, the higher id first.
    // Index i was registered floor(i/2) days ago: [1, 0] today, [3, 2] yesterday, and so on.
    expect(seen).toEqual([ids[1], ids[0], ids[3], ids[2], ids[5], ids[4], ids[6]]);
    expect(seen.some((id) => other.ids.includes(id))).toBe(false);

    const big = await clientWithServices(40);
    const counted = countingDatabase(db);
    const page = await listServices(scopeOf(big.clientId), { limit: 20, db: counted.db });
    expect(counted.statements).toHaveLength(1);
    expect(page.rows).toHaveLength(20);
    const back = await listServices(scopeOf(big.clientId), { limit: 20, cursor: (await listServices(scopeOf(big.clientId), { limit: 20, cursor: page.nextCursor })).previousCursor });
    expect(back.rows.map((row) => row.id)).toEqual(page.rows.map((row) => row.id));
  });

  it("shows product, domain, price, cycle, due date and status, and filters by status", async () => {
    const { clientId, ids, productName } = await clientWithServices(5, ["active", "suspended", "pending", "terminated", "cancelled"]);
    const all = await listServices(scopeOf(clientId), { limit: 20 });
    const first = all.rows.find((row) => row.id === ids[0])!;
    expect(first).toMatchObject({ productName, status: "active", billingCycle: "annually", recurringAmount: 5990, currency: "EUR", nextDueDate: isoDate(165) });
    expect(first.domain).toMatch(/^web-.+\.es$/);
    const byFilter = async (status: ServiceFilter) => (await listServices(scopeOf(clientId), { status, limit: 20 })).rows.map((row) => row.status).sort();
    expect(await byFilter("active")).toEqual(["active"]);
    expect(await byFilter("suspended")).toEqual(["suspended"]);
    expect(await byFilter("pending")).toEqual(["pending"]);
    expect(await byFilter("cancelled")).toEqual(["cancelled", "terminated"]);
    expect(await byFilter("all")).toHaveLength(5);
  });

  it("is empty for a client with no services, and reads a forged cursor as the first page", async () => {
    const { client } = await createTestClient(db);
    expect(await listServices(scopeOf(client.id), { limit: 20 })).toEqual({ rows: [], nextCursor: null, previousCursor: null });
    const { clientId } = await clientWithServices(2);
    expect((await listServices(scopeOf(clientId), { limit: 20, cursor: "not-a-cursor" })).rows).toHaveLength(2);
  });
});

describe("the service page's data", () => {
  it("has the service with its options, addons, server, own domain and open cancellation; another client's is not found", async () => {
    const { client } = await createTestClient(db);
    const service = await createTestService(db, client.id, { serverId: reference.serverIds.madrid1 });
    await db.insert(serviceConfigOptions).values([
      { serviceId: service.id, name: "Versión de PHP", value: "8.3" },
      { serviceId: service.id, name: "Ubicación", value: "Madrid" },
    ]);
    await db.insert(serviceAddons).values({
      clientId: client.id,
      serviceId: service.id,
      addonId: reference.addonIds.backups,
      status: "active",
      billingCycle: "annually",
      recurringAmount: 1200,
      registrationDate: isoDate(-10),
    });
    const domain = await createTestDomain(db, client.id, { name: service.domain });
    await db.insert(cancellationRequests).values({ clientId: client.id, serviceId: service.id, reason: "Cierro la tienda", type: "end_of_period", effectiveDate: service.nextDueDate });

    const counted = countingDatabase(db);
    const view = await getServiceView(scopeOf(client.id), service.id, { db: counted.db });
    expect(counted.statements).toHaveLength(3);
    expect(view).toMatchObject({
      id: service.id,
      domain: service.domain,
      username: service.username,
      status: "active",
      domainId: domain.id,
      configOptions: [
        { name: "Versión de PHP", value: "8.3" },
        { name: "Ubicación", value: "Madrid" },
      ],
      addons: [{ status: "active", recurringAmount: 1200, billingCycle: "annually" }],
      openCancellation: { type: "end_of_period", reason: "Cierro la tienda", effectiveDate: service.nextDueDate, keepDomainRenewal: true },
    });
    expect(view!.server?.hostname).toBeTruthy();

    const { client: other } = await createTestClient(db);
    // The other client owns a domain of the same name: it is not linked, and the service is not theirs.
    await createTestDomain(db, other.id, { name: service.domain });
    expect(await getServiceView(scopeOf(other.id), service.id)).toBeNull();
    const plain = await createTestService(db, other.id, { domain: service.domain });
    expect((await getServiceView(scopeOf(other.id), plain.id))?.domainId).not.toBe(domain.id);
    expect((await getServiceView(scopeOf(other.id), plain.id))?.openCancellation).toBeNull();
  });
});

describe("Estadísticas de uso", () => {
  async function serviceWithUsage(usageUpdatedAt: Date | null) {
    const { client } = await createTestClient(db);
    const service = await createTestService(db, client.id, { serverId: reference.serverIds.madrid1, diskUsageMb: 100, bandwidthUsageMb: 200, usageUpdatedAt });
    const view = (await getServiceView(scopeOf(client.id), service.id))!;
    return { clientId: client.id, service, cached: view.usage };
  }

  it("keeps recent figures without asking the panel", async () => {
    const { clientId, service, cached } = await serviceWithUsage(new Date(Date.now() - 60_000));
    const reading = await readServiceUsage(scopeOf(clientId), service.id, cached);
    expect(reading).toMatchObject({ source: "cache", available: true, usage: { diskUsageMb: 100 } });
    expect(panel.calls).toEqual([]);
  });

  it("asks the panel for stale figures and caches them on the service with their time", async () => {
    const { clientId, service, cached } = await serviceWithUsage(null);
    const now = new Date("2026-05-04T10:00:00.000Z");
    const reading = await readServiceUsage(scopeOf(clientId), service.id, cached, { now });
    expect(reading).toMatchObject({ source: "panel", available: true, usage: { diskUsageMb: 2048, bandwidthUsageMb: 30_000, diskLimitMb: 10_240 } });
    expect(panel.callsOf("getUsage")).toEqual([{ method: "getUsage", serverId: reference.serverIds.madrid1, args: [service.username] }]);
    const [row] = await db.select().from(services).where(eq(services.id, service.id));
    expect(row).toMatchObject({ diskUsageMb: 2048, bandwidthUsageMb: 30_000 });
    expect(row!.usageUpdatedAt?.toISOString()).toBe(now.toISOString());
  });

  it("shows the cached figures as unavailable when the panel is down, and gives up on a slow one", async () => {
    const { clientId, service, cached } = await serviceWithUsage(new Date(Date.now() - 24 * 3600_000));
    panel.failWith("getUsage", panelUnavailable());
    expect(await readServiceUsage(scopeOf(clientId), service.id, cached)).toMatchObject({ source: "cache", available: false, usage: { diskUsageMb: 100 } });

    panel.failWith("getUsage", null);
    panel.delay("getUsage", 2000);
    const started = Date.now();
    const reading = await readServiceUsage(scopeOf(clientId), service.id, cached, { timeoutMs: 100 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(reading).toMatchObject({ available: false, usage: { diskUsageMb: 100 } });
    const [row] = await db.select().from(services).where(eq(services.id, service.id));
    expect(row!.diskUsageMb).toBe(100);
  });

  it("does not ask the panel about another client's service", async () => {
    const { service, cached } = await serviceWithUsage(null);
    const { client: other } = await createTestClient(db);
    expect(await readServiceUsage(scopeOf(other.id), service.id, cached)).toMatchObject({ available: false });
    expect(panel.calls).toEqual([]);
  });
});
