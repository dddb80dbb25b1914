import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { invoiceLines, invoices, renewalClaims, sentEmails } from "@/db/schema";
import { runRenewalInvoicing } from "@/lib/billing/renewals";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createTestClient, createTestDomain, createTestInvoice, createTestProduct, createTestService, uniqueSuffix } from "@/tests/helpers/factories";

// Dates far in the past: on a shared PostgreSQL database (DATABASE_URL) other files' services and
// domains fall due around the real today, and must never be picked up by these runs.
const TODAY = "2001-03-01";

let db: Database;
const outbox = captureEmails();

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

afterAll(async () => {
  await teardownTestDatabase();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

async function dueItems(options: { serviceDue: string; domainDue: string }) {
  const { client, owner } = await createTestClient(db);
  const product = await createTestProduct(db, { name: `Plan Profesional ${uniqueSuffix()}` });
  const service = await createTestService(db, client.id, {
    productId: product.id,
    billingCycle: "annually",
    recurringAmount: 11988,
    nextDueDate: options.serviceDue,
  });
  const domain = await createTestDomain(db, client.id, { nextDueDate: options.domainDue, recurringAmount: 1299, registrationPeriodYears: 1 });
  return { client, owner, product, service, domain };
}

async function invoicesOf(clientId: number) {
  return db
    .select({
      id: invoices.id,
      kind: invoices.kind,
      status: invoices.status,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      subtotal: invoices.subtotal,
      taxTotal: invoices.taxTotal,
      total: invoices.total,
      description: invoiceLines.description,
      serviceId: invoiceLines.serviceId,
      domainId: invoiceLines.domainId,
      periodStart: invoiceLines.periodStart,
      periodEnd: invoiceLines.periodEnd,
    })
    .from(invoices)
    .innerJoin(invoiceLines, eq(invoiceLines.invoiceId, invoices.id))
    .where(eq(invoices.clientId, clientId))
    .orderBy(invoices.id);
}

describe("runRenewalInvoicing", () => {
  it("invoices a due service and a due domain once each, claims the period and emails the client", async () => {
    const { client, owner, product, service, domain } = await dueItems({ serviceDue: "2001-03-10", domainDue: "2001-03-15" });

    const result = await runRenewalInvoicing(TODAY);
    expect(result.today).toBe(TODAY);
    expect(result.windowEnd).toBe("2001-03-15");
    expect(result.failed).toBe(0);

    const rows = await invoicesOf(client.id);
    expect(rows).toHaveLength(2);
    const serviceInvoice = rows.find((row) => row.serviceId === service.id)!;
    expect(serviceInvoice).toMatchObject({
      kind: "renewal",
      status: "unpaid",
      issueDate: TODAY,
      dueDate: "2001-03-10",
      subtotal: 11988,
      taxTotal: 2517,
      total: 14505,
      description: `${product.name} - ${service.domain} (10/03/2001 - 09/03/2002)`,
      periodStart: "2001-03-10",
      periodEnd: "2002-03-09",
    });
    const domainInvoice = rows.find((row) => row.domainId === domain.id)!;
    expect(domainInvoice).toMatchObject({
      kind: "renewal",
      dueDate: "2001-03-15",
      subtotal: 1299,
      total: 1299 + 273,
      description: `Renovación del dominio ${domain.name} (1 año)`,
      periodStart: "2001-03-15",
      periodEnd: "2002-03-14",
    });
    expect(result.invoiceIds).toEqual(expect.arrayContaining([serviceInvoice.id, domainInvoice.id]));

    const claims = await db.select().from(renewalClaims).where(inArray(renewalClaims.invoiceId, [serviceInvoice.id, domainInvoice.id]));
    expect(claims.map((claim) => [claim.itemType, claim.itemId, claim.periodStart]).sort()).toEqual(
      [
        ["domain", domain.id, "2001-03-15"],
        ["service", service.id, "2001-03-10"],
      ].sort(),
    );

    // The "invoice created" email, after commit, once per invoice, to the owner.
    const created = await db
      .select()
      .from(sentEmails)
      .where(and(eq(sentEmails.clientId, client.id), eq(sentEmails.template, "invoice-created")));
    expect(created).toHaveLength(2);
    expect(created.every((row) => row.toAddress === owner.email && row.subject.startsWith("Nueva factura PRO-"))).toBe(true);
    expect(outbox.filter((message) => message.to === owner.email)).toHaveLength(2);
  });

  it("creates nothing on a second run", async () => {
    const { client } = await dueItems({ serviceDue: "2001-03-05", domainDue: "2001-03-06" });
    await runRenewalInvoicing(TODAY);
    const first = await invoicesOf(client.id);
    expect(first).toHaveLength(2);

    const again = await runRenewalInvoicing(TODAY);
    expect(await invoicesOf(client.id)).toEqual(first);
    expect(again.invoiceIds.filter((id) => first.some((row) => row.id === id))).toEqual([]);
    // A later day inside the same period does not invoice it again either.
    await runRenewalInvoicing("2001-03-04");
    expect(await invoicesOf(client.id)).toEqual(first);
  });

  it("creates exactly one invoice per item when five runs race", async () => {
    const { client, service, domain } = await dueItems({ serviceDue: "2001-03-08", domainDue: "2001-03-09" });
    const runs = await Promise.all(Array.from({ length: 5 }, () => runRenewalInvoicing(TODAY)));
    expect(runs.every((run) => run.failed === 0)).toBe(true);

    const rows = await invoicesOf(client.id);
    expect(rows.filter((row) => row.serviceId === service.id)).toHaveLength(1);
    expect(rows.filter((row) => row.domainId === domain.id)).toHaveLength(1);
    expect(rows).toHaveLength(2);
    const claims = await db
      .select()
      .from(renewalClaims)
      .where(inArray(renewalClaims.invoiceId, rows.map((row) => row.id)));
    expect(claims).toHaveLength(2);
  });

  it("leaves alone items outside the window, inactive, not auto-renewing, one-time or free", async () => {
    const { client } = await createTestClient(db);
    const product = await createTestProduct(db);
    const skipped = [
      await createTestService(db, client.id, { productId: product.id, nextDueDate: "2001-03-16" }),
      await createTestService(db, client.id, { productId: product.id, nextDueDate: "2001-03-05", status: "suspended" }),
      await createTestService(db, client.id, { productId: product.id, nextDueDate: "2001-03-05", status: "cancelled" }),
      await createTestService(db, client.id, { productId: product.id, nextDueDate: "2001-03-05", billingCycle: "onetime" }),
      await createTestService(db, client.id, { productId: product.id, nextDueDate: "2001-03-05", recurringAmount: 0 }),
      await createTestService(db, client.id, { productId: product.id, nextDueDate: null }),
    ];
    const skippedDomains = [
      await createTestDomain(db, client.id, { nextDueDate: "2001-03-16" }),
      await createTestDomain(db, client.id, { nextDueDate: "2001-03-05", autoRenew: false }),
      await createTestDomain(db, client.id, { nextDueDate: "2001-03-05", status: "expired" }),
      await createTestDomain(db, client.id, { nextDueDate: "2001-03-05", status: "transferred_away" }),
    ];
    expect(skipped.length + skippedDomains.length).toBe(10);

    // Already billed for this period by another path (an order, staff, older data without a claim).
    const ordered = await createTestDomain(db, client.id, { nextDueDate: "2001-03-07" });
    const { invoice: orderInvoice } = await createTestInvoice(db, client.id, {
      invoice: { kind: "order", issueDate: "2001-02-01", dueDate: "2001-02-08" },
      line: { description: `Registro del dominio ${ordered.name}`, domainId: ordered.id, periodStart: "2001-03-07", periodEnd: "2002-03-06" },
    });
    // ...but a cancelled invoice does not count: that period is still unbilled.
    const cancelledBefore = await createTestDomain(db, client.id, { nextDueDate: "2001-03-07" });
    await createTestInvoice(db, client.id, {
      invoice: { status: "cancelled", issueDate: "2001-02-01", dueDate: "2001-02-08" },
      line: { domainId: cancelledBefore.id, periodStart: "2001-03-07" },
    });

    await runRenewalInvoicing(TODAY);
    const rows = await invoicesOf(client.id);
    expect(rows.filter((row) => row.kind === "renewal").map((row) => row.domainId)).toEqual([cancelledBefore.id]);
    expect(rows.filter((row) => row.domainId === ordered.id).map((row) => row.id)).toEqual([orderInvoice.id]);
  });

  it("bills monthly services for one month and multi-year domains for their term", async () => {
    const { client } = await createTestClient(db);
    const product = await createTestProduct(db);
    const monthly = await createTestService(db, client.id, {
      productId: product.id,
      billingCycle: "monthly",
      recurringAmount: 599,
      nextDueDate: "2001-03-31",
    });
    const twoYears = await createTestDomain(db, client.id, { nextDueDate: "2001-03-20", registrationPeriodYears: 2, recurringAmount: 2598 });

    await runRenewalInvoicing("2001-03-18");
    const rows = await invoicesOf(client.id);
    expect(rows.find((row) => row.serviceId === monthly.id)).toMatchObject({ periodStart: "2001-03-31", periodEnd: "2001-04-29" });
    expect(rows.find((row) => row.domainId === twoYears.id)).toMatchObject({
      periodStart: "2001-03-20",
      periodEnd: "2003-03-19",
      description: `Renovación del dominio ${twoYears.name} (2 años)`,
    });
  });
});

describe("/api/cron", () => {
  const SECRET = `cron-secret-${uniqueSuffix()}-0123456789`;

  // lib/env reads the environment once, when first imported: a fresh module graph sees the stub.
  async function loadRoute(secret: string) {
    vi.stubEnv("CRON_SECRET", secret);
    vi.resetModules();
    return import("@/app/api/cron/route");
  }

  function request(method: "GET" | "POST", authorization?: string) {
    return new Request("http://localhost:3000/api/cron", { method, headers: authorization ? { authorization } : {} });
  }

  it("answers 401 and runs nothing without the right bearer token", async () => {
    // The route's "today" comes from the clock: pin it to a day only this test's items fall due by.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2001-06-01T10:00:00Z"));
    const { client } = await dueItems({ serviceDue: "2001-06-05", domainDue: "2001-06-06" });
    const route = await loadRoute(SECRET);

    const refused = [
      await route.GET(request("GET")),
      await route.POST(request("POST")),
      await route.GET(request("GET", `Bearer ${SECRET}x`)),
      await route.GET(request("GET", `Bearer ${SECRET.slice(0, -1)}`)),
      await route.POST(request("POST", SECRET)),
      await route.POST(request("POST", `Basic ${Buffer.from(`user:${SECRET}`).toString("base64")}`)),
    ];
    expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await invoicesOf(client.id)).toEqual([]);
  });

  it("runs renewals and notices for today in Madrid with the right token (GET and POST)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2001-07-01T22:30:00Z")); // already 2 July in Madrid
    const { client, service, domain } = await dueItems({ serviceDue: "2001-07-10", domainDue: "2001-07-16" });
    const route = await loadRoute(SECRET);
    vi.spyOn(console, "log").mockImplementation(() => {});

    const response = await route.POST(request("POST", `Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      today: "2001-07-02",
      renewals: { windowEnd: "2001-07-16", failed: 0 },
      notices: { today: "2001-07-02" },
    });
    expect(body.renewals.servicesInvoiced).toBeGreaterThanOrEqual(1);
    expect(body.renewals.domainsInvoiced).toBeGreaterThanOrEqual(1);
    const rows = await invoicesOf(client.id);
    expect(rows.map((row) => row.serviceId ?? row.domainId).sort()).toEqual([service.id, domain.id].sort());

    const again = await route.GET(request("GET", `bearer ${SECRET}`));
    expect(again.status).toBe(200);
    expect(await invoicesOf(client.id)).toEqual(rows);
  });

  it("is switched off (503) when CRON_SECRET is not set", async () => {
    const route = await loadRoute("");
    const response = await route.GET(request("GET", "Bearer "));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: "cron_disabled" });
  });
});
