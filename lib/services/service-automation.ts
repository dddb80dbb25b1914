import { fulfilDomainOrdersOfInvoices } from "@/lib/domains/orders/fulfil-domain-orders";
import { and, asc, eq, exists, inArray, isNotNull, lte, notExists, or, sql } from "drizzle-orm";
import { getDb, type Executor, type Transaction } from "@/db/client";
import { cancellationRequests, domains, invoiceLines, invoiceNotices, invoices, services } from "@/db/schema";
import { lockClient } from "@/lib/billing/credit";
import { addDays, madridToday } from "@/lib/billing/today";
import { isHostingPanelError, type PanelServer } from "@/lib/hosting/hosting-panel";
import { getProvider } from "@/lib/providers";
import { getBillingSettings } from "@/lib/settings/get-settings";
import { provisionQueuedServicesOfInvoice, runProvisioningRetries, type ProvisioningRunResult } from "./provision";
import { sendServiceCancelledEmail, sendServiceSuspendedEmail } from "./provision-emails";
import { loadPanelServer } from "@/lib/hosting/panel-servers";

// What the cron does to services, and what a payment undoes at once. Every panel call is idempotent
// and made outside transactions; the database row is claimed with one conditional UPDATE so
// concurrent runs act once, and a failed panel call leaves (or puts back) the row so the next run
// retries it. Each overdue invoice suspends once and emails once (invoice_notices kind "suspended",
// which also marks the suspension as ours: only those are lifted automatically, never staff's).

const SUSPENSION_NOTICE = "suspended";
const OVERDUE_STATUSES = ["unpaid", "collections"] as const;

/** An unpaid renewal invoice of the service whose due date is `cutoff` or earlier. */
function overdueRenewalOf(executor: Executor, cutoff: string, invoiceId?: number) {
  return executor
    .select({ id: invoices.id })
    .from(invoices)
    .innerJoin(invoiceLines, eq(invoiceLines.invoiceId, invoices.id))
    .where(
      and(
        eq(invoiceLines.serviceId, services.id),
        eq(invoices.clientId, services.clientId),
        eq(invoices.kind, "renewal"),
        inArray(invoices.status, [...OVERDUE_STATUSES]),
        sql`${invoices.total} > ${invoices.amountPaid}`,
        lte(invoices.dueDate, cutoff),
        invoiceId === undefined ? undefined : eq(invoices.id, invoiceId),
      ),
    );
}

/** The service was suspended by this job: one of its renewal invoices carries the suspension notice. */
function suspendedByUs(executor: Executor) {
  return executor
    .select({ one: sql`1` })
    .from(invoiceNotices)
    .innerJoin(invoiceLines, eq(invoiceLines.invoiceId, invoiceNotices.invoiceId))
    .innerJoin(invoices, eq(invoices.id, invoiceNotices.invoiceId))
    .where(and(eq(invoiceNotices.kind, SUSPENSION_NOTICE), eq(invoiceLines.serviceId, services.id), eq(invoices.clientId, services.clientId)));
}

async function serverFor(executor: Executor, service: { serverId: number | null; username: string | null }): Promise<PanelServer | null> {
  if (service.serverId === null || service.username === null) return null;
  return loadPanelServer(executor, service.serverId);
}

async function suspendCutoff(executor: Executor, today: string): Promise<string> {
  const { suspendAfterDaysOverdue } = await getBillingSettings(executor);
  return addDays(today, -suspendAfterDaysOverdue);
}

export type SuspensionRunResult = { suspended: number; failed: number };

/** (a) Active services with a renewal invoice unpaid N days after its due date are suspended on the panel; the customer is told once. */
export async function suspendOverdueServices(today: string): Promise<SuspensionRunResult> {
  const db = await getDb();
  const cutoff = await suspendCutoff(db, today);
  const overdue = overdueRenewalOf(db, cutoff).orderBy(asc(invoices.dueDate), asc(invoices.id)).limit(1);
  const rows = await db
    .select({ id: services.id, clientId: services.clientId, invoiceId: sql<number>`(${overdue})`.mapWith(Number) })
    .from(services)
    .where(and(eq(services.status, "active"), exists(overdueRenewalOf(db, cutoff))))
    .orderBy(asc(services.id));

  const result: SuspensionRunResult = { suspended: 0, failed: 0 };
  for (const row of rows) {
    try {
      const outcome = await suspendService(row.id, row.clientId, row.invoiceId, cutoff);
      if (outcome === "suspended") result.suspended += 1;
      if (outcome === "failed") result.failed += 1;
    } catch (error) {
      result.failed += 1;
      console.error(`[service-automation] suspending service ${row.id} failed:`, error);
    }
  }
  return result;
}

