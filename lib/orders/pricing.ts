import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  addonProducts,
  addons,
  cartItems,
  carts,
  clients,
  domains,
  FINISHED_DOMAIN_STATUSES,
  services,
  tldPrices,
  type BillingCycle,
  type CartItemKind,
  type DomainChoice,
} from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { priceLines } from "@/lib/billing/price-lines";
import { CYCLE_MONTHS, addMonths, dayMonthYear } from "@/lib/billing/renewals";
import { taxRuleFor } from "@/lib/billing/tax";
import { addDays, madridToday } from "@/lib/billing/today";
import { parseDomainName } from "@/lib/domains/domain-name";
import { formatAmount } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { getOrderableProduct, type CyclePrice } from "./catalogue";
import { priceDomainItem, type DomainItemOrder } from "./domain-items";
import { findPromoCode, promoAppliesTo, promoDiscount, promoRefusal, type PromoCode } from "./promo";
import { storeError, type StoreErrorKey } from "./store-error";

/** What a cart item holds: the customer's choices, never an amount. */
export type CartItemChoices = {
  kind: CartItemKind;
  productId: number | null;
  addonId: number | null;
  serviceId: number | null;
  billingCycle: BillingCycle | null;
  domain: string | null;
  domainChoice: DomainChoice | null;
  domainYears: number | null;
  configChoices: Record<string, number>;
  /** Domain items (register, transfer, renew) only. */
  domainId?: number | null;
  idProtection?: boolean;
  dnsManagement?: boolean;
  emailForwarding?: boolean;
  eppCode?: string | null;
};

export type CartLineKind = "product" | "setup" | "option" | "optionSetup" | "domain" | "idProtection" | "addon" | "addonSetup" | "discount";
export type CartLine = { kind: CartLineKind; description: string; unitAmount: number; periodStart?: string; periodEnd?: string };

export type ProductOrder = {
  productId: number;
  productName: string;
  billingCycle: BillingCycle;
  /** The service's domain; "" for a product that needs none. */
  domain: string;
  options: { name: string; value: string }[];
  /** Product plus options, per cycle, before any discount. */
  recurringAmount: number;
  domainOrder: { action: "register" | "transfer"; name: string; tld: string; years: number; renewAmount: number } | null;
  nextDueDate: string | null;
};

export type AddonOrder = { addonId: number; addonName: string; serviceId: number; billingCycle: BillingCycle; recurringAmount: number; nextDueDate: string | null };

export type PricedCartItem = {
  id: number;
  kind: CartItemKind;
  title: string;
  domain: string | null;
  billingCycle: BillingCycle | null;
  /** The product's cycles, for changing the cycle in the cart. */
  cycles: CyclePrice[];
  lines: CartLine[];
  discount: number;
  /** Why this item cannot be ordered as it is (the product was withdrawn, the domain was taken…). */
  error: StoreErrorKey | null;
  product: ProductOrder | null;
  addon: AddonOrder | null;
  /** A standalone domain item: what checkout turns into a domain row and its registrar order. */
  domainItem?: DomainItemOrder | null;
};

export type PricedCart = {
  cartId: number | null;
  currency: string;
  items: PricedCartItem[];
  promo: { code: string; promo: PromoCode | null; refusal: StoreErrorKey | null } | null;
  /** Before discount and tax. */
  grossSubtotal: number;
  discountTotal: number;
  /** After discount, before tax: the invoice's subtotal. */
  subtotal: number;
  taxTotal: number;
  total: number;
  taxRateBp: number;
  /** The items' errors and the promo's refusal: checkout refuses while there is any. */
  hasErrors: boolean;
};

export type OrderClient = { id: number; currency: string; country: string; taxId: string | null; language: string };

export type PricingContext = Context;
type Context = { executor: Executor; client: OrderClient; today: string; locale: string; t: ReturnType<typeof translatorFor> };

/** A domain in one of these states is the client's to host a plan on. */
export const OWNED_DOMAIN_STATUSES = ["active", "grace", "pending", "pending_transfer"] as const;
const ADDON_SERVICE_STATUSES = ["active", "pending"] as const;

export async function loadOrderClient(executor: Executor, scope: ClientScope): Promise<OrderClient | null> {
  const [row] = await executor
    .select({ id: clients.id, currency: clients.currency, country: clients.country, taxId: clients.taxId, language: clients.language })
    .from(clients)
    .where(eq(clients.id, scope.clientId));
  return row ?? null;
}

function contextFor(executor: Executor, client: OrderClient, locale?: string): Context {
  const resolved = toLocale(locale ?? client.language);
  return { executor, client, today: madridToday(), locale: resolved, t: translatorFor(resolved) };
}

