import { and, eq, inArray, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { products, services, type BillingCycle, type ServiceStatus } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { serviceDisplayStatus, type ServiceDisplayStatus } from "./provision";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";

/** The filters of "Mis productos y servicios"; "cancelled" also shows terminated and fraud services (all over for the customer). */
export const SERVICE_FILTERS = ["all", "active", "pending", "suspended", "cancelled"] as const;
export type ServiceFilter = (typeof SERVICE_FILTERS)[number];

const FILTER_STATUSES: Record<Exclude<ServiceFilter, "all">, ServiceStatus[]> = {
  active: ["active"],
  pending: ["pending"],
  suspended: ["suspended"],
  cancelled: ["cancelled", "terminated", "fraud"],
};

// Newest contract first; registration date is never null, so it can carry a keyset cursor.
const ORDER: KeysetOrder = { key: services.registrationDate, id: services.id, type: "date", order: "desc" };

export type ServiceListRow = {
  id: number;
  productName: string;
  domain: string;
  status: ServiceStatus;
  /** What the customer reads: "preparing" for a paid service still being set up on the panel. */
  displayStatus: ServiceDisplayStatus;
  billingCycle: BillingCycle;
  recurringAmount: number;
  currency: string;
  nextDueDate: string | null;
};

export type ServicePage = Page<ServiceListRow>;

/** One page of the client's services in one statement, whatever the number of services. */
export async function listServices(
  scope: ClientScope,
  options: { status?: ServiceFilter; cursor?: string | null; limit: number; db?: Executor },
): Promise<ServicePage> {
  const db = options.db ?? (await getDb());
  const keyset = keysetPage(ORDER, options.cursor, pageSize(options.limit));
  const status = options.status ?? "all";
  const statusCondition: SQL | undefined = status === "all" ? undefined : inArray(services.status, FILTER_STATUSES[status]);
  const fetched = await db
    .select({
      id: services.id,
      productName: products.name,
      domain: services.domain,
      status: services.status,
      provisionState: services.provisionState,
      billingCycle: services.billingCycle,
      recurringAmount: services.recurringAmount,
      currency: services.currency,
      nextDueDate: services.nextDueDate,
      cursorKey: cursorKey(ORDER),
    })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(and(eq(services.clientId, scope.clientId), statusCondition, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, ({ provisionState, ...row }) => ({ ...row, displayStatus: serviceDisplayStatus({ status: row.status, provisionState }) }));
}
