import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { cartItems, carts, domains, orders, serviceAddons, serviceConfigOptions, services } from "@/db/schema";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { afterCommit } from "@/lib/billing/after-commit";
import { sendInvoiceCreatedEmail, sendPaymentReceivedEmail } from "@/lib/billing/billing-emails";
import { createInvoice, type NewInvoiceLine } from "@/lib/billing/create-invoice";
import { queueOrderProvisioning } from "@/lib/services/provision-queue";
import { afterInvoicesPaid } from "@/lib/services/service-automation";
import { lockClient } from "@/lib/billing/credit";
import { madridToday } from "@/lib/billing/today";
import { createDomainOrderRows, recordDomainOrderItems, type NewDomainOrderItem } from "@/lib/domains/orders/domain-order-items";
import { priceCart, type PricedCartItem } from "./pricing";
import { takePromoUse } from "./promo";
import { storeError, type StoreErrorKey } from "./store-error";

export type CheckoutResult =
  | { ok: true; orderId: number; reference: string; invoiceId: number; paid: boolean }
  | { ok: false; error: StoreErrorKey | "errors.forbidden" };

class CheckoutRefused extends Error {
  constructor(readonly key: StoreErrorKey) {
    super(key);
  }
}

/**
 * "Realizar pedido": one transaction prices the cart again on the server, creates the order, takes
 * the promo code's use (atomically, or the whole order rolls back), creates the services (pending,
 * not yet provisioned), their options and addons, the domains to register or transfer, the order's
 * invoice, and empties the cart. The client row is locked first, so a second submit waits and then
 * finds the cart empty: one order however many times the button is pressed.
 */
export async function checkout(user: SessionUser): Promise<CheckoutResult> {
  if (!hasPermission(user, "orders")) return { ok: false, error: "errors.forbidden" };
  const db = await getDb();
  let outcome: { orderId: number; reference: string; invoiceId: number; paid: boolean };
  try {
    outcome = await db.transaction((tx) => placeOrder(tx, user));
  } catch (error) {
    if (error instanceof CheckoutRefused) return { ok: false, error: error.key };
    throw error;
  }
  await afterCommit("invoice created email", () => sendInvoiceCreatedEmail(outcome.invoiceId));
  if (outcome.paid) {
    await afterCommit("payment received email", () => sendPaymentReceivedEmail(outcome.invoiceId));
    await afterInvoicesPaid([outcome.invoiceId]);
  }
  return { ok: true, ...outcome };
}

async function placeOrder(tx: Transaction, user: SessionUser) {
  const scope = user.scope;
  if (!(await lockClient(tx, scope.clientId))) throw new CheckoutRefused(storeError("cartEmpty"));
  // Priced in the client's language: the invoice's lines are fixed at issue, as a legal document.
  const cart = await priceCart(tx, scope);
  if (cart.cartId === null || cart.items.length === 0) throw new CheckoutRefused(storeError("cartEmpty"));
  if (cart.promo?.refusal) throw new CheckoutRefused(cart.promo.refusal);
  const broken = cart.items.find((item) => item.error);
  if (broken) throw new CheckoutRefused(storeError("cartHasErrors"));

  const today = madridToday();
  const [order] = await tx
    .insert(orders)
    .values({
      clientId: scope.clientId,
      // Unique placeholder, replaced by the id-based reference below (as invoices do).
      reference: `ORD-T-${randomUUID().replaceAll("-", "").slice(0, 24)}`,
      status: "pending",
      promoCodeId: cart.promo?.promo?.id ?? null,
      createdByContactId: user.contactId,
    })
    .returning({ id: orders.id });
  const orderId = order!.id;
  const reference = `ORD-${String(orderId).padStart(6, "0")}`;

  const promo = cart.promo?.promo ?? null;
  if (promo && !(await takePromoUse(tx, { promoCodeId: promo.id, orderId, clientId: scope.clientId }))) {
    throw new CheckoutRefused(storeError("promoExhausted"));
  }

  const lines: NewInvoiceLine[] = [];
  const domainOrders: NewDomainOrderItem[] = [];
  for (const item of cart.items) {
    if (item.domainItem) {
      // A standalone domain: its row now (listed in Mis dominios at once), the registrar when paid.
      const domainOrder = await createDomainOrderRows(tx, { clientId: scope.clientId, order: item.domainItem, today, currency: cart.currency });
      domainOrders.push(domainOrder);
      lines.push(...item.lines.map((line) => ({ description: line.description, unitAmount: line.unitAmount, ...(line.periodStart ? { periodStart: line.periodStart, periodEnd: line.periodEnd } : {}), domainId: domainOrder.domainId })));
      continue;
    }
    lines.push(...(await createItemRows(tx, scope.clientId, orderId, item, today, promo?.recurring ?? false, cart.currency, domainOrders)));
  }

  const invoice = await createInvoice(tx, { clientId: scope.clientId, kind: "order", lines, issueDate: today, notes: reference });
  await tx.update(orders).set({ reference, invoiceId: invoice.invoiceId }).where(and(eq(orders.id, orderId), eq(orders.clientId, scope.clientId)));
  // Paid at once (credit, or nothing to pay): the invoice was issued before the order pointed at it, so queue its services now.
  if (invoice.paid) await queueOrderProvisioning(tx, { id: invoice.invoiceId, clientId: scope.clientId, kind: "order" });
  await recordDomainOrderItems(tx, { clientId: scope.clientId, invoiceId: invoice.invoiceId, orderId, paid: invoice.paid, items: domainOrders });
  await tx.delete(cartItems).where(and(eq(cartItems.cartId, cart.cartId), eq(cartItems.clientId, scope.clientId)));
  await tx.update(carts).set({ promoCode: null }).where(and(eq(carts.id, cart.cartId), eq(carts.clientId, scope.clientId)));
  return { orderId, reference, invoiceId: invoice.invoiceId, paid: invoice.paid };
}

