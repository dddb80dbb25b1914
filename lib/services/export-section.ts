import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { addons, cancellationRequests, products, serviceAddons, serviceConfigOptions, services } from "@/db/schema";
import { groupBy, omit, type ExportRequester } from "@/lib/export/export-section";

type ExportedCancellation = { reason: string; type: string; keepDomainRenewal: boolean; status: string; effectiveDate: string | null; processedAt: string | null; createdAt: string };

// A service's cancellation requests, gathered in the services statement itself (no statement more per export).
const cancellationsOfService = sql<ExportedCancellation[]>`coalesce((
  select json_agg(json_build_object(
    'reason', ${cancellationRequests.reason}, 'type', ${cancellationRequests.type}, 'keepDomainRenewal', ${cancellationRequests.keepDomainRenewal} <> 0,
    'status', ${cancellationRequests.status}, 'effectiveDate', ${cancellationRequests.effectiveDate},
    'processedAt', ${cancellationRequests.processedAt}, 'createdAt', ${cancellationRequests.createdAt}
  ) order by ${cancellationRequests.id})
  from ${cancellationRequests}
  where ${cancellationRequests.serviceId} = ${services.id} and ${cancellationRequests.clientId} = ${services.clientId}
), '[]'::json)`;

/** Every hosting service with its configurable options, addons and cancellation requests. */
export async function exportServices(executor: Executor, { scope: { clientId } }: ExportRequester) {
  const [serviceRows, configOptionRows, addonRows] = await Promise.all([
    executor
      .select({
        id: services.id,
        product: products.name,
        domain: services.domain,
        username: services.username,
        status: services.status,
        billingCycle: services.billingCycle,
        firstPaymentAmount: services.firstPaymentAmount,
        recurringAmount: services.recurringAmount,
        currency: services.currency,
        registrationDate: services.registrationDate,
        nextDueDate: services.nextDueDate,
        diskUsageMb: services.diskUsageMb,
        diskLimitMb: services.diskLimitMb,
        bandwidthUsageMb: services.bandwidthUsageMb,
        bandwidthLimitMb: services.bandwidthLimitMb,
        dedicatedIp: services.dedicatedIp,
        createdAt: services.createdAt,
        cancellationRequests: cancellationsOfService,
      })
      .from(services)
      .leftJoin(products, eq(products.id, services.productId))
      .where(eq(services.clientId, clientId))
      .orderBy(asc(services.id)),
    executor
      .select({ serviceId: serviceConfigOptions.serviceId, name: serviceConfigOptions.name, value: serviceConfigOptions.value })
      .from(serviceConfigOptions)
      .innerJoin(services, eq(services.id, serviceConfigOptions.serviceId))
      .where(eq(services.clientId, clientId))
      .orderBy(asc(serviceConfigOptions.id)),
    executor
      .select({
        serviceId: serviceAddons.serviceId,
        name: addons.name,
        status: serviceAddons.status,
        billingCycle: serviceAddons.billingCycle,
        recurringAmount: serviceAddons.recurringAmount,
        currency: serviceAddons.currency,
        registrationDate: serviceAddons.registrationDate,
        nextDueDate: serviceAddons.nextDueDate,
      })
      .from(serviceAddons)
      .leftJoin(addons, eq(addons.id, serviceAddons.addonId))
      .where(eq(serviceAddons.clientId, clientId))
      .orderBy(asc(serviceAddons.id)),
  ]);
  const optionsByService = groupBy(configOptionRows, (row) => row.serviceId);
  const addonsByService = groupBy(addonRows, (row) => row.serviceId);
  return {
    services: serviceRows.map((service) => ({
      ...service,
      configOptions: (optionsByService.get(service.id) ?? []).map(({ name, value }) => ({ name, value })),
      addons: (addonsByService.get(service.id) ?? []).map((addon) => omit(addon, "serviceId")),
    })),
  };
}
