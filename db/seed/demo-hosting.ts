import type { Transaction } from "@/db/client";
import { inArray, eq } from "drizzle-orm";
import { domains, products, sandboxPanelAccounts, serviceAddons, serviceConfigOptions, services, type BillingCycle, type ServiceStatus } from "@/db/schema";
import { daysFromToday, momentFromToday } from "./dates";
import type { DemoAccounts } from "./demo-accounts";
import { addonPrice, productLimits, productPrice, tldRenewPrice, type ReferenceIds } from "./reference-data";

export type DemoHosting = {
  services: { active: number; suspended: number; pending: number; other: number };
  serviceAddonId: number;
  domains: { expiringSoon: number; customNameservers: number; blog: number; eu: number; otherEs: number; otherCom: number };
};

/**
 * The demo client's three hosting accounts (active, suspended for an overdue invoice, pending its
 * first payment) and four domains; the other client's own service and domains.
 */
export async function seedDemoHosting(tx: Transaction, reference: ReferenceIds, { demo, other }: DemoAccounts): Promise<DemoHosting> {
  const active = await insertService(tx, reference, demo.id, {
    product: "professional",
    server: "madrid1",
    domain: "ejemplo-tienda.es",
    username: "ejemplot",
    status: "active",
    billingCycle: "annually",
    registeredDaysAgo: 420,
    nextDueInDays: 310,
    diskUsageMb: 7340,
    bandwidthUsageMb: 61250,
  });
  const suspended = await insertService(tx, reference, demo.id, {
    product: "basic",
    server: "madrid1",
    domain: "mi-blog-personal.es",
    username: "miblogpe",
    status: "suspended",
    billingCycle: "monthly",
    registeredDaysAgo: 132,
    nextDueInDays: -12,
    diskUsageMb: 1290,
    bandwidthUsageMb: 8420,
  });
  const pending = await insertService(tx, reference, demo.id, {
    product: "business",
    server: "madrid2",
    domain: "nuevo-proyecto.com",
    username: "nuevopro",
    status: "pending",
    billingCycle: "annually",
    registeredDaysAgo: 2,
    nextDueInDays: 5,
    diskUsageMb: 0,
    bandwidthUsageMb: 0,
  });
  const otherService = await insertService(tx, reference, other.id, {
    product: "basic",
    server: "madrid2",
    domain: "martin-fotografia.es",
    username: "martinfo",
    status: "active",
    billingCycle: "annually",
    registeredDaysAgo: 190,
    nextDueInDays: 175,
    diskUsageMb: 3980,
    bandwidthUsageMb: 22100,
  });

  await tx.insert(serviceConfigOptions).values([
    { serviceId: active, name: "Ubicación del servidor", value: "Madrid (España)" },
    { serviceId: active, name: "Versión de PHP", value: "8.3" },
    { serviceId: active, name: "Cuentas de correo", value: "Ilimitadas" },
    { serviceId: suspended, name: "Versión de PHP", value: "8.2" },
    { serviceId: pending, name: "Ubicación del servidor", value: "Madrid (España)" },
    { serviceId: pending, name: "Versión de PHP", value: "8.4" },
    { serviceId: otherService, name: "Versión de PHP", value: "8.1" },
  ]);

  const [serviceAddon] = await tx
    .insert(serviceAddons)
    .values({
      clientId: demo.id,
      serviceId: active,
      addonId: reference.addonIds.backups,
      status: "active",
      billingCycle: "annually",
      recurringAmount: addonPrice("backups"),
      currency: "EUR",
      registrationDate: daysFromToday(-55),
      nextDueDate: daysFromToday(310),
      createdAt: momentFromToday(-58, 12, 5),
    })
    .returning({ id: serviceAddons.id });

  await insertSandboxPanelAccounts(tx, [active, suspended, otherService], {
    [active]: [
      { email: "info@ejemplo-tienda.es", quotaMb: 2048 },
      { email: "pedidos@ejemplo-tienda.es", quotaMb: 1024 },
    ],
  });

  const expiringSoon = await insertDomain(tx, demo.id, {
    name: "ejemplo-tienda.es",
    registeredDaysAgo: 3 * 365 - 20,
    expiresInDays: 20,
    dnsManagement: true,
    emailForwarding: true,
  });
  const customNameservers = await insertDomain(tx, demo.id, {
    name: "ejemplo-tienda.com",
    registeredDaysAgo: 365 - 200,
    expiresInDays: 200,
    nameservers: ["ns1.otrohost.net", "ns2.otrohost.net"],
  });
  const blog = await insertDomain(tx, demo.id, { name: "mi-blog-personal.es", registeredDaysAgo: 132, expiresInDays: 365 - 132 });
  const eu = await insertDomain(tx, demo.id, {
    name: "garcia-comercio.eu",
    registeredDaysAgo: 2 * 365 - 150,
    expiresInDays: 150,
    periodYears: 2,
    idProtection: true,
    autoRenew: false,
  });
  const otherEs = await insertDomain(tx, other.id, { name: "martin-fotografia.es", registeredDaysAgo: 190, expiresInDays: 175, dnsManagement: true });
  // Inside the renewal window, so the other client has a renewal invoice waiting.
  const otherCom = await insertDomain(tx, other.id, { name: "martin-fotografia.com", registeredDaysAgo: 365 - 10, expiresInDays: 10 });

  return {
    services: { active, suspended, pending, other: otherService },
    serviceAddonId: serviceAddon.id,
    domains: { expiringSoon, customNameservers, blog, eu, otherEs, otherCom },
  };
}

