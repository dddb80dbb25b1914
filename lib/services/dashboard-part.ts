import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import { products, services, type ServiceStatus } from "@/db/schema";
import type { DashboardPart } from "@/lib/dashboard/dashboard-part";

export const DASHBOARD_SERVICES = 10;

/** Services that are over for the customer are left out of "their products". */
const PAST_SERVICE_STATUSES: ServiceStatus[] = ["terminated", "cancelled", "fraud"];

export type DashboardService = {
  id: number;
  productName: string;
  domain: string;
  status: ServiceStatus;
  nextDueDate: string | null;
  billingCycle: string;
  recurringAmount: number;
  currency: string;
};

export type DashboardServices = { activeCount: number; items: DashboardService[] };

/** "Sus productos/servicios" and the active-services tile, in one statement. */
export const servicesPart: DashboardPart<DashboardServices, "products"> = {
  permission: "products",
  async load({ db, clientId }) {
    const rows = await db
      .select({
        id: services.id,
        productName: products.name,
        domain: services.domain,
        status: services.status,
        nextDueDate: services.nextDueDate,
        billingCycle: services.billingCycle,
        recurringAmount: services.recurringAmount,
        currency: services.currency,
        // Active services are a subset of the rows filtered here, and the window counts them before LIMIT.
        activeCount: sql<number>`count(*) filter (where ${services.status} = 'active') over ()`.mapWith(Number),
      })
      .from(services)
      .innerJoin(products, eq(products.id, services.productId))
      .where(and(eq(services.clientId, clientId), notInArray(services.status, PAST_SERVICE_STATUSES)))
      .orderBy(desc(services.registrationDate), desc(services.id))
      .limit(DASHBOARD_SERVICES);
    return { activeCount: rows[0]?.activeCount ?? 0, items: rows.map(({ id, productName, domain, status, nextDueDate, billingCycle, recurringAmount, currency }) => ({ id, productName, domain, status, nextDueDate, billingCycle, recurringAmount, currency })) };
  },
};
