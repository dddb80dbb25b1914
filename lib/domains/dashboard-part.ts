import { and, eq, notInArray } from "drizzle-orm";
import { domains, FINISHED_DOMAIN_STATUSES } from "@/db/schema";
import type { DashboardPart } from "@/lib/dashboard/dashboard-part";

/** The "Dominios" tile: the client's domains that are still theirs. */
export const domainsPart: DashboardPart<{ count: number }, "domains"> = {
  permission: "domains",
  async load({ db, clientId }) {
    return { count: await db.$count(domains, and(eq(domains.clientId, clientId), notInArray(domains.status, [...FINISHED_DOMAIN_STATUSES]))) };
  },
};