async function insertService(
  tx: Transaction,
  reference: ReferenceIds,
  clientId: number,
  spec: {
    product: keyof ReferenceIds["productIds"];
    server: keyof ReferenceIds["serverIds"];
    domain: string;
    username: string;
    status: ServiceStatus;
    billingCycle: BillingCycle;
    registeredDaysAgo: number;
    nextDueInDays: number;
    diskUsageMb: number;
    bandwidthUsageMb: number;
  },
): Promise<number> {
  const limits = productLimits(spec.product);
  const price = productPrice(spec.product, spec.billingCycle);
  const [row] = await tx
    .insert(services)
    .values({
      clientId,
      productId: reference.productIds[spec.product],
      serverId: reference.serverIds[spec.server],
      domain: spec.domain,
      username: spec.username,
      status: spec.status,
      billingCycle: spec.billingCycle,
      firstPaymentAmount: price,
      recurringAmount: price,
      currency: "EUR",
      registrationDate: daysFromToday(-spec.registeredDaysAgo),
      nextDueDate: daysFromToday(spec.nextDueInDays),
      diskUsageMb: spec.diskUsageMb,
      diskLimitMb: limits.diskLimitMb,
      bandwidthUsageMb: spec.bandwidthUsageMb,
      bandwidthLimitMb: limits.bandwidthLimitMb,
      usageUpdatedAt: spec.status === "pending" ? null : momentFromToday(0, 4, 0),
      createdAt: momentFromToday(-spec.registeredDaysAgo, 10, 30),
    })
    .returning({ id: services.id });
  return row.id;
}

/**
 * The sandbox panel's own accounts for the services that have one (the pending service is not
 * provisioned yet), with the same usernames, plans and usage, so "Acceder a cPanel" opens them.
 */
async function insertSandboxPanelAccounts(tx: Transaction, serviceIds: number[], mailboxes: Record<number, { email: string; quotaMb: number }[]>): Promise<void> {
  const rows = await tx
    .select({
      id: services.id,
      username: services.username,
      domain: services.domain,
      status: services.status,
      plan: products.panelPackage,
      diskUsedMb: services.diskUsageMb,
      diskLimitMb: services.diskLimitMb,
      bandwidthUsedMb: services.bandwidthUsageMb,
      bandwidthLimitMb: services.bandwidthLimitMb,
    })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(inArray(services.id, serviceIds));
  await tx.insert(sandboxPanelAccounts).values(
    rows.map((row) => ({
      username: row.username!,
      domain: row.domain,
      plan: row.plan ?? "default",
      status: row.status === "suspended" ? "suspended" : "active",
      diskUsedMb: row.diskUsedMb,
      diskLimitMb: row.diskLimitMb,
      bandwidthUsedMb: row.bandwidthUsedMb,
      bandwidthLimitMb: row.bandwidthLimitMb,
      mailboxes: mailboxes[row.id] ?? [],
    })),
  );
}

async function insertDomain(
  tx: Transaction,
  clientId: number,
  spec: {
    name: string;
    registeredDaysAgo: number;
    expiresInDays: number;
    periodYears?: number;
    nameservers?: string[];
    autoRenew?: boolean;
    idProtection?: boolean;
    dnsManagement?: boolean;
    emailForwarding?: boolean;
  },
): Promise<number> {
  const tld = spec.name.slice(spec.name.indexOf(".") + 1);
  const years = spec.periodYears ?? 1;
  const [row] = await tx
    .insert(domains)
    .values({
      clientId,
      name: spec.name,
      tld,
      status: "active",
      registrar: "sandbox",
      registrationDate: daysFromToday(-spec.registeredDaysAgo),
      expiryDate: daysFromToday(spec.expiresInDays),
      nextDueDate: daysFromToday(spec.expiresInDays),
      registrationPeriodYears: years,
      recurringAmount: tldRenewPrice(tld, years),
      currency: "EUR",
      nameservers: spec.nameservers ?? [],
      useDefaultNameservers: spec.nameservers === undefined,
      registrarLock: true,
      autoRenew: spec.autoRenew ?? true,
      idProtection: spec.idProtection ?? false,
      dnsManagement: spec.dnsManagement ?? false,
      emailForwarding: spec.emailForwarding ?? false,
      createdAt: momentFromToday(-spec.registeredDaysAgo, 10, 35),
    })
    .returning({ id: domains.id });
  return row.id;
}
