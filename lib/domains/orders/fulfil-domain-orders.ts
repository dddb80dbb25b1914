import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { clients, domainOrderItems, domains } from "@/db/schema";
import { madridToday } from "@/lib/billing/today";
import { getProvider } from "@/lib/providers";
import { contactFromClient } from "@/lib/registrar/contact-from-client";
import { RegistrarError, type RegistrarErrorCode } from "@/lib/registrar/registrar";
import { DOMAIN_SETTINGS } from "@/lib/settings/settings-values";

/** A claim older than this was left by a worker that died mid-call; the cron takes it again. */
const STALE_CLAIM_MS = 10 * 60 * 1000;
/** Refused or failed orders are retried by the cron this many times in all. */
export const MAX_DOMAIN_ORDER_ATTEMPTS = 5;

export type DomainFulfilmentResult = { done: number; failed: number };

type ClaimedItem = typeof domainOrderItems.$inferSelect;

/**
 * After the payment's transaction has committed: each queued registrar order of these invoices is
 * claimed by one UPDATE … RETURNING (queued -> processing), so of two concurrent callers only one
 * reaches the registrar; then the registrar is called outside any transaction, and only what it
 * accepted is written. A refusal leaves the order "failed" with its code for the cron to retry.
 */
export async function fulfilDomainOrdersOfInvoices(invoiceIds: readonly number[]): Promise<DomainFulfilmentResult> {
  if (invoiceIds.length === 0) return { done: 0, failed: 0 };
  const db = await getDb();
  const queued = await db
    .select({ id: domainOrderItems.id })
    .from(domainOrderItems)
    .where(and(inArray(domainOrderItems.invoiceId, [...invoiceIds]), eq(domainOrderItems.state, "queued")))
    .orderBy(asc(domainOrderItems.id));
  return fulfilItems(queued.map((row) => row.id));
}

/**
 * The cron: queued orders nobody took, failed ones with attempts left, and claims left by a dead
 * worker; `clientIds` limits it to some clients (staff retrying one account, tests sharing a database).
 */
export async function retryDomainOrders(options: { now?: Date; clientIds?: number[] } = {}): Promise<DomainFulfilmentResult> {
  const now = options.now ?? new Date();
  const db = await getDb();
  const open = await db
    .select({ id: domainOrderItems.id })
    .from(domainOrderItems)
    .where(
      and(
        options.clientIds ? inArray(domainOrderItems.clientId, options.clientIds) : undefined,
        or(
          eq(domainOrderItems.state, "queued"),
          and(eq(domainOrderItems.state, "failed"), lt(domainOrderItems.attempts, MAX_DOMAIN_ORDER_ATTEMPTS)),
          and(eq(domainOrderItems.state, "processing"), lt(domainOrderItems.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))),
        ),
      ),
    )
    .orderBy(asc(domainOrderItems.id));
  return fulfilItems(open.map((row) => row.id), now);
}

async function fulfilItems(ids: number[], now = new Date()): Promise<DomainFulfilmentResult> {
  const result: DomainFulfilmentResult = { done: 0, failed: 0 };
  for (const id of ids) {
    const item = await claim(id, now);
    if (!item) continue;
    try {
      await carryOut(item);
      result.done += 1;
    } catch (error) {
      result.failed += 1;
      const code: RegistrarErrorCode = error instanceof RegistrarError ? error.code : "unavailable";
      if (!(error instanceof RegistrarError)) console.error(`[domain-orders] order item ${item.id} (${item.action}) failed:`, error);
      const db = await getDb();
      await db
        .update(domainOrderItems)
        .set({ state: "failed", lastError: code, updatedAt: new Date() })
        .where(and(eq(domainOrderItems.id, item.id), eq(domainOrderItems.state, "processing")));
    }
  }
  return result;
}

/** One statement decides who works on the order: whoever gets the row back. */
async function claim(id: number, now: Date): Promise<ClaimedItem | null> {
  const db = await getDb();
  const [claimed] = await db
    .update(domainOrderItems)
    .set({ state: "processing", claimedAt: now, attempts: sql`${domainOrderItems.attempts} + 1`, updatedAt: now })
    .where(
      and(
        eq(domainOrderItems.id, id),
        or(
          eq(domainOrderItems.state, "queued"),
          and(eq(domainOrderItems.state, "failed"), lt(domainOrderItems.attempts, MAX_DOMAIN_ORDER_ATTEMPTS)),
          and(eq(domainOrderItems.state, "processing"), or(isNull(domainOrderItems.claimedAt), lt(domainOrderItems.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS)))),
        ),
      ),
    )
    .returning();
  return claimed ?? null;
}