/** The rows one cart item becomes, and its invoice lines pointing at them. */
async function createItemRows(
  tx: Transaction,
  clientId: number,
  orderId: number,
  item: PricedCartItem,
  today: string,
  recurringPromo: boolean,
  currency: string,
  domainOrders: NewDomainOrderItem[],
): Promise<NewInvoiceLine[]> {
  const toLine = (line: PricedCartItem["lines"][number], ids: { serviceId?: number; domainId?: number }): NewInvoiceLine => ({
    description: line.description,
    unitAmount: line.unitAmount,
    ...(line.periodStart ? { periodStart: line.periodStart, periodEnd: line.periodEnd } : {}),
    ...ids,
  });

  if (item.addon) {
    const addon = item.addon;
    await tx.insert(serviceAddons).values({
      clientId,
      serviceId: addon.serviceId,
      addonId: addon.addonId,
      status: "pending",
      billingCycle: addon.billingCycle,
      recurringAmount: addon.recurringAmount,
      currency,
      registrationDate: today,
      nextDueDate: addon.nextDueDate,
    });
    return item.lines.map((line) => toLine(line, { serviceId: addon.serviceId }));
  }

  const product = item.product!;
  const serviceLines = item.lines.filter((line) => line.kind !== "domain");
  const firstPaymentAmount = serviceLines.reduce((sum, line) => sum + line.unitAmount, 0);
  const [service] = await tx
    .insert(services)
    .values({
      clientId,
      productId: product.productId,
      serverId: null,
      domain: product.domain,
      status: "pending",
      billingCycle: product.billingCycle,
      firstPaymentAmount,
      recurringAmount: product.recurringAmount - (recurringPromo ? item.discount : 0),
      currency,
      registrationDate: today,
      nextDueDate: product.nextDueDate,
      orderId,
      provisionState: null,
    })
    .returning({ id: services.id });
  const serviceId = service!.id;
  if (product.options.length > 0) {
    await tx.insert(serviceConfigOptions).values(product.options.map((option) => ({ serviceId, name: option.name, value: option.value })));
  }

  let domainId: number | undefined;
  if (product.domainOrder) {
    const [domain] = await tx
      .insert(domains)
      .values({
        clientId,
        name: product.domainOrder.name,
        tld: product.domainOrder.tld,
        status: product.domainOrder.action === "register" ? "pending" : "pending_transfer",
        registrationDate: today,
        registrationPeriodYears: product.domainOrder.years,
        recurringAmount: product.domainOrder.renewAmount,
        currency,
        nameservers: [],
      })
      .returning({ id: domains.id });
    domainId = domain!.id;
    // The hosting's new domain is registered at the registrar when the invoice is paid, like a standalone one.
    // (A transfer needs its EPP code, which the store's form does not ask for: staff start those.)
    if (product.domainOrder.action === "register") {
      domainOrders.push({ domainId, action: "register", years: product.domainOrder.years, idProtection: false, eppCode: null });
    }
  }
  return item.lines.map((line) => toLine(line, line.kind === "domain" ? { domainId } : { serviceId }));
}
