import { and, asc, desc, eq, gte, inArray, lte, ne, notExists, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, domainOrderItems, domainReminderClaims, domains, type DomainReminderStep, type DomainStatus } from "@/db/schema";
import { addDays } from "@/lib/billing/today";
import { retryDomainOrders, type DomainFulfilmentResult } from "@/lib/domains/orders/fulfil-domain-orders";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { getProvider } from "@/lib/providers";
import type { RegistryStatus } from "@/lib/registrar/registrar";

/** Days after expiry in which the domain is "in grace" (still renewable); then it is expired. */
export const DOMAIN_GRACE_DAYS = 30;
/** Domains expiring within this many days (or already past) are synced with the registrar each run. */
const SYNC_WINDOW_DAYS = 30;

export type DomainAutomationResult = {
  orders: DomainFulfilmentResult;
  sync: { synced: number; changed: number; failed: number };
  expired: { grace: number; expired: number };
  reminders: { sent: number; failed: number };
};

/** The cron's domain jobs, in order; each is idempotent (a second run the same day changes nothing). */
export async function runDomainAutomation(today: string, options: { clientIds?: number[] } = {}): Promise<DomainAutomationResult> {
  const orders = await retryDomainOrders({ clientIds: options.clientIds });
  const sync = await syncDomainsWithRegistrar(today);
  const expired = await markExpiredDomains(today);
  const reminders = await sendRenewalReminders(today);
  return { orders, sync, expired, reminders };
}

/** Our status from what the registry says, with the grace period of our own books. */
function statusFrom(registry: RegistryStatus, expiryDate: string | null, today: string): DomainStatus {
  if (registry === "expired" || (registry === "active" && expiryDate !== null && expiryDate < today)) {
    return expiryDate !== null && addDays(expiryDate, DOMAIN_GRACE_DAYS) >= today ? "grace" : "expired";
  }
  return registry;
}

/**
 * Transfers in progress and domains near or past expiry: status and expiry copied from the
 * registrar (a completed transfer becomes active with its expiry). Only changed rows are written.
 */
export async function syncDomainsWithRegistrar(today: string): Promise<DomainAutomationResult["sync"]> {
  const db = await getDb();
  const registrar = getProvider("registrar");
  const rows = await db
    .select({ id: domains.id, clientId: domains.clientId, name: domains.name, status: domains.status, expiryDate: domains.expiryDate })
    .from(domains)
    .where(
      and(
        eq(domains.registrar, registrar.name),
        or(
          // A transfer only once its order has reached the registrar (not while its invoice is unpaid).
          and(
            eq(domains.status, "pending_transfer"),
            notExists(
              db
                .select({ id: domainOrderItems.id })
                .from(domainOrderItems)
                .where(and(eq(domainOrderItems.domainId, domains.id), eq(domainOrderItems.action, "transfer"), ne(domainOrderItems.state, "done"))),
            ),
          ),
          and(inArray(domains.status, ["active", "grace", "redemption"]), lte(domains.expiryDate, addDays(today, SYNC_WINDOW_DAYS))),
        ),
      ),
    )
    .orderBy(asc(domains.id));
  const result = { synced: 0, changed: 0, failed: 0 };
  for (const row of rows) {
    try {
      const info = await registrar.sync(row.name);
      result.synced += 1;
      // A transfer the registry has not completed yet keeps our row as it is.
      if (info.status === "pending_transfer") continue;
      const expiryDate = info.expiryDate ?? row.expiryDate;
      const status = statusFrom(info.status, expiryDate, today);
      if (status === row.status && expiryDate === row.expiryDate) continue;
      const changes: Partial<typeof domains.$inferInsert> = { status, expiryDate };
      // A new expiry (transfer completed, renewed elsewhere) is also the next renewal's due date.
      if (expiryDate !== row.expiryDate) changes.nextDueDate = expiryDate;
      await db
        .update(domains)
        .set(changes)
        .where(and(eq(domains.id, row.id), eq(domains.clientId, row.clientId), eq(domains.status, row.status)));
      result.changed += 1;
    } catch (error) {
      result.failed += 1;
      console.error(`[domain-automation] sync of ${row.name} failed:`, error);
    }
  }
  return result;
}