async function carryOut(item: ClaimedItem): Promise<void> {
  const db = await getDb();
  const registrar = getProvider("registrar");
  const [row] = await db
    .select({ domain: domains, client: clients })
    .from(domains)
    .innerJoin(clients, eq(clients.id, domains.clientId))
    .where(and(eq(domains.id, item.domainId), eq(domains.clientId, item.clientId)));
  if (!row) throw new RegistrarError("not_found", `domain ${item.domainId} of order item ${item.id} is gone`);
  const { domain, client } = row;
  const nameservers = domain.useDefaultNameservers || domain.nameservers.length === 0 ? DOMAIN_SETTINGS.defaultNameservers : domain.nameservers;

  if (item.action === "register") {
    const contact = await contactFromClient(db, client);
    const { expiryDate } = await registrar.register({
      name: domain.name,
      years: item.years,
      nameservers,
      contacts: { registrant: contact, admin: contact, tech: contact },
      idProtection: item.idProtection,
    });
    await db.transaction(async (tx) => {
      await tx
        .update(domains)
        .set({ status: "active", registrar: registrar.name, registrationDate: madridToday(), expiryDate, nextDueDate: expiryDate, idProtection: item.idProtection })
        .where(and(eq(domains.id, domain.id), eq(domains.clientId, item.clientId)));
      await markDone(tx, item.id);
    });
    return;
  }

  if (item.action === "transfer") {
    const contact = await contactFromClient(db, client);
    await registrar.transfer({
      name: domain.name,
      eppCode: item.eppCode ?? "",
      nameservers,
      contacts: { registrant: contact, admin: contact, tech: contact },
      idProtection: item.idProtection,
    });
    // pending_transfer until the registrar's sync says the losing registrar let it go.
    await db.transaction(async (tx) => {
      await tx
        .update(domains)
        .set({ status: "pending_transfer", registrar: registrar.name, idProtection: item.idProtection })
        .where(and(eq(domains.id, domain.id), eq(domains.clientId, item.clientId)));
      await markDone(tx, item.id);
    });
    return;
  }

  if (item.action === "renew") {
    if (!domain.expiryDate) throw new RegistrarError("rejected", `domain ${domain.name} has no expiry date to renew from`);
    const currentExpiryDate = domain.expiryDate;
    let expiryDate: string;
    try {
      ({ expiryDate } = await registrar.renew({ name: domain.name, years: item.years, currentExpiryDate }));
    } catch (error) {
      // A worker that died after the registrar renewed: the registry already shows the renewed date.
      const renewedBefore = error instanceof RegistrarError && error.code === "rejected" && item.attempts > 1 ? await renewedAlready(domain.name, currentExpiryDate, item.years) : null;
      if (!renewedBefore) throw error;
      expiryDate = renewedBefore;
    }
    await db.transaction(async (tx) => {
      await tx
        .update(domains)
        .set({ status: "active", expiryDate, nextDueDate: expiryDate })
        .where(and(eq(domains.id, domain.id), eq(domains.clientId, item.clientId), eq(domains.expiryDate, currentExpiryDate)));
      await markDone(tx, item.id);
    });
    return;
  }

  // id_protection: a year (or more) of ID protection bought on the Complementos page.
  await registrar.setIdProtection(domain.name, true);
  await db.transaction(async (tx) => {
    await tx.update(domains).set({ idProtection: true }).where(and(eq(domains.id, domain.id), eq(domains.clientId, item.clientId)));
    await markDone(tx, item.id);
  });
}

async function renewedAlready(name: string, currentExpiryDate: string, years: number): Promise<string | null> {
  const info = await getProvider("registrar").sync(name);
  const expected = `${Number(currentExpiryDate.slice(0, 4)) + years}${currentExpiryDate.slice(4)}`;
  return info.expiryDate && info.expiryDate.slice(0, 7) === expected.slice(0, 7) ? info.expiryDate : null;
}

async function markDone(tx: Transaction, id: number): Promise<void> {
  await tx
    .update(domainOrderItems)
    .set({ state: "done", doneAt: new Date(), lastError: null, eppCode: null, updatedAt: new Date() })
    .where(eq(domainOrderItems.id, id));
}
