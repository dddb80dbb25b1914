import type { Executor } from "@/db/client";
import type { Permission } from "@/db/schema";

/** What every part of the "Página inicial" is given: the tenant from the session, a handle and today's date. */
export type DashboardContext = { db: Executor; clientId: number; /** 'YYYY-MM-DD' in Madrid. */ today: string };

/**
 * One card (or group of cards) of the dashboard, contributed by its business area
 * (lib/<area>/dashboard-part.ts): a new area adds its part to lib/dashboard/get-dashboard.ts instead
 * of teaching the centre its tables. A part sends a fixed number of statements, whatever the number of
 * rows, each with the client id in its WHERE. A part with a permission the user lacks is not run at all.
 */
export type DashboardPart<Value, Needs extends Permission | null = Permission | null> = {
  permission: Needs;
  load: (context: DashboardContext) => Promise<Value>;
};
