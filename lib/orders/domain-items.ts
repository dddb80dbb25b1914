import { and, eq, ne, notInArray } from "drizzle-orm";
import { domains, FINISHED_DOMAIN_STATUSES, invoiceLines, invoices, tldPrices } from "@/db/schema";
import { addMonths, dayMonthYear } from "@/lib/billing/renewals";
import { addDays } from "@/lib/billing/today";
import { parseDomainName } from "@/lib/domains/domain-name";
import { idProtectionPrice, MAX_DOMAIN_YEARS, RENEWABLE_DOMAIN_STATUSES } from "@/lib/domains/orders/id-protection";
import type { CartItemChoices, CartLine, ItemPrice, PricingContext } from "./pricing";
import { storeError, type StoreErrorKey } from "./store-error";

/** A standalone domain item of the cart, priced: what checkout turns into rows. */
export type DomainItemOrder = {
  action: "register" | "transfer" | "renew";
  name: string;
  tld: string;
  years: number;
  /** The client's domain (renew only). */
  domainId: number | null;
  /** The renewal's period starts here (renew only): the domain's next due date or expiry. */
  periodStart: string | null;
  idProtection: boolean;
  dnsManagement: boolean;
  emailForwarding: boolean;
  eppCode: string | null;
  /** What renewing it later costs per the same period (the new domain row's recurring amount). */
  renewAmount: number;
};

const refused = (title: string, error: StoreErrorKey, domain: string | null = null): ItemPrice => ({
  title,
  domain,
  cycles: [],
  lines: [],
  error,
  product: null,
  addon: null,
  domainItem: null,
});

async function tldAmount(context: PricingContext, tld: string, years: number, action: "register" | "transfer" | "renew"): Promise<number | null> {
  const [row] = await context.executor
    .select({ register: tldPrices.register, transfer: tldPrices.transfer, renew: tldPrices.renew })
    .from(tldPrices)
    .where(and(eq(tldPrices.tld, tld), eq(tldPrices.currency, context.client.currency), eq(tldPrices.years, years)));
  return row ? row[action] : null;
}

/**
 * "Registrar", "Transferir" or "Renovar" a domain on its own, priced from tld_prices for its years,
 * plus ID protection per year when chosen; every check made again at checkout.
 */
export async function priceDomainItem(context: PricingContext, item: CartItemChoices): Promise<ItemPrice> {
  const { executor, client, t } = context;
  const years = item.domainYears ?? 1;
  const title = t(item.kind === "domain_register" ? "domainOrders.cart.register" : item.kind === "domain_transfer" ? "domainOrders.cart.transfer" : "domainOrders.cart.renew");
  if (!Number.isInteger(years) || years < 1 || years > MAX_DOMAIN_YEARS) return refused(title, storeError("domainYearsInvalid"), item.domain);
  const lines: CartLine[] = [];

  if (item.kind === "domain_renew") {
    const [domain] =
      item.domainId == null
        ? []
        : await executor
            .select({ id: domains.id, name: domains.name, tld: domains.tld, status: domains.status, expiryDate: domains.expiryDate, nextDueDate: domains.nextDueDate, idProtection: domains.idProtection })
            .from(domains)
            .where(and(eq(domains.id, item.domainId), eq(domains.clientId, client.id)));
    if (!domain) return refused(title, storeError("domainNotYours"));
    if (!(RENEWABLE_DOMAIN_STATUSES as readonly string[]).includes(domain.status) || !domain.expiryDate) return refused(title, storeError("domainNotRenewable"), domain.name);
    const periodStart = domain.nextDueDate ?? domain.expiryDate;
    // A renewal invoice (the cron's or an earlier order's) already bills this period: pay that one.
    const [invoiced] = await executor
      .select({ id: invoiceLines.invoiceId })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(and(eq(invoiceLines.domainId, domain.id), eq(invoiceLines.periodStart, periodStart), eq(invoices.clientId, client.id), ne(invoices.status, "cancelled")))
      .limit(1);
    if (invoiced) return refused(title, storeError("domainRenewalInvoiced"), domain.name);
    const amount = await tldAmount(context, domain.tld, years, "renew");
    if (amount === null) return refused(title, storeError("domainYearsInvalid"), domain.name);
    const periodEnd = addDays(addMonths(periodStart, 12 * years), -1);
    lines.push({
      kind: "domain",
      description: t("domainOrders.lines.renew", { domain: domain.name, years, start: dayMonthYear(periodStart), end: dayMonthYear(periodEnd) }),
      unitAmount: amount,
      periodStart,
      periodEnd,
    });
    return {
      title,
      domain: domain.name,
      cycles: [],
      lines,
      error: null,
      product: null,
      addon: null,
      domainItem: {
        action: "renew",
        name: domain.name,
        tld: domain.tld,
        years,
        domainId: domain.id,
        periodStart,
        idProtection: false,
        dnsManagement: false,
        emailForwarding: false,
        eppCode: null,
        renewAmount: amount,
      },
    };
  }

  const action = item.kind === "domain_register" ? "register" : "transfer";
  if (!item.domain) return refused(title, storeError("domainRequired"));
  const sold = await executor.selectDistinct({ tld: tldPrices.tld }).from(tldPrices).where(eq(tldPrices.currency, client.currency));
  const parsed = parseDomainName(item.domain, sold.map((row) => row.tld));
  if (!parsed.ok) return refused(title, storeError(parsed.error === "domains.errors.unsupportedTld" ? "domainTldNotSold" : "domainInvalid"), item.domain);
  if (!parsed.tld) return refused(title, storeError("domainInvalid"), item.domain);
  const held = await executor
    .select({ clientId: domains.clientId })
    .from(domains)
    .where(and(eq(domains.name, parsed.ascii), notInArray(domains.status, [...FINISHED_DOMAIN_STATUSES])));
  if (held.some((row) => row.clientId === client.id)) return refused(title, storeError("domainAlreadyYours"), parsed.ascii);
  if (held.length > 0) return refused(title, storeError("domainTaken"), parsed.ascii);
  if (action === "transfer" && !item.eppCode?.trim()) return refused(title, storeError("domainEppCodeRequired"), parsed.ascii);
  const amount = await tldAmount(context, parsed.tld, years, action);
  const renewAmount = await tldAmount(context, parsed.tld, 1, "renew");
  if (amount === null || renewAmount === null) return refused(title, storeError("domainYearsInvalid"), parsed.ascii);
  lines.push({
    kind: "domain",
    description: t(action === "register" ? "store.lines.domainRegister" : "store.lines.domainTransfer", { domain: parsed.ascii, years }),
    unitAmount: amount,
  });
  const idProtection = Boolean(item.idProtection);
  if (idProtection) {
    const price = idProtectionPrice(client.currency, years);
    if (price === null) return refused(title, storeError("domainNotRenewable"), parsed.ascii);
    lines.push({ kind: "idProtection", description: t("domainOrders.lines.idProtection", { domain: parsed.ascii, years }), unitAmount: price });
  }
  return {
    title,
    domain: parsed.ascii,
    cycles: [],
    lines,
    error: null,
    product: null,
    addon: null,
    domainItem: {
      action,
      name: parsed.ascii,
      tld: parsed.tld,
      years,
      domainId: null,
      periodStart: null,
      idProtection,
      dnsManagement: Boolean(item.dnsManagement),
      emailForwarding: Boolean(item.emailForwarding),
      eppCode: action === "transfer" ? item.eppCode!.trim() : null,
      renewAmount,
    },
  };
}

