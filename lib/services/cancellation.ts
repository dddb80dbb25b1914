import { and, asc, eq, or } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cancellationRequests, contacts, products, services, type ServiceStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { isUniqueViolation } from "@/lib/contacts/unique-violation";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { rowIdField } from "@/lib/row-id";

export const CANCELLATION_TYPES = ["immediate", "end_of_period"] as const;

/** A service that is still running (or about to) can be cancelled; one already over cannot. */
const CANCELLABLE: ServiceStatus[] = ["active", "suspended", "pending"];
export function isCancellable(status: ServiceStatus): boolean {
  return CANCELLABLE.includes(status);
}

export const requestCancellationSchema = z.object({
  serviceId: rowIdField(),
  reason: z
    .string({ message: "errors.required" })
    .trim()
    .min(1, { message: "errors.required" })
    .max(2000, { message: "services.errors.reasonTooLong" }),
  type: z.enum(CANCELLATION_TYPES, { message: "services.errors.cancellationTypeRequired" }),
  // A checkbox: present ("on") when ticked.
  skipDomainRenewal: z.literal("on").optional(),
});
export type RequestCancellationInput = z.infer<typeof requestCancellationSchema>;

export const withdrawCancellationSchema = z.object({ serviceId: rowIdField(), requestId: rowIdField() });
export type WithdrawCancellationInput = z.infer<typeof withdrawCancellationSchema>;

export type CancellationResult = { ok: true; requestId: number; effectiveDate: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

function serviceUrl(serviceId: number): string {
  return `${env.APP_BASE_URL.replace(/\/+$/, "")}/productos/${serviceId}`;
}

/**
 * "Solicitar cancelación" (§4.1.4): records the request; the cron carries it out (today for an
 * immediate one, on the service's next due date for one at the end of the billing period). The
 * database holds one open request per service, so a second one, even from another tab at the same
 * moment, is refused. The customer is told by email once the request is recorded.
 */
export async function requestCancellation(
  user: SessionUser,
  input: RequestCancellationInput,
  ip: string | null,
  options: { today?: string } = {},
): Promise<CancellationResult> {
  const db = await getDb();
  const [service] = await db
    .select({ id: services.id, status: services.status, domain: services.domain, nextDueDate: services.nextDueDate, productName: products.name })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(and(eq(services.id, input.serviceId), eq(services.clientId, user.clientId)))
    .limit(1);
  if (!service) return { ok: false, error: "services.errors.notFound" };
  if (!isCancellable(service.status)) return { ok: false, error: "services.errors.notCancellable" };

  const today = options.today ?? madridToday();
  // A due date already past (an overdue service) ends it now rather than in the past.
  const effectiveDate = input.type === "immediate" || !service.nextDueDate || service.nextDueDate < today ? today : service.nextDueDate;
  const keepDomainRenewal = input.skipDomainRenewal ? 0 : 1;
  let requestId: number;
  try {
    requestId = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cancellationRequests)
        .values({
          clientId: user.clientId,
          serviceId: service.id,
          reason: input.reason,
          type: input.type,
          keepDomainRenewal,
          requestedByContactId: user.contactId,
          effectiveDate,
        })
        .returning({ id: cancellationRequests.id });
      await recordAudit(tx, {
        clientId: user.clientId,
        contactId: user.contactId,
        action: "service.cancellation_requested",
        details: { serviceId: service.id, domain: service.domain, type: input.type, effectiveDate, keepDomainRenewal: keepDomainRenewal === 1 },
        ip,
      });
      return row!.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "services.errors.cancellationAlreadyOpen" };
    throw error;
  }

  await notifyCancellation(user, { ...service, type: input.type, effectiveDate, keepDomainRenewal: keepDomainRenewal === 1 });
  return { ok: true, requestId, effectiveDate };
}

/** The owner and the person who asked (if another), each once. A failed email does not undo the request. */
async function notifyCancellation(
  user: SessionUser,
  request: { id: number; productName: string; domain: string; type: (typeof CANCELLATION_TYPES)[number]; effectiveDate: string; keepDomainRenewal: boolean },
): Promise<void> {
  const db = await getDb();
  const recipients = await db
    .select({ id: contacts.id, email: contacts.email, firstName: contacts.firstName })
    .from(contacts)
    .where(and(eq(contacts.clientId, user.clientId), or(eq(contacts.isOwner, true), eq(contacts.id, user.contactId))))
    .orderBy(asc(contacts.id));
  const seen = new Set<string>();
  for (const recipient of recipients) {
    const key = recipient.email.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    try {
      await sendEmail(
        "cancellation-requested",
        { email: recipient.email, name: recipient.firstName, clientId: user.clientId, contactId: recipient.id },
        {
          name: recipient.firstName,
          productName: request.productName,
          domain: request.domain,
          type: request.type,
          effectiveDate: request.effectiveDate,
          keepDomainRenewal: request.keepDomainRenewal,
          serviceUrl: serviceUrl(request.id),
        },
      );
    } catch (error) {
      console.error(`Cancellation notice for service ${request.id} could not be sent to contact ${recipient.id}:`, error);
    }
  }
}

/** "Retirar la solicitud": only an open request of the user's client, for that service. */
export async function withdrawCancellation(user: SessionUser, input: WithdrawCancellationInput, ip: string | null): Promise<{ ok: true } | { ok: false; error: string }> {
  const db = await getDb();
  const withdrawn = await db.transaction(async (tx) => {
    const rows = await tx
      .update(cancellationRequests)
      .set({ status: "withdrawn" })
      .where(
        and(
          eq(cancellationRequests.id, input.requestId),
          eq(cancellationRequests.serviceId, input.serviceId),
          eq(cancellationRequests.clientId, user.clientId),
          eq(cancellationRequests.status, "open"),
        ),
      )
      .returning({ id: cancellationRequests.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      clientId: user.clientId,
      contactId: user.contactId,
      action: "service.cancellation_withdrawn",
      details: { serviceId: input.serviceId },
      ip,
    });
    return true;
  });
  return withdrawn ? { ok: true } : { ok: false, error: "services.errors.cancellationNotOpen" };
}