async function suspendService(serviceId: number, clientId: number, invoiceId: number, cutoff: string): Promise<"suspended" | "skipped" | "failed"> {
  const db = await getDb();
  // The claim: only an active service whose invoice is still overdue, and the notice recorded with it.
  const claim = await db.transaction(async (tx) => {
    const [service] = await tx
      .update(services)
      .set({ status: "suspended" })
      .where(and(eq(services.id, serviceId), eq(services.clientId, clientId), eq(services.status, "active"), exists(overdueRenewalOf(tx, cutoff, invoiceId))))
      .returning({ id: services.id, serverId: services.serverId, username: services.username });
    if (!service) return null;
    const [notice] = await tx.insert(invoiceNotices).values({ invoiceId, kind: SUSPENSION_NOTICE }).onConflictDoNothing().returning({ invoiceId: invoiceNotices.invoiceId });
    return { ...service, noticeNew: notice !== undefined };
  });
  if (!claim) return "skipped";

  const server = await serverFor(db, claim);
  if (server) {
    try {
      await getProvider("hosting").suspendAccount(server, claim.username!, `Factura vencida ${invoiceId}`);
    } catch (error) {
      console.error(`[service-automation] panel suspension of service ${serviceId} failed, retried next run:`, error);
      // Put the row back as it was, so the next run claims it again (and then sends the email).
      await db.transaction(async (tx) => {
        await tx.update(services).set({ status: "active" }).where(and(eq(services.id, serviceId), eq(services.status, "suspended")));
        if (claim.noticeNew) {
          await tx.delete(invoiceNotices).where(and(eq(invoiceNotices.invoiceId, invoiceId), eq(invoiceNotices.kind, SUSPENSION_NOTICE)));
        }
      });
      return "failed";
    }
  }
  if (claim.noticeNew) await sendServiceSuspendedEmail(serviceId, invoiceId);
  // Paid while the panel was being called: the payment lifted the suspension in our books, perhaps
  // before our panel call landed; lift it on the panel again so the two agree.
  const [now] = await db.select({ status: services.status }).from(services).where(eq(services.id, serviceId));
  if (server && now?.status !== "suspended") {
    await getProvider("hosting")
      .unsuspendAccount(server, claim.username!)
      .catch((error: unknown) => console.error(`[service-automation] re-lifting service ${serviceId} on the panel failed:`, error));
  }
  return "suspended";
}

export type UnsuspendOutcome = "unsuspended" | "skipped" | "failed";

/**
 * (b) A service this job suspended, with no overdue renewal invoice left, is unsuspended on the
 * panel, then marked active. Called after a renewal invoice's payment commits, and by the cron for
 * whatever that missed (a panel outage at the time).
 */
export async function unsuspendServiceIfSettled(serviceId: number, today?: string): Promise<UnsuspendOutcome> {
  const db = await getDb();
  const cutoff = await suspendCutoff(db, today ?? madridToday());
  // The claim: one caller moves it back to active; the panel is then told, and a refusal puts the row back for the cron.
  const [service] = await db
    .update(services)
    .set({ status: "active" })
    .where(and(eq(services.id, serviceId), eq(services.status, "suspended"), exists(suspendedByUs(db)), notExists(overdueRenewalOf(db, cutoff))))
    .returning({ id: services.id, serverId: services.serverId, username: services.username });
  if (!service) return "skipped";
  const server = await serverFor(db, service);
  if (server) {
    try {
      await getProvider("hosting").unsuspendAccount(server, service.username!);
    } catch (error) {
      console.error(`[service-automation] panel unsuspension of service ${serviceId} failed, retried by the cron:`, error);
      await db.update(services).set({ status: "suspended" }).where(and(eq(services.id, serviceId), eq(services.status, "active")));
      return "failed";
    }
  }
  return "unsuspended";
}

export type UnsuspensionRunResult = { unsuspended: number; failed: number };

/** The cron's catch-up of (b): every service we suspended that no longer has an overdue invoice. */
export async function unsuspendSettledServices(today: string): Promise<UnsuspensionRunResult> {
  const db = await getDb();
  const cutoff = await suspendCutoff(db, today);
  const rows = await db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.status, "suspended"), exists(suspendedByUs(db)), notExists(overdueRenewalOf(db, cutoff))))
    .orderBy(asc(services.id));
  const result: UnsuspensionRunResult = { unsuspended: 0, failed: 0 };
  for (const row of rows) {
    const outcome = await unsuspendServiceIfSettled(row.id, today);
    if (outcome === "unsuspended") result.unsuspended += 1;
    if (outcome === "failed") result.failed += 1;
  }
  return result;
}

