import { AsyncLocalStorage } from "node:async_hooks";

/** Who is really acting while a member of staff uses the portal as a client ("Acceder como cliente"). */
export type ActingStaff = { staffUserId: number; clientId: number };

const actingStaff = new AsyncLocalStorage<ActingStaff>();

/**
 * Runs a customer use case with the impersonating member of staff known to recordAudit, so every
 * trace written inside it names that staff user (the client's Actividad shows "Personal de soporte")
 * without each of the many customer use cases having to pass it along. The customer action wrapper
 * (lib/actions.ts) is the one caller; outside it (cron, webhooks, tests) nothing is set.
 */
export function runActingAs<T>(staff: ActingStaff | null, work: () => Promise<T>): Promise<T> {
  return staff ? actingStaff.run(staff, work) : work();
}

/** The impersonating staff user for an audit row about `clientId`, or null. */
export function actingStaffUserIdFor(clientId: number | null): number | null {
  const staff = actingStaff.getStore();
  return staff && clientId !== null && staff.clientId === clientId ? staff.staffUserId : null;
}