/** The period a first payment covers, from today; null for one-time products. */
function periodOf(today: string, cycle: BillingCycle): { periodStart: string; periodEnd: string; nextDueDate: string } | null {
  const months = CYCLE_MONTHS[cycle as keyof typeof CYCLE_MONTHS];
  if (!months) return null;
  const nextDueDate = addMonths(today, months);
  return { periodStart: today, periodEnd: addDays(nextDueDate, -1), nextDueDate };
}

export type ItemPrice = {
  title: string;
  domain: string | null;
  cycles: CyclePrice[];
  lines: CartLine[];
  error: StoreErrorKey | null;
  product: ProductOrder | null;
  addon: AddonOrder | null;
  domainItem?: DomainItemOrder | null;
};

const refused = (title: string, error: StoreErrorKey, domain: string | null = null): ItemPrice => ({
  title,
  domain,
  cycles: [],
  lines: [],
  error,
  product: null,
  addon: null,
});

/**
 * One cart item priced from the catalogue as it is now: every id checked again (visible product,
 * the client's own service, an addon that applies to it), every amount read from the database.
 */
export async function priceCartItem(context: Context, item: CartItemChoices): Promise<ItemPrice> {
  if (item.kind === "product") return priceProduct(context, item);
  if (item.kind === "addon") return priceAddon(context, item);
  if (item.kind === "domain_register" || item.kind === "domain_transfer" || item.kind === "domain_renew") return priceDomainItem(context, item);
  return refused("", storeError("itemNotFound"));
}

async function priceProduct(context: Context, item: CartItemChoices): Promise<ItemPrice> {
  const { executor, client, t } = context;
  const product = item.productId === null ? null : await getOrderableProduct(executor, item.productId, client.currency);
  if (!product) return refused("", storeError("productNotFound"));
  const cycle = product.prices.find((price) => price.billingCycle === item.billingCycle);
  if (!cycle) return { ...refused(product.name, storeError("cycleNotOffered")), cycles: product.prices };
  const period = periodOf(context.today, cycle.billingCycle);
  const range = period ? { periodStart: period.periodStart, periodEnd: period.periodEnd } : {};
  const dates = period ? { start: dayMonthYear(period.periodStart), end: dayMonthYear(period.periodEnd) } : null;

  // Options: every key must name an option of this product and a choice of that option; a select
  // left unanswered takes its first choice, an unticked yes/no option is simply not there.
  const optionIds = new Set(product.options.map((option) => String(option.id)));
  if (Object.keys(item.configChoices).some((key) => !optionIds.has(key))) return { ...refused(product.name, storeError("optionNotFound")), cycles: product.prices };
  const chosen: { optionName: string; label: string; price: number; setupFee: number }[] = [];
  for (const option of product.options) {
    const choiceId = item.configChoices[String(option.id)];
    const choice = choiceId === undefined ? (option.type === "select" ? option.choices[0] : undefined) : option.choices.find((candidate) => candidate.id === choiceId);
    if (choiceId !== undefined && !choice) return { ...refused(product.name, storeError("optionNotFound")), cycles: product.prices };
    if (!choice) continue;
    const price = choice.prices.find((candidate) => candidate.billingCycle === cycle.billingCycle);
    chosen.push({ optionName: option.name, label: choice.label, price: price?.price ?? 0, setupFee: price?.setupFee ?? 0 });
  }

  let domain = "";
  let domainOrder: ProductOrder["domainOrder"] = null;
  const lines: CartLine[] = [];
  if (product.requiresDomain) {
    const resolved = await resolveDomain(context, item);
    if (!resolved.ok) return { ...refused(product.name, resolved.error, item.domain), cycles: product.prices };
    domain = resolved.name;
    domainOrder = resolved.order;
  }

  lines.push({
    kind: "product",
    description: dates
      ? t(domain ? "store.lines.product" : "store.lines.productNoDomain", { product: product.name, domain, ...dates })
      : t(domain ? "store.lines.productOnetime" : "store.lines.productOnetimeNoDomain", { product: product.name, domain }),
    unitAmount: cycle.price,
    ...range,
  });
  if (cycle.setupFee > 0) lines.push({ kind: "setup", description: t("store.lines.setup", { product: product.name }), unitAmount: cycle.setupFee });
  for (const option of chosen) {
    if (option.price > 0) lines.push({ kind: "option", description: t("store.lines.option", { option: option.optionName, choice: option.label }), unitAmount: option.price, ...range });
    if (option.setupFee > 0) lines.push({ kind: "optionSetup", description: t("store.lines.optionSetup", { option: option.optionName, choice: option.label }), unitAmount: option.setupFee });
  }
  if (domainOrder) {
    const amount = await domainAmount(context, domainOrder.tld, domainOrder.years, domainOrder.action);
    if (amount === null) return { ...refused(product.name, storeError("domainYearsInvalid"), domain), cycles: product.prices };
    lines.push({
      kind: "domain",
      description: t(domainOrder.action === "register" ? "store.lines.domainRegister" : "store.lines.domainTransfer", { domain, years: domainOrder.years }),
      unitAmount: amount,
    });
  }

  return {
    title: product.name,
    domain: domain || null,
    cycles: product.prices,
    lines,
    error: null,
    addon: null,
    product: {
      productId: product.id,
      productName: product.name,
      billingCycle: cycle.billingCycle,
      domain,
      options: chosen.map((option) => ({ name: option.optionName, value: option.label })),
      recurringAmount: cycle.price + chosen.reduce((sum, option) => sum + option.price, 0),
      domainOrder,
      nextDueDate: period?.nextDueDate ?? null,
    },
  };
}

