import { and, eq, notInArray } from "drizzle-orm";
import { domains, type DomainStatus } from "@/db/schema";
import type { DashboardPart } from "@/lib/dashboard/dashboard-part";

const PAST_DOMAIN_STATUSES: DomainStatus[] = ["expired", "transferred_away", "cancelled"];

/** The "Dominios" tile: the client's domains that are still theirs. */
export const domainsPart: DashboardPart<{ count: number }, "domains"> = {
  permission: "domains",
  async load({ db, clientId }) {
    return { count: await db.$count(domains, and(eq(domains.clientId, clientId), notInArray(domains.status, PAST_DOMAIN_STATUSES))) };
  },
};
