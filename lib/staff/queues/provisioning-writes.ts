import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { services } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { isRowId } from "@/lib/row-id";
import { provisionService } from "@/lib/services/provision";
import type { StaffUser } from "../staff-session";

// "Reintentar": provisionService itself, through its one-UPDATE claim, so a retry racing the cron
// or a second click provisions once; on success it sends the welcome email as any provisioning does.
// Staff may retry past the cron's attempt limit: that limit is what puts the service in this queue.

type Actor = Pick<StaffUser, "staffUserId" | "name">;
type Context = { ip: string | null };

const NOT_FOUND = { ok: false, error: "adminQueues.errors.serviceNotFound" } as const;

export async function retryProvisioning(staff: Actor, input: { serviceId: number }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.serviceId)) return NOT_FOUND;
  const db = await getDb();
  const [service] = await db
    .select({ id: services.id, clientId: services.clientId, domain: services.domain, status: services.status, provisionState: services.provisionState, attempts: services.provisionAttempts, error: services.provisionError })
    .from(services)
    .where(eq(services.id, input.serviceId))
    .limit(1);
  if (!service) return NOT_FOUND;
  if (service.status !== "pending" || service.provisionState !== "failed") {
    return { ok: false, error: service.provisionState === "in_progress" ? "adminQueues.errors.retryInProgress" : "adminQueues.errors.notFailed" };
  }
  const outcome = await provisionService(service.id, { pastAttemptLimit: true });
  // Lost the claim to the cron or another click between the read and the claim: that run does the work, and nothing is recorded here.
  if (outcome === "not_claimed") return { ok: false, error: "adminQueues.errors.retryInProgress" };
  const [after] = await db.select({ attempts: services.provisionAttempts, error: services.provisionError }).from(services).where(eq(services.id, service.id));
  // The panel call happens outside any transaction (provisionService's rule), so the trace follows it, with the outcome.
  await recordAudit(db, {
    clientId: service.clientId,
    contactId: null,
    staffUserId: staff.staffUserId,
    action: "staff.provisioning_retried",
    details: { serviceId: service.id, domain: service.domain, outcome, attempt: after?.attempts ?? service.attempts + 1, previousError: service.error, error: outcome === "failed" ? (after?.error ?? null) : null, staff: staff.name },
    ip: context.ip,
  });
  return outcome === "provisioned" ? { ok: true, message: "adminQueues.provisioning.provisioned" } : { ok: false, error: "adminQueues.provisioning.failedAgain" };
}