type ResolvedDomain = { ok: true; name: string; order: ProductOrder["domainOrder"] } | { ok: false; error: StoreErrorKey };

/** The hosting's domain: a new one we can sell, one to transfer in, or one the client already has with us. */
async function resolveDomain(context: Context, item: CartItemChoices): Promise<ResolvedDomain> {
  const { executor, client } = context;
  if (!item.domainChoice || !item.domain) return { ok: false, error: storeError("domainRequired") };
  const sold = await executor
    .selectDistinct({ tld: tldPrices.tld })
    .from(tldPrices)
    .where(eq(tldPrices.currency, client.currency));
  const parsed = parseDomainName(item.domain, sold.map((row) => row.tld));
  if (!parsed.ok) return { ok: false, error: storeError(parsed.error === "domains.errors.unsupportedTld" ? "domainTldNotSold" : "domainInvalid") };
  if (!parsed.tld) return { ok: false, error: storeError("domainInvalid") };

  const held = await executor
    .select({ clientId: domains.clientId, status: domains.status })
    .from(domains)
    .where(and(eq(domains.name, parsed.ascii), notInArray(domains.status, [...FINISHED_DOMAIN_STATUSES])));
  const mine = held.filter((row) => row.clientId === client.id);

  if (item.domainChoice === "existing") {
    if (!mine.some((row) => (OWNED_DOMAIN_STATUSES as readonly string[]).includes(row.status))) return { ok: false, error: storeError("domainNotYours") };
    return { ok: true, name: parsed.ascii, order: null };
  }
  if (mine.length > 0) return { ok: false, error: storeError("domainAlreadyYours") };
  if (held.length > 0) return { ok: false, error: storeError("domainTaken") };
  const years = item.domainYears ?? 1;
  if (!Number.isInteger(years) || years < 1 || years > 10) return { ok: false, error: storeError("domainYearsInvalid") };
  const renewAmount = await domainAmount(context, parsed.tld, years, "renew");
  if (renewAmount === null) return { ok: false, error: storeError("domainYearsInvalid") };
  return { ok: true, name: parsed.ascii, order: { action: item.domainChoice, name: parsed.ascii, tld: parsed.tld, years, renewAmount } };
}

async function domainAmount(context: Context, tld: string, years: number, action: "register" | "transfer" | "renew"): Promise<number | null> {
  const [row] = await context.executor
    .select({ register: tldPrices.register, transfer: tldPrices.transfer, renew: tldPrices.renew })
    .from(tldPrices)
    .where(and(eq(tldPrices.tld, tld), eq(tldPrices.currency, context.client.currency), eq(tldPrices.years, years)));
  return row ? row[action] : null;
}

