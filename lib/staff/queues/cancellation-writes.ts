import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cancellationRequests, clients, products, services } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendEmail } from "@/lib/email/send-email";
import { toLocale } from "@/lib/i18n/locales";
import { isRowId } from "@/lib/row-id";
import { serviceUrl } from "@/lib/services/provision-emails";
import { carryOutCancellationRequest } from "@/lib/services/service-automation";
import { serviceNoticeRecipients } from "@/lib/services/service-notice-recipients";
import type { StaffUser } from "../staff-session";

// Staff's two answers to an open cancellation request. "Cancelar ahora" is the cron's own
// carryOutCancellationRequest (the request claimed open -> done in the transaction that cancels
// the service, then the panel account terminated under its own claim), so staff and the cron, or
// two clicks, act once. "Rechazar" closes the request as "declined": the one-open-request index
// only covers open ones, so the customer may ask again.

type Actor = Pick<StaffUser, "staffUserId" | "name">;
type Context = { ip: string | null };

const NOT_FOUND = { ok: false, error: "adminQueues.errors.cancellationNotFound" } as const;
const NOT_OPEN = { ok: false, error: "adminQueues.errors.cancellationNotOpen" } as const;

async function findRequest(requestId: number) {
  const db = await getDb();
  const [request] = await db
    .select({
      id: cancellationRequests.id,
      clientId: cancellationRequests.clientId,
      serviceId: cancellationRequests.serviceId,
      status: cancellationRequests.status,
      type: cancellationRequests.type,
      effectiveDate: cancellationRequests.effectiveDate,
      domain: services.domain,
      productName: products.name,
      language: clients.language,
    })
    .from(cancellationRequests)
    .innerJoin(services, and(eq(services.id, cancellationRequests.serviceId), eq(services.clientId, cancellationRequests.clientId)))
    .innerJoin(products, eq(products.id, services.productId))
    .innerJoin(clients, eq(clients.id, cancellationRequests.clientId))
    .where(eq(cancellationRequests.id, requestId))
    .limit(1);
  return request ?? null;
}

export async function carryOutCancellationNow(staff: Actor, input: { requestId: number }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.requestId)) return NOT_FOUND;
  const request = await findRequest(input.requestId);
  if (!request) return NOT_FOUND;
  if (request.status !== "open") return NOT_OPEN;
  const result = await carryOutCancellationRequest(request, (tx) =>
    recordAudit(tx, {
      clientId: request.clientId,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.cancellation_carried_out",
      details: { requestId: request.id, serviceId: request.serviceId, domain: request.domain, type: request.type, effectiveDate: request.effectiveDate, staff: staff.name },
      ip: context.ip,
    }),
  );
  if (result.outcome === "not_open") return NOT_OPEN;
  const message =
    result.terminated === true
      ? "adminQueues.cancellations.carryOut.done"
      : result.terminated === false
        ? "adminQueues.cancellations.carryOut.donePanelPending"
        : "adminQueues.cancellations.carryOut.doneWithoutAccount";
  return { ok: true, message };
}

export async function declineCancellation(staff: Actor, input: { requestId: number; reason: string }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.requestId)) return NOT_FOUND;
  const request = await findRequest(input.requestId);
  if (!request) return NOT_FOUND;
  const db = await getDb();
  // The claim: only an open request becomes declined, so a decline racing "Cancelar ahora", the cron or a withdrawal loses cleanly.
  const declined = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(cancellationRequests)
      .set({ status: "declined", processedAt: new Date() })
      .where(and(eq(cancellationRequests.id, request.id), eq(cancellationRequests.status, "open")))
      .returning({ id: cancellationRequests.id });
    if (!row) return false;
    await recordAudit(tx, {
      clientId: request.clientId,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.cancellation_declined",
      details: { requestId: request.id, serviceId: request.serviceId, domain: request.domain, reason: input.reason, staff: staff.name },
      ip: context.ip,
    });
    return true;
  });
  if (!declined) return NOT_OPEN;
  await notifyDeclined(request, input.reason);
  return { ok: true, message: "adminQueues.cancellations.decline.done" };
}

/** After commit, to those told about the client's services; a mail outage does not undo the decline. */
async function notifyDeclined(request: { clientId: number; serviceId: number; domain: string; productName: string; language: string }, reason: string): Promise<void> {
  const db = await getDb();
  for (const recipient of await serviceNoticeRecipients(db, request.clientId)) {
    try {
      await sendEmail(
        "cancellation-declined",
        { email: recipient.email, name: recipient.name, clientId: request.clientId, contactId: recipient.contactId },
        { name: recipient.name, productName: request.productName, domain: request.domain, reason, serviceUrl: serviceUrl(request.serviceId) },
        { locale: toLocale(request.language) },
      );
    } catch (error) {
      console.error(`[staff-queues] decline notice for service ${request.serviceId} to contact ${recipient.contactId} failed:`, error);
    }
  }
}