/**
 * After a payment has committed, for each invoice it completed: an order's invoice provisions its
 * queued services, a renewal invoice lifts the suspension of its services. Never throws.
 */
export async function afterInvoicesPaid(invoiceIds: readonly number[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  try {
    const db = await getDb();
    const paid = await db
      .select({ id: invoices.id, kind: invoices.kind, serviceId: invoiceLines.serviceId })
      .from(invoices)
      .leftJoin(invoiceLines, eq(invoiceLines.invoiceId, invoices.id))
      .where(and(inArray(invoices.id, [...invoiceIds]), inArray(invoices.kind, ["order", "renewal"]), eq(invoices.status, "paid")));
    for (const invoiceId of new Set(paid.filter((row) => row.kind === "order").map((row) => row.id))) {
      await provisionQueuedServicesOfInvoice(invoiceId);
    }
    for (const serviceId of new Set(paid.flatMap((row) => (row.kind === "renewal" && row.serviceId !== null ? [row.serviceId] : [])))) {
      await unsuspendServiceIfSettled(serviceId);
    }
    // Registrar orders of any paid invoice (domain register/transfer/renew, ID protection).
    await fulfilDomainOrdersOfInvoices(invoiceIds);
  } catch (error) {
    console.error(`[service-automation] after payment of invoices ${invoiceIds.join(", ")}:`, error);
  }
}

export type CancellationRunResult = { carriedOut: number; terminated: number; failed: number };

/**
 * (c) Open cancellation requests that are due (immediate ones at once, end-of-period ones on their
 * effective date): the request is claimed (open -> done) in the transaction that cancels the
 * service, its unpaid renewal invoices and, if asked, the domain's auto-renewal; then the account is
 * terminated on the panel. A service left "cancelled" with an account (the panel failed) is
 * terminated by a later run.
 */
export async function carryOutCancellations(today: string): Promise<CancellationRunResult> {
  const db = await getDb();
  const due = await db
    .select({ id: cancellationRequests.id, clientId: cancellationRequests.clientId, serviceId: cancellationRequests.serviceId })
    .from(cancellationRequests)
    .where(
      and(
        eq(cancellationRequests.status, "open"),
        or(
          eq(cancellationRequests.type, "immediate"),
          and(eq(cancellationRequests.type, "end_of_period"), lte(cancellationRequests.effectiveDate, today)),
        ),
      ),
    )
    .orderBy(asc(cancellationRequests.id));

  const result: CancellationRunResult = { carriedOut: 0, terminated: 0, failed: 0 };
  for (const request of due) {
    try {
      if (await cancelInBooks(request)) {
        result.carriedOut += 1;
        await sendServiceCancelledEmail(request.serviceId);
      }
    } catch (error) {
      result.failed += 1;
      console.error(`[service-automation] cancellation request ${request.id} failed:`, error);
    }
  }

  // Terminations still owed on the panel: this run's, and earlier runs' that the panel refused.
  const owed = await db
    .select({ id: services.id, serverId: services.serverId, username: services.username })
    .from(services)
    .where(
      and(
        eq(services.status, "cancelled"),
        isNotNull(services.username),
        isNotNull(services.serverId),
        exists(
          db
            .select({ one: sql`1` })
            .from(cancellationRequests)
            .where(and(eq(cancellationRequests.serviceId, services.id), eq(cancellationRequests.clientId, services.clientId), eq(cancellationRequests.status, "done"))),
        ),
      ),
    )
    .orderBy(asc(services.id));
  for (const service of owed) {
    const terminated = await terminateOnPanel(service);
    if (terminated === true) result.terminated += 1;
    if (terminated === false) result.failed += 1;
  }
  return result;
}

export type CancellationRequestRef = { id: number; clientId: number; serviceId: number };

/**
 * One open request carried out now, whatever its date: the cron's own two steps (the books, then the
 * panel), so staff's "Cancelar ahora" terminates the account exactly as the cron would. `inClaim`
 * runs inside the claiming transaction (staff's audit entry). "not_open" when another run, the cron
 * or a second click, got there first or the request is no longer open: nothing is done twice.
 */
export async function carryOutCancellationRequest(
  request: CancellationRequestRef,
  inClaim?: (tx: Transaction) => Promise<void>,
): Promise<{ outcome: "carried_out"; terminated: boolean | null } | { outcome: "not_open" }> {
  if (!(await cancelInBooks(request, inClaim))) return { outcome: "not_open" };
  // Whoever carried it out (the cron or staff), the account is told once: only one claim above succeeds.
  await sendServiceCancelledEmail(request.serviceId);
  const db = await getDb();
  const [service] = await db
    .select({ id: services.id, serverId: services.serverId, username: services.username })
    .from(services)
    .where(and(eq(services.id, request.serviceId), eq(services.clientId, request.clientId), eq(services.status, "cancelled")));
  // A service with no account (never provisioned) has nothing to terminate; a panel refusal is left to the cron's catch-up.
  const terminated = service && service.username !== null && service.serverId !== null ? await terminateOnPanel(service) : null;
  return { outcome: "carried_out", terminated };
}

async function cancelInBooks(request: CancellationRequestRef, inClaim?: (tx: Transaction) => Promise<void>): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // The billing lock order: the client first, then its invoices.
    await lockClient(tx, request.clientId);
    const [claimed] = await tx
      .update(cancellationRequests)
      .set({ status: "done", processedAt: new Date() })
      .where(and(eq(cancellationRequests.id, request.id), eq(cancellationRequests.clientId, request.clientId), eq(cancellationRequests.status, "open")))
      .returning({ keepDomainRenewal: cancellationRequests.keepDomainRenewal });
    if (!claimed) return false;
    if (inClaim) await inClaim(tx);
    const [service] = await tx
      .select({ id: services.id, domain: services.domain, status: services.status })
      .from(services)
      .where(and(eq(services.id, request.serviceId), eq(services.clientId, request.clientId)))
      .for("update");
    if (!service) return true;
    if (service.status !== "terminated" && service.status !== "cancelled") {
      await tx.update(services).set({ status: "cancelled" }).where(eq(services.id, service.id));
    }
    // Unpaid renewal invoices of this service, untouched by any payment (money on one stays for staff).
    await tx
      .update(invoices)
      .set({ status: "cancelled" })
      .where(
        and(
          eq(invoices.clientId, request.clientId),
          eq(invoices.kind, "renewal"),
          eq(invoices.status, "unpaid"),
          eq(invoices.amountPaid, 0),
          inArray(invoices.id, tx.select({ id: invoiceLines.invoiceId }).from(invoiceLines).where(eq(invoiceLines.serviceId, service.id))),
        ),
      );
    if (claimed.keepDomainRenewal === 0) {
      await tx
        .update(domains)
        .set({ autoRenew: false })
        .where(and(eq(domains.clientId, request.clientId), sql`lower(${domains.name}) = lower(${service.domain})`));
    }
    return true;
  });
}

