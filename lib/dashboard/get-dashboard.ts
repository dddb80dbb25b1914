import { getDb, type Executor } from "@/db/client";
import type { Permission } from "@/db/schema";
import { clientInfoPart } from "@/lib/account/dashboard-part";
import { billingPart } from "@/lib/billing/dashboard-part";
import { domainsPart } from "@/lib/domains/dashboard-part";
import { clientFilesPart } from "@/lib/files/dashboard-part";
import { servicesPart } from "@/lib/services/dashboard-part";
import { announcementsPart, openTicketsPart } from "@/lib/support/dashboard-part";
import { serverIncidentsPart } from "@/lib/support/server-status";
import type { DashboardPart } from "./dashboard-part";
import { madridToday } from "./madrid-today";
import type { ClientScope } from "@/lib/auth/scope";

/** The parts of the "Página inicial", each from its business area; a new area adds its part here. */
const DASHBOARD_PARTS = {
  client: clientInfoPart,
  billing: billingPart,
  services: servicesPart,
  domains: domainsPart,
  tickets: openTicketsPart,
  files: clientFilesPart,
  announcements: announcementsPart,
  incidents: serverIncidentsPart,
};

type Parts = typeof DASHBOARD_PARTS;
type ValueOf<Part> = Part extends DashboardPart<infer Value, Permission | null> ? Value : never;

/** A part the user may not see is null (never loaded); a part with nothing in it is an empty list or zero. */
export type Dashboard = { [Key in keyof Parts]: null extends Parts[Key]["permission"] ? ValueOf<Parts[Key]> : ValueOf<Parts[Key]> | null };

export type DashboardOptions = {
  /** Whether the signed-in user holds a permission (the owner holds them all). */
  allowed: (permission: Permission) => boolean;
  /** 'YYYY-MM-DD' in Madrid; tests pin it, the app leaves it out. */
  today?: string;
  /** Tests pass their own handle to count statements; the app uses the shared one. */
  db?: Executor;
};

/**
 * Everything the "Página inicial" shows: every part the user may see, run side by side, each with a
 * fixed number of statements whatever the number of rows. Parts without permission are not queried.
 */
export async function getDashboard(scope: ClientScope, options: DashboardOptions): Promise<Dashboard> {
  const { clientId } = scope;
  const context = { db: options.db ?? (await getDb()), clientId, today: options.today ?? madridToday() };
  const entries = await Promise.all(
    Object.entries(DASHBOARD_PARTS).map(async ([key, part]: [string, DashboardPart<unknown>]) => {
      const visible = part.permission === null || options.allowed(part.permission);
      return [key, visible ? await part.load(context) : null] as const;
    }),
  );
  return Object.fromEntries(entries) as Dashboard;
}