/** Our own books, whatever the registrar: past expiry -> grace; past the grace period -> expired. */
export async function markExpiredDomains(today: string): Promise<DomainAutomationResult["expired"]> {
  const db = await getDb();
  const grace = await db
    .update(domains)
    .set({ status: "grace" })
    .where(and(eq(domains.status, "active"), sql`${domains.expiryDate} < ${today}::date`, gte(domains.expiryDate, addDays(today, -DOMAIN_GRACE_DAYS))))
    .returning({ id: domains.id });
  const expired = await db
    .update(domains)
    .set({ status: "expired" })
    .where(and(inArray(domains.status, ["active", "grace"]), sql`${domains.expiryDate} < ${addDays(today, -DOMAIN_GRACE_DAYS)}::date`))
    .returning({ id: domains.id });
  return { grace: grace.length, expired: expired.length };
}

/** The reminder due for a domain expiring in `daysLeft` days: the latest step reached, or none. */
export function reminderStepFor(daysLeft: number): DomainReminderStep | null {
  if (daysLeft <= -3) return daysLeft >= -DOMAIN_GRACE_DAYS ? "after3" : null;
  if (daysLeft < 0) return null;
  if (daysLeft <= 1) return "before1";
  if (daysLeft <= 7) return "before7";
  if (daysLeft <= 15) return "before15";
  if (daysLeft <= 30) return "before30";
  return null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Renewal reminders at 30, 15, 7 and 1 days before expiry and 3 days after: for each domain only
 * the latest step reached is sent (a missed run does not send a late 30-day notice after the 7-day
 * one), once per domain, expiry date and step: the claim row is written first, and removed again
 * if the email could not be sent so the next run retries it.
 */
export async function sendRenewalReminders(today: string): Promise<DomainAutomationResult["reminders"]> {
  const db = await getDb();
  const due = await db
    .select({
      id: domains.id,
      clientId: domains.clientId,
      name: domains.name,
      expiryDate: domains.expiryDate,
      autoRenew: domains.autoRenew,
      claimed: sql<string[]>`coalesce(array(select ${domainReminderClaims.step} from ${domainReminderClaims} where ${domainReminderClaims.domainId} = ${domains.id} and ${domainReminderClaims.expiryDate} = ${domains.expiryDate}), '{}')`,
    })
    .from(domains)
    .where(
      and(
        inArray(domains.status, ["active", "grace"]),
        gte(domains.expiryDate, addDays(today, -DOMAIN_GRACE_DAYS)),
        lte(domains.expiryDate, addDays(today, 30)),
      ),
    )
    .orderBy(asc(domains.expiryDate), asc(domains.id));

  const result = { sent: 0, failed: 0 };
  const pending = due.flatMap((row) => {
    const daysLeft = daysBetween(today, row.expiryDate!);
    const step = reminderStepFor(daysLeft);
    return step && !row.claimed.includes(step) ? [{ ...row, expiryDate: row.expiryDate!, daysLeft, step }] : [];
  });
  if (pending.length === 0) return result;
  const clientIds = [...new Set(pending.map((row) => row.clientId))];
  const recipients = await db
    .select({ id: contacts.id, clientId: contacts.clientId, email: contacts.email, firstName: contacts.firstName, isOwner: contacts.isOwner })
    .from(contacts)
    .where(and(inArray(contacts.clientId, clientIds), or(eq(contacts.isOwner, true), sql`(${contacts.emailPreferences} ->> 'domains') = 'true'`)))
    .orderBy(desc(contacts.isOwner), asc(contacts.id));
  const renewUrl = `${env.APP_BASE_URL.replace(/\/+$/, "")}/dominios/renovar`;

  for (const row of pending) {
    const claimed = await db
      .insert(domainReminderClaims)
      .values({ domainId: row.id, expiryDate: row.expiryDate, step: row.step })
      .onConflictDoNothing()
      .returning({ domainId: domainReminderClaims.domainId });
    if (claimed.length === 0) continue;
    const seen = new Set<string>();
    try {
      for (const contact of recipients.filter((candidate) => candidate.clientId === row.clientId)) {
        const key = contact.email.trim().toLowerCase();
        if (!key || seen.has(key)) continue;
        seen.add(key);
        await sendEmail(
          "domain-renewal-reminder",
          { email: contact.email, name: contact.firstName, clientId: row.clientId, contactId: contact.id },
          { name: contact.firstName, domain: row.name, expiryDate: row.expiryDate, daysLeft: row.daysLeft, autoRenew: row.autoRenew, renewUrl },
        );
      }
      result.sent += 1;
    } catch (error) {
      result.failed += 1;
      console.error(`[domain-automation] reminder ${row.step} for ${row.name} failed:`, error);
      if (seen.size <= 1) {
        await db
          .delete(domainReminderClaims)
          .where(and(eq(domainReminderClaims.domainId, row.id), eq(domainReminderClaims.expiryDate, row.expiryDate), eq(domainReminderClaims.step, row.step)));
      }
    }
  }
  return result;
}