/** Claimed (cancelled -> terminated) before the panel call, so concurrent runs call it once; a refusal puts it back. */
async function terminateOnPanel(service: { id: number; serverId: number | null; username: string | null }): Promise<boolean | null> {
  const db = await getDb();
  const [claimed] = await db
    .update(services)
    .set({ status: "terminated" })
    .where(and(eq(services.id, service.id), eq(services.status, "cancelled")))
    .returning({ id: services.id });
  if (!claimed) return null;
  const server = await serverFor(db, service);
  if (!server) return true;
  try {
    await getProvider("hosting").terminateAccount(server, service.username!);
  } catch (error) {
    // Already gone (a retry after a lost answer, or removed by staff): the goal is reached.
    if (isHostingPanelError(error) && error.code === "not_found") return true;
    console.error(`[service-automation] panel termination of service ${service.id} failed, retried next run:`, error);
    await db.update(services).set({ status: "cancelled" }).where(and(eq(services.id, service.id), eq(services.status, "terminated")));
    return false;
  }
  return true;
}

export type ServiceAutomationResult = {
  provisioning: ProvisioningRunResult;
  cancellations: CancellationRunResult;
  suspensions: SuspensionRunResult;
  unsuspensions: UnsuspensionRunResult;
};

/** The cron's service jobs, after renewals and notices: retries, cancellations, then suspensions and their lifting. */
export async function runServiceAutomation(today: string): Promise<ServiceAutomationResult> {
  const provisioning = await runProvisioningRetries();
  const cancellations = await carryOutCancellations(today);
  const suspensions = await suspendOverdueServices(today);
  const unsuspensions = await unsuspendSettledServices(today);
  return { provisioning, cancellations, suspensions, unsuspensions };
}
