import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { addons, cancellationRequests, domains, productGroups, products, serviceAddons, serviceConfigOptions, servers, services, type BillingCycle, type ServiceStatus } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { serviceDisplayStatus, type ServiceDisplayStatus } from "./provision";

export type CancellationType = "immediate" | "end_of_period";

export type OpenCancellation = {
  id: number;
  type: CancellationType;
  reason: string;
  effectiveDate: string | null;
  keepDomainRenewal: boolean;
  createdAt: Date;
};

export type ServiceUsage = {
  diskUsageMb: number;
  diskLimitMb: number | null;
  bandwidthUsageMb: number;
  bandwidthLimitMb: number | null;
  /** When the figures were read from the panel; null: never. */
  usageUpdatedAt: Date | null;
};

export type ServiceView = {
  id: number;
  productName: string;
  groupName: string;
  domain: string;
  username: string | null;
  status: ServiceStatus;
  /** What the customer reads: "preparing" for a paid service still being set up on the panel. */
  displayStatus: ServiceDisplayStatus;
  billingCycle: BillingCycle;
  firstPaymentAmount: number;
  recurringAmount: number;
  currency: string;
  registrationDate: string;
  nextDueDate: string | null;
  dedicatedIp: string | null;
  server: { hostname: string; ipAddress: string; nameservers: string[] } | null;
  usage: ServiceUsage;
  /** The client's own domain of the same name, if it has one with us. */
  domainId: number | null;
  configOptions: { name: string; value: string }[];
  addons: { id: number; name: string; status: ServiceStatus; billingCycle: BillingCycle; recurringAmount: number; currency: string; nextDueDate: string | null }[];
  openCancellation: OpenCancellation | null;
};

/**
 * Everything the service page shows, in three statements run together: the service with its product,
 * server, open cancellation and matching domain; its configurable options; its addons. Null when the
 * service is not the client's.
 */
export async function getServiceView(scope: ClientScope, serviceId: number, options: { db?: Executor } = {}): Promise<ServiceView | null> {
  const db = options.db ?? (await getDb());
  const { clientId } = scope;
  const ownService = and(eq(services.id, serviceId), eq(services.clientId, clientId));
  const [[row], configOptions, addonRows] = await Promise.all([
    db
      .select({
        id: services.id,
        productName: products.name,
        groupName: productGroups.name,
        domain: services.domain,
        username: services.username,
        status: services.status,
        provisionState: services.provisionState,
        billingCycle: services.billingCycle,
        firstPaymentAmount: services.firstPaymentAmount,
        recurringAmount: services.recurringAmount,
        currency: services.currency,
        registrationDate: services.registrationDate,
        nextDueDate: services.nextDueDate,
        dedicatedIp: services.dedicatedIp,
        diskUsageMb: services.diskUsageMb,
        diskLimitMb: services.diskLimitMb,
        bandwidthUsageMb: services.bandwidthUsageMb,
        bandwidthLimitMb: services.bandwidthLimitMb,
        usageUpdatedAt: services.usageUpdatedAt,
        serverHostname: servers.hostname,
        serverIp: servers.ipAddress,
        serverNameservers: servers.nameservers,
        domainId: domains.id,
        cancellationId: cancellationRequests.id,
        cancellationType: cancellationRequests.type,
        cancellationReason: cancellationRequests.reason,
        cancellationEffectiveDate: cancellationRequests.effectiveDate,
        cancellationKeepDomain: cancellationRequests.keepDomainRenewal,
        cancellationCreatedAt: cancellationRequests.createdAt,
      })
      .from(services)
      .innerJoin(products, eq(products.id, services.productId))
      .innerJoin(productGroups, eq(productGroups.id, products.groupId))
      .leftJoin(servers, eq(servers.id, services.serverId))
      // Every joined table is held to the same client, so nothing of another client can be read through it.
      .leftJoin(domains, and(eq(domains.clientId, clientId), sql`lower(${domains.name}) = lower(${services.domain})`))
      .leftJoin(
        cancellationRequests,
        and(eq(cancellationRequests.serviceId, services.id), eq(cancellationRequests.clientId, clientId), eq(cancellationRequests.status, "open")),
      )
      .where(ownService)
      .limit(1),
    db
      .select({ name: serviceConfigOptions.name, value: serviceConfigOptions.value })
      .from(serviceConfigOptions)
      .innerJoin(services, eq(services.id, serviceConfigOptions.serviceId))
      .where(ownService)
      .orderBy(asc(serviceConfigOptions.id)),
    db
      .select({
        id: serviceAddons.id,
        name: addons.name,
        status: serviceAddons.status,
        billingCycle: serviceAddons.billingCycle,
        recurringAmount: serviceAddons.recurringAmount,
        currency: serviceAddons.currency,
        nextDueDate: serviceAddons.nextDueDate,
      })
      .from(serviceAddons)
      .innerJoin(addons, eq(addons.id, serviceAddons.addonId))
      .where(and(eq(serviceAddons.serviceId, serviceId), eq(serviceAddons.clientId, clientId)))
      .orderBy(asc(serviceAddons.id)),
  ]);
  if (!row) return null;
  return {
    id: row.id,
    productName: row.productName,
    groupName: row.groupName,
    domain: row.domain,
    username: row.username,
    status: row.status,
    displayStatus: serviceDisplayStatus({ status: row.status, provisionState: row.provisionState }),
    billingCycle: row.billingCycle,
    firstPaymentAmount: row.firstPaymentAmount,
    recurringAmount: row.recurringAmount,
    currency: row.currency,
    registrationDate: row.registrationDate,
    nextDueDate: row.nextDueDate,
    dedicatedIp: row.dedicatedIp,
    server: row.serverHostname ? { hostname: row.serverHostname, ipAddress: row.serverIp ?? "", nameservers: row.serverNameservers ?? [] } : null,
    usage: {
      diskUsageMb: row.diskUsageMb,
      diskLimitMb: row.diskLimitMb,
      bandwidthUsageMb: row.bandwidthUsageMb,
      bandwidthLimitMb: row.bandwidthLimitMb,
      usageUpdatedAt: row.usageUpdatedAt,
    },
    domainId: row.domainId,
    configOptions,
    addons: addonRows,
    openCancellation:
      row.cancellationId !== null
        ? {
            id: row.cancellationId,
            type: row.cancellationType === "immediate" ? "immediate" : "end_of_period",
            reason: row.cancellationReason ?? "",
            effectiveDate: row.cancellationEffectiveDate,
            keepDomainRenewal: row.cancellationKeepDomain !== 0,
            createdAt: row.cancellationCreatedAt!,
          }
        : null,
  };
}
