import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { addonProducts, addons, cartItems, clients, domains, products, serviceAddons, services, type BillingCycle } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { OWNED_DOMAIN_STATUSES } from "./pricing";

/** An addon in one of these states is the service's already: it is not sold twice. */
export const LIVE_ADDON_STATUSES = ["pending", "active", "suspended"] as const;

export type AvailableAddon = {
  id: number;
  name: string;
  description: string | null;
  billingCycle: BillingCycle;
  price: number;
  setupFee: number;
  /** "owned": the service already has it (pending or active); "inCart": it is waiting in the cart. */
  state: "available" | "owned" | "inCart";
};

export type ServiceAddons = { serviceId: number; productName: string; domain: string; addons: AvailableAddon[] };

/**
 * "Ver complementos disponibles" (walkthrough §4.3): for each of the client's active or pending
 * services, the visible addons linked to its product, in the client's currency; with `serviceId`
 * only that service (another client's id finds nothing). Four statements whatever the counts.
 */
export async function listAvailableAddons(scope: ClientScope, serviceId?: number): Promise<{ currency: string; services: ServiceAddons[] }> {
  const db = await getDb();
  const [client] = await db.select({ currency: clients.currency }).from(clients).where(eq(clients.id, scope.clientId));
  const currency = client?.currency ?? "EUR";
  const serviceRows = await db
    .select({ id: services.id, productId: services.productId, domain: services.domain, productName: products.name })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(
      and(
        eq(services.clientId, scope.clientId),
        inArray(services.status, ["active", "pending"]),
        serviceId === undefined ? undefined : eq(services.id, serviceId),
      ),
    )
    .orderBy(asc(services.id));
  if (serviceRows.length === 0) return { currency, services: [] };

  const links = await db
    .select({ productId: addonProducts.productId, addon: addons })
    .from(addonProducts)
    .innerJoin(addons, eq(addons.id, addonProducts.addonId))
    .where(and(inArray(addonProducts.productId, [...new Set(serviceRows.map((row) => row.productId))]), eq(addons.hidden, false), eq(addons.currency, currency)))
    .orderBy(asc(addons.name), asc(addons.id));
  const serviceIds = serviceRows.map((row) => row.id);
  const owned = await db
    .select({ serviceId: serviceAddons.serviceId, addonId: serviceAddons.addonId })
    .from(serviceAddons)
    .where(and(eq(serviceAddons.clientId, scope.clientId), inArray(serviceAddons.serviceId, serviceIds), inArray(serviceAddons.status, [...LIVE_ADDON_STATUSES])));
  const inCart = await db
    .select({ serviceId: cartItems.serviceId, addonId: cartItems.addonId })
    .from(cartItems)
    .where(and(eq(cartItems.clientId, scope.clientId), eq(cartItems.kind, "addon"), inArray(cartItems.serviceId, serviceIds)));
  const has = (rows: { serviceId: number | null; addonId: number | null }[], service: number, addon: number) =>
    rows.some((row) => row.serviceId === service && row.addonId === addon);

  return {
    currency,
    services: serviceRows.map((service) => ({
      serviceId: service.id,
      productName: service.productName,
      domain: service.domain,
      addons: links
        .filter((link) => link.productId === service.productId)
        .map(({ addon }) => ({
          id: addon.id,
          name: addon.name,
          description: addon.description,
          billingCycle: addon.billingCycle,
          price: addon.price,
          setupFee: addon.setupFee,
          state: has(owned, service.id, addon.id) ? ("owned" as const) : has(inCart, service.id, addon.id) ? ("inCart" as const) : ("available" as const),
        })),
    })),
  };
}

/** The domains the client can host a new plan on ("Usar un dominio que ya tengo"). */
export async function listOwnDomainNames(scope: ClientScope): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ name: domains.name })
    .from(domains)
    .where(and(eq(domains.clientId, scope.clientId), inArray(domains.status, [...OWNED_DOMAIN_STATUSES])))
    .orderBy(asc(domains.name));
  return rows.map((row) => row.name);
}
