import { and, asc, eq, inArray, ne, notInArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cartItems, domainOrderItems, domains, invoiceLines, invoices, tldPrices, type DomainOrderAction, type DomainOrderState, type DomainStatus } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { addDomainItemsToCart, type CartResult } from "@/lib/orders/cart";
import type { CartItemChoices } from "@/lib/orders/pricing";
import { getClientCurrency } from "../client-currency";
import { RENEWABLE_DOMAIN_STATUSES } from "./id-protection";

const BLANK = { productId: null, addonId: null, serviceId: null, billingCycle: null, domainChoice: null, configChoices: {} } as const;

export type RenewableDomain = {
  id: number;
  name: string;
  status: DomainStatus;
  expiryDate: string;
  /** A renewal invoice or cart item already covers its next period: it cannot be ordered again. */
  alreadyOrdered: boolean;
  /** Renewal price per number of years offered for its extension. */
  prices: { years: number; amount: number }[];
};

/**
 * "Renovar dominios" (§5.1.4): the client's domains that can be renewed, soonest expiry first, with
 * the renewal prices of their extensions; three statements however many domains.
 */
export async function listRenewableDomains(scope: ClientScope): Promise<{ currency: string; domains: RenewableDomain[] }> {
  const db = await getDb();
  const currency = await getClientCurrency(scope);
  const rows = await db
    .select({ id: domains.id, name: domains.name, tld: domains.tld, status: domains.status, expiryDate: domains.expiryDate, nextDueDate: domains.nextDueDate })
    .from(domains)
    .where(and(eq(domains.clientId, scope.clientId), inArray(domains.status, [...RENEWABLE_DOMAIN_STATUSES])))
    .orderBy(asc(domains.expiryDate), asc(domains.id));
  const dated = rows.filter((row) => row.expiryDate !== null);
  if (dated.length === 0) return { currency, domains: [] };
  const tlds = [...new Set(dated.map((row) => row.tld))];
  const ids = dated.map((row) => row.id);
  const [prices, invoiced, inCart] = await Promise.all([
    db
      .select({ tld: tldPrices.tld, years: tldPrices.years, renew: tldPrices.renew })
      .from(tldPrices)
      .where(and(eq(tldPrices.currency, currency), inArray(tldPrices.tld, tlds)))
      .orderBy(asc(tldPrices.years)),
    db
      .select({ domainId: invoiceLines.domainId, periodStart: invoiceLines.periodStart })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(and(eq(invoices.clientId, scope.clientId), inArray(invoiceLines.domainId, ids), ne(invoices.status, "cancelled"))),
    db
      .select({ domainId: cartItems.domainId })
      .from(cartItems)
      .where(and(eq(cartItems.clientId, scope.clientId), eq(cartItems.kind, "domain_renew"))),
  ]);
  return {
    currency,
    domains: dated.map((row) => {
      const periodStart = row.nextDueDate ?? row.expiryDate!;
      return {
        id: row.id,
        name: row.name,
        status: row.status,
        expiryDate: row.expiryDate!,
        alreadyOrdered:
          invoiced.some((line) => line.domainId === row.id && line.periodStart === periodStart) || inCart.some((item) => item.domainId === row.id),
        prices: prices.filter((price) => price.tld === row.tld).map((price) => ({ years: price.years, amount: price.renew })),
      };
    }),
  };
}

/** "Pedir ahora": the ticked domains, each for its years, into the cart (all or none). */
export async function addRenewalsToCart(scope: ClientScope, renewals: { domainId: number; years: number }[]): Promise<CartResult & { domain?: string }> {
  return addDomainItemsToCart(
    scope,
    renewals.map((renewal): CartItemChoices => ({ ...BLANK, kind: "domain_renew", domainId: renewal.domainId, domain: null, domainYears: renewal.years })),
  );
}

export type NewDomainChoices = {
  domain: string;
  years: number;
  idProtection: boolean;
  dnsManagement: boolean;
  emailForwarding: boolean;
};

export async function addRegistrationToCart(scope: ClientScope, input: NewDomainChoices): Promise<CartResult> {
  return addDomainItemsToCart(scope, [{ ...BLANK, kind: "domain_register", domain: input.domain, domainYears: input.years, idProtection: input.idProtection, dnsManagement: input.dnsManagement, emailForwarding: input.emailForwarding }]);
}

export async function addTransferToCart(scope: ClientScope, input: NewDomainChoices & { eppCode: string }): Promise<CartResult> {
  return addDomainItemsToCart(scope, [
    { ...BLANK, kind: "domain_transfer", domain: input.domain, domainYears: 1, eppCode: input.eppCode, idProtection: input.idProtection, dnsManagement: input.dnsManagement, emailForwarding: input.emailForwarding },
  ]);
}

/** The years a domain can be registered for in this currency (from tld_prices). */
export async function orderableYears(scope: ClientScope): Promise<number[]> {
  const db = await getDb();
  const currency = await getClientCurrency(scope);
  const rows = await db.selectDistinct({ years: tldPrices.years }).from(tldPrices).where(eq(tldPrices.currency, currency)).orderBy(asc(tldPrices.years));
  return rows.map((row) => row.years);
}

export type OpenDomainOrder = { id: number; domain: string; action: DomainOrderAction; state: DomainOrderState; lastError: string | null };

/** The client's registrar orders paid or being carried out, and those that failed (with the reason): one statement. */
export async function listOpenDomainOrders(scope: ClientScope): Promise<OpenDomainOrder[]> {
  const db = await getDb();
  return db
    .select({ id: domainOrderItems.id, domain: domains.name, action: domainOrderItems.action, state: domainOrderItems.state, lastError: domainOrderItems.lastError })
    .from(domainOrderItems)
    .innerJoin(domains, and(eq(domains.id, domainOrderItems.domainId), eq(domains.clientId, domainOrderItems.clientId)))
    .where(and(eq(domainOrderItems.clientId, scope.clientId), notInArray(domainOrderItems.state, ["done", "cancelled", "awaiting_payment"])))
    .orderBy(asc(domainOrderItems.id));
}
