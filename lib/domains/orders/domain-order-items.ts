import { and, eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { domainOrderItems, domains, type DomainOrderAction } from "@/db/schema";
import type { DomainItemOrder } from "@/lib/orders/domain-items";

export type NewDomainOrderItem = {
  domainId: number;
  action: DomainOrderAction;
  years: number;
  idProtection: boolean;
  eppCode: string | null;
};

/**
 * At checkout, inside its transaction: a domain to register or transfer gets its row at once (status
 * pending / pending_transfer, so it is listed in Mis dominios), with the customer's choices of DNS
 * management and email forwarding; a renewal points at the client's domain. Returns the registrar
 * order the invoice's payment will carry out.
 */
export async function createDomainOrderRows(
  tx: Transaction,
  input: { clientId: number; order: DomainItemOrder; today: string; currency: string },
): Promise<NewDomainOrderItem> {
  const { clientId, order, today, currency } = input;
  if (order.action === "renew") {
    return { domainId: order.domainId!, action: "renew", years: order.years, idProtection: false, eppCode: null };
  }
  const [domain] = await tx
    .insert(domains)
    .values({
      clientId,
      name: order.name,
      tld: order.tld,
      status: order.action === "register" ? "pending" : "pending_transfer",
      registrationDate: today,
      registrationPeriodYears: 1,
      recurringAmount: order.renewAmount,
      currency,
      nameservers: [],
      idProtection: false,
      dnsManagement: order.dnsManagement,
      emailForwarding: order.emailForwarding,
    })
    .returning({ id: domains.id });
  return { domainId: domain!.id, action: order.action, years: order.years, idProtection: order.idProtection, eppCode: order.eppCode };
}

/** The registrar orders of one invoice, waiting for its payment (queued at once when it is already paid). */
export async function recordDomainOrderItems(
  executor: Executor,
  input: { clientId: number; invoiceId: number; orderId: number | null; paid: boolean; items: NewDomainOrderItem[] },
): Promise<void> {
  if (input.items.length === 0) return;
  await executor.insert(domainOrderItems).values(
    input.items.map((item) => ({
      clientId: input.clientId,
      invoiceId: input.invoiceId,
      orderId: input.orderId,
      domainId: item.domainId,
      action: item.action,
      years: item.years,
      idProtection: item.idProtection,
      eppCode: item.eppCode,
      state: input.paid ? ("queued" as const) : ("awaiting_payment" as const),
    })),
  );
}

/**
 * Inside the transaction that records an invoice's final payment (the invoice row is locked): its
 * registrar orders become "queued". Only rows still awaiting payment move, so a payment reported
 * twice or concurrently (which waits for the same lock, then finds the invoice paid) queues nothing
 * twice. The registrar is called after commit, never here.
 */
export async function queueDomainOrderItems(tx: Transaction, invoice: { id: number; clientId: number }): Promise<number> {
  const queued = await tx
    .update(domainOrderItems)
    .set({ state: "queued", updatedAt: new Date() })
    .where(and(eq(domainOrderItems.invoiceId, invoice.id), eq(domainOrderItems.clientId, invoice.clientId), eq(domainOrderItems.state, "awaiting_payment")))
    .returning({ id: domainOrderItems.id });
  return queued.length;
}

/** A cancelled invoice of the client's (inside the transaction that cancels it): its registrar orders will never be paid. */
export async function cancelDomainOrderItems(tx: Transaction, invoice: { id: number; clientId: number }): Promise<void> {
  await tx
    .update(domainOrderItems)
    .set({ state: "cancelled", updatedAt: new Date() })
    .where(and(eq(domainOrderItems.invoiceId, invoice.id), eq(domainOrderItems.clientId, invoice.clientId), eq(domainOrderItems.state, "awaiting_payment")));
}