async function priceAddon(context: Context, item: CartItemChoices): Promise<ItemPrice> {
  const { executor, client, t } = context;
  const [addon] =
    item.addonId === null
      ? []
      : await executor
          .select()
          .from(addons)
          .where(and(eq(addons.id, item.addonId), eq(addons.hidden, false), eq(addons.currency, client.currency)));
  if (!addon) return refused("", storeError("addonNotFound"));
  // The client id is in the WHERE: another client's service is "not found", never "not yours".
  const [service] =
    item.serviceId === null
      ? []
      : await executor
          .select({ id: services.id, productId: services.productId, domain: services.domain })
          .from(services)
          .where(and(eq(services.id, item.serviceId), eq(services.clientId, client.id), inArray(services.status, [...ADDON_SERVICE_STATUSES])));
  if (!service) return refused(addon.name, storeError("serviceNotFound"));
  const [link] = await executor
    .select({ addonId: addonProducts.addonId })
    .from(addonProducts)
    .where(and(eq(addonProducts.addonId, addon.id), eq(addonProducts.productId, service.productId)));
  if (!link) return refused(addon.name, storeError("addonNotForService"), service.domain);

  const period = periodOf(context.today, addon.billingCycle);
  const lines: CartLine[] = [
    {
      kind: "addon",
      description: period
        ? t("store.lines.addon", { addon: addon.name, domain: service.domain, start: dayMonthYear(period.periodStart), end: dayMonthYear(period.periodEnd) })
        : t("store.lines.addonOnetime", { addon: addon.name, domain: service.domain }),
      unitAmount: addon.price,
      ...(period ? { periodStart: period.periodStart, periodEnd: period.periodEnd } : {}),
    },
  ];
  if (addon.setupFee > 0) lines.push({ kind: "addonSetup", description: t("store.lines.addonSetup", { addon: addon.name }), unitAmount: addon.setupFee });
  return {
    title: addon.name,
    domain: service.domain,
    cycles: [],
    lines,
    error: null,
    product: null,
    addon: { addonId: addon.id, addonName: addon.name, serviceId: service.id, billingCycle: addon.billingCycle, recurringAmount: addon.price, nextDueDate: period?.nextDueDate ?? null },
  };
}

/** A checkout context for callers outside this file (adding to the cart checks an item the same way). */
export async function priceChoicesFor(executor: Executor, scope: ClientScope, item: CartItemChoices): Promise<ItemPrice | null> {
  const client = await loadOrderClient(executor, scope);
  return client ? priceCartItem(contextFor(executor, client), item) : null;
}

/**
 * The client's cart priced on the server: each item from the catalogue, the promo code checked
 * against its rules and applied to the products it covers (product and option prices, never setup
 * fees, domains or addons), tax from the client's rule through the billing helpers. Descriptions
 * are in `locale` (the page's language) or the client's (the invoice's).
 */
export async function priceCart(executor: Executor, scope: ClientScope, options: { locale?: string } = {}): Promise<PricedCart> {
  const client = await loadOrderClient(executor, scope);
  if (!client) throw new Error(`client ${scope.clientId} not found`);
  const context = contextFor(executor, client, options.locale);
  const [cart] = await executor.select().from(carts).where(eq(carts.clientId, client.id));
  const rows = cart
    ? await executor
        .select()
        .from(cartItems)
        .where(and(eq(cartItems.cartId, cart.id), eq(cartItems.clientId, client.id)))
        .orderBy(asc(cartItems.id))
    : [];

  const items: PricedCartItem[] = [];
  for (const row of rows) {
    const priced = await priceCartItem(context, row);
    items.push({ id: row.id, kind: row.kind, billingCycle: row.billingCycle, discount: 0, ...priced });
  }

  let promo: PricedCart["promo"] = null;
  if (cart?.promoCode) {
    const found = await findPromoCode(executor, cart.promoCode);
    const productIds = items.flatMap((item) => (item.product && !item.error ? [item.product.productId] : []));
    const refusal = promoRefusal(found, productIds, new Date());
    promo = { code: found?.code ?? cart.promoCode, promo: found, refusal };
    if (found && !refusal) {
      for (const item of items) {
        if (!item.product || item.error || !promoAppliesTo(found, item.product.productId)) continue;
        const discount = promoDiscount(found, item.product.recurringAmount);
        if (discount === 0) continue;
        item.discount = discount;
        item.lines.push({
          kind: "discount",
          description: context.t("store.lines.discount", { code: found.code, value: promoValueText(found, client.currency, context.locale), product: item.title }),
          unitAmount: -discount,
        });
      }
    }
  }

  const payable = items.filter((item) => !item.error).flatMap((item) => item.lines);
  const rule = payable.length > 0 ? await taxRuleFor(executor, client) : null;
  const totals = priceLines(payable, () => rule?.rateBp ?? 0);
  const discountTotal = items.reduce((sum, item) => sum + item.discount, 0);
  return {
    cartId: cart?.id ?? null,
    currency: client.currency,
    items,
    promo,
    grossSubtotal: totals.subtotal + discountTotal,
    discountTotal,
    subtotal: totals.subtotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
    taxRateBp: rule?.rateBp ?? 0,
    hasErrors: items.some((item) => item.error !== null) || Boolean(promo?.refusal),
  };
}

/** "15 %" or "5,00 €", as the discount line names the code's value. */
export function promoValueText(promo: Pick<PromoCode, "type" | "value">, currency: string, locale: string): string {
  if (promo.type === "fixed") return formatAmount(promo.value, currency, locale);
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(promo.value / 100)} %`;
}
