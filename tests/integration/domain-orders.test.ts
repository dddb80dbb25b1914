import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { domainOrderItems, domains, invoices, sandboxRegistryDomains } from "@/db/schema";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { retryDomainOrders } from "@/lib/domains/orders/fulfil-domain-orders";
import { addDomainItemsToCart, getCart } from "@/lib/orders/cart";
import { checkout } from "@/lib/orders/checkout";
import { sandboxHashSaysTaken } from "@/lib/registrar/sandbox-registrar";
import { setUpDomainOrderTests } from "@/tests/helpers/domain-order-tests";
import { createSignedInOwner, createTestDomain, isoDate, uniqueSuffix } from "@/tests/helpers/factories";
import { openTestAttempt } from "@/tests/helpers/provisioning-fixtures";
import type { RegistrarDouble } from "@/tests/helpers/registrar-double";

let db: Database;
let double: RegistrarDouble;

setUpDomainOrderTests((world) => ({ db, double } = world));

/** A name the sandbox registry has free (about a quarter of names are "taken elsewhere" by hash). */
function freeName(tld = "es"): string {
  for (;;) {
    const name = `nuevo-${uniqueSuffix().toLowerCase().replace(/[^a-z0-9]/g, "")}.${tld}`;
    if (!sandboxHashSaysTaken(name)) return name;
  }
}

function delivery(attemptId: number, amount: number) {
  return fulfilPaymentAttempt({
    provider: "sandbox",
    eventId: `evt_${uniqueSuffix()}`,
    eventType: "checkout.session.completed",
    attemptId,
    amount,
    currency: "EUR",
    gatewayReference: `pi_${attemptId}`,
  });
}

async function domainRow(id: number) {
  const [row] = await db.select().from(domains).where(eq(domains.id, id));
  return row!;
}

function plusYears(date: string, years: number) {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

describe("domain orders through the cart", () => {
  it("registers a new domain and renews two for 2 years once, however many times the same payment arrives at once", async () => {
    const user = await createSignedInOwner(db);
    const first = await createTestDomain(db, user.clientId, { expiryDate: isoDate(40), nextDueDate: isoDate(40) });
    const second = await createTestDomain(db, user.clientId, { name: `otro-${uniqueSuffix().toLowerCase().replace(/[^a-z0-9]/g, "")}.com`, tld: "com", expiryDate: isoDate(90), nextDueDate: isoDate(90) });
    const name = freeName();

    expect(await addDomainItemsToCart(user.scope, [{ kind: "domain_register", domain: name, domainYears: 1, idProtection: true, dnsManagement: true, emailForwarding: true, productId: null, addonId: null, serviceId: null, billingCycle: null, domainChoice: null, configChoices: {} }])).toEqual({ ok: true });
    const renewals = [first, second].map((domain) => ({ kind: "domain_renew" as const, domainId: domain.id, domain: null, domainYears: 2, productId: null, addonId: null, serviceId: null, billingCycle: null, domainChoice: null, configChoices: {} }));
    expect(await addDomainItemsToCart(user.scope, renewals)).toEqual({ ok: true });
    // The same renewal twice is refused, and nothing is added.
    expect(await addDomainItemsToCart(user.scope, [renewals[0]!])).toMatchObject({ ok: false, error: "store.errors.domainAlreadyInCart" });

    const cart = await getCart(user.scope, "es");
    expect(cart.items).toHaveLength(3);
    // Priced from tld_prices: .es register 1 year 7,99 + ID protection 5,00; renew .es 2 years 19,98 and .com 2 years 27,98.
    expect(cart.items.map((item) => item.lines.map((line) => line.unitAmount))).toEqual([[799, 500], [1998], [2798]]);

    const placed = await checkout(user);
    if (!placed.ok) throw new Error(placed.error);
    // Listed at once, pending, with the options chosen.
    const [newDomain] = await db.select().from(domains).where(and(eq(domains.clientId, user.clientId), eq(domains.name, name)));
    expect(newDomain).toMatchObject({ status: "pending", dnsManagement: true, emailForwarding: true, expiryDate: null });
    const items = await db.select().from(domainOrderItems).where(eq(domainOrderItems.invoiceId, placed.invoiceId));
    expect(items.map((item) => item.state)).toEqual(["awaiting_payment", "awaiting_payment", "awaiting_payment"]);

    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, placed.invoiceId));
    const attemptId = await openTestAttempt(user, [placed.invoiceId]);
    const attemptTwo = await openTestAttempt(user, [placed.invoiceId]).catch(() => null);
    const results = await Promise.all([
      delivery(attemptId, invoice!.total),
      delivery(attemptId, invoice!.total),
      ...(attemptTwo ? [delivery(attemptTwo, invoice!.total)] : []),
      retryDomainOrders({ clientIds: [user.clientId] }),
    ]);
    expect(results.filter((result) => "status" in result && result.status === "applied").length).toBeGreaterThanOrEqual(1);
    await retryDomainOrders({ clientIds: [user.clientId] });

    expect(double.callsOf("register")).toHaveLength(1);
    expect(double.callsOf("renew")).toHaveLength(2);
    expect(double.callsOf("renew").map((call) => call.args[0])).toEqual(
      expect.arrayContaining([
        { name: first.name, years: 2, currentExpiryDate: first.expiryDate },
        { name: second.name, years: 2, currentExpiryDate: second.expiryDate },
      ]),
    );
    expect((await domainRow(first.id)).expiryDate).toBe(plusYears(first.expiryDate!, 2));
    expect((await domainRow(second.id)).nextDueDate).toBe(plusYears(second.expiryDate!, 2));
    const registered = await domainRow(newDomain!.id);
    expect(registered).toMatchObject({ status: "active", expiryDate: plusYears(isoDate(0), 1), idProtection: true });
    const after = await db.select().from(domainOrderItems).where(eq(domainOrderItems.invoiceId, placed.invoiceId));
    expect(after.every((item) => item.state === "done")).toBe(true);

    // A later cron run changes nothing.
    expect(await retryDomainOrders({ clientIds: [user.clientId] })).toEqual({ done: 0, failed: 0 });
    expect(double.callsOf("renew")).toHaveLength(2);
  });

  it("starts a transfer on payment and keeps the domain pending until the registrar's sync completes it", async () => {
    const user = await createSignedInOwner(db);
    // Registered elsewhere: a name the sandbox calls taken by its hash.
    let name = "";
    for (;;) {
      name = `ajeno-${uniqueSuffix().toLowerCase().replace(/[^a-z0-9]/g, "")}.com`;
      if (sandboxHashSaysTaken(name)) break;
    }
    const transfer = { kind: "domain_transfer" as const, domain: name, domainYears: 1, eppCode: "", productId: null, addonId: null, serviceId: null, billingCycle: null, domainChoice: null, configChoices: {} };
    expect(await addDomainItemsToCart(user.scope, [transfer])).toMatchObject({ ok: false, error: "store.errors.domainEppCodeRequired" });
    expect(await addDomainItemsToCart(user.scope, [{ ...transfer, eppCode: "Cod1go-Valido", dnsManagement: true }])).toEqual({ ok: true });
    const placed = await checkout(user);
    if (!placed.ok) throw new Error(placed.error);
    const [row] = await db.select().from(domains).where(and(eq(domains.clientId, user.clientId), eq(domains.name, name)));
    expect(row!.status).toBe("pending_transfer");
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, placed.invoiceId));
    await delivery(await openTestAttempt(user, [placed.invoiceId]), invoice!.total);
    expect(double.callsOf("transfer")).toHaveLength(1);
    expect(double.callsOf("transfer")[0]!.args[0]).toMatchObject({ name, eppCode: "Cod1go-Valido" });
    const [item] = await db.select().from(domainOrderItems).where(eq(domainOrderItems.invoiceId, placed.invoiceId));
    // Done, and the code is not kept once the registrar has it.
    expect(item).toMatchObject({ state: "done", eppCode: null });
    expect((await domainRow(row!.id)).status).toBe("pending_transfer");
    const [registry] = await db.select().from(sandboxRegistryDomains).where(eq(sandboxRegistryDomains.name, name));
    expect(registry!.status).toBe("pending_transfer");
  });

  it("leaves a refused renewal failed with its reason and the domain unchanged, and the cron's retry completes it once", async () => {
    const user = await createSignedInOwner(db);
    const domain = await createTestDomain(db, user.clientId, { expiryDate: isoDate(30), nextDueDate: isoDate(30) });
    expect(await addDomainItemsToCart(user.scope, [{ kind: "domain_renew", domainId: domain.id, domain: null, domainYears: 1, productId: null, addonId: null, serviceId: null, billingCycle: null, domainChoice: null, configChoices: {} }])).toEqual({ ok: true });
    const placed = await checkout(user);
    if (!placed.ok) throw new Error(placed.error);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, placed.invoiceId));
    double.refuseNext("renew", "unavailable");
    await delivery(await openTestAttempt(user, [placed.invoiceId]), invoice!.total);

    const [failed] = await db.select().from(domainOrderItems).where(eq(domainOrderItems.invoiceId, placed.invoiceId));
    expect(failed).toMatchObject({ state: "failed", lastError: "unavailable", attempts: 1 });
    expect((await domainRow(domain.id)).expiryDate).toBe(domain.expiryDate);

    expect(await retryDomainOrders({ clientIds: [user.clientId] })).toEqual({ done: 1, failed: 0 });
    expect(await retryDomainOrders({ clientIds: [user.clientId] })).toEqual({ done: 0, failed: 0 });
    expect(double.callsOf("renew")).toHaveLength(2);
    expect((await domainRow(domain.id)).expiryDate).toBe(plusYears(domain.expiryDate!, 1));
  });

  it("refuses another client's domain and a name that is taken, writing nothing", async () => {
    const user = await createSignedInOwner(db);
    const stranger = await createSignedInOwner(db);
    const theirs = await createTestDomain(db, stranger.clientId);
    expect(await addDomainItemsToCart(user.scope, [{ kind: "domain_renew", domainId: theirs.id, domain: null, domainYears: 1, productId: null, addonId: null, serviceId: null, billingCycle: null, domainChoice: null, configChoices: {} }])).toMatchObject({ ok: false, error: "store.errors.domainNotYours" });
    expect(await addDomainItemsToCart(user.scope, [{ kind: "domain_register", domain: theirs.name, domainYears: 1, productId: null, addonId: null, serviceId: null, billingCycle: null, domainChoice: null, configChoices: {} }])).toMatchObject({ ok: false, error: "store.errors.domainTaken" });
    expect((await getCart(user.scope)).items).toHaveLength(0);
  });
});

describe("a hosting plan's new domain", () => {
  it("is registered at the registrar once when the order's invoice is paid", async () => {
    const { addProductToCart } = await import("@/lib/orders/cart");
    const { createTestProduct } = await import("@/tests/helpers/factories");
    const { productPrices } = await import("@/db/schema");
    const product = await createTestProduct(db, { requiresDomain: true });
    await db.insert(productPrices).values({ productId: product.id, currency: "EUR", billingCycle: "annually", price: 6000, setupFee: 0 });
    const user = await createSignedInOwner(db);
    const name = freeName();
    expect(await addProductToCart(user.scope, { productId: product.id, billingCycle: "annually", configChoices: {}, domainChoice: "register", domain: name, domainYears: 1 })).toEqual({ ok: true });
    const placed = await checkout(user);
    if (!placed.ok) throw new Error(placed.error);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, placed.invoiceId));
    const attemptId = await openTestAttempt(user, [placed.invoiceId]);
    await Promise.all([delivery(attemptId, invoice!.total), delivery(attemptId, invoice!.total)]);
    expect(double.callsOf("register").map((call) => (call.args[0] as { name: string }).name)).toEqual([name]);
    const [row] = await db.select().from(domains).where(and(eq(domains.clientId, user.clientId), eq(domains.name, name)));
    expect(row).toMatchObject({ status: "active", expiryDate: plusYears(isoDate(0), 1) });
  });
});

describe("ID protection on Complementos", () => {
  it("invoices it up to the expiry, turns it on at the registrar once when paid, and turns it off only when the registrar accepts", async () => {
    const { buyIdProtection, turnOffIdProtection, getIdProtectionOffer } = await import("@/lib/domains/orders/id-protection-order");
    const user = await createSignedInOwner(db);
    const domain = await createTestDomain(db, user.clientId, { expiryDate: isoDate(400), nextDueDate: isoDate(400) });
    const bought = await buyIdProtection(user.scope, domain.id);
    if (!bought.ok || !bought.invoiceId) throw new Error("not bought");
    // A second press while the invoice waits makes no second invoice.
    expect(await buyIdProtection(user.scope, domain.id)).toEqual({ ok: false, error: "domainOrders.addons.alreadyInvoicedError" });
    expect((await getIdProtectionOffer(user.scope, domain)).pendingInvoiceId).toBe(bought.invoiceId);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, bought.invoiceId));
    // Two years (400 days to the expiry) at 5,00 € a year, plus VAT.
    expect(invoice!.subtotal).toBe(1000);
    expect((await domainRow(domain.id)).idProtection).toBe(false);
    const attemptId = await openTestAttempt(user, [bought.invoiceId]);
    await Promise.all([delivery(attemptId, invoice!.total), delivery(attemptId, invoice!.total)]);
    expect(double.callsOf("setIdProtection").map((call) => call.args)).toEqual([[domain.name, true]]);
    expect((await domainRow(domain.id)).idProtection).toBe(true);

    double.refuseNext("setIdProtection", "unavailable");
    expect(await turnOffIdProtection(user.scope, domain.id)).toEqual({ ok: false, error: "domains.errors.registrar.unavailable" });
    expect((await domainRow(domain.id)).idProtection).toBe(true);
    expect(await turnOffIdProtection(user.scope, domain.id)).toEqual({ ok: true });
    expect((await domainRow(domain.id)).idProtection).toBe(false);

    const stranger = await createSignedInOwner(db);
    expect(await buyIdProtection(stranger.scope, domain.id)).toEqual({ ok: false, error: "store.errors.domainNotYours" });
    expect(await turnOffIdProtection(stranger.scope, domain.id)).toEqual({ ok: false, error: "store.errors.domainNotYours" });
  });

  it("never switches it off from a row that has finished: the name may be someone else's by now", async () => {
    const { turnOffIdProtection } = await import("@/lib/domains/orders/id-protection-order");
    const { currentDomainContacts } = await import("@/lib/domains/manage/contacts");
    const user = await createSignedInOwner(db);
    const domain = await createTestDomain(db, user.clientId, { status: "expired", idProtection: true });
    expect(await turnOffIdProtection(user.scope, domain.id)).toEqual({ ok: false, error: "domainManage.errors.notManageable" });
    expect((await domainRow(domain.id)).idProtection).toBe(true);
    // Nor is the registrar asked whose WHOIS contacts the name has: the account's own are shown.
    const contacts = await currentDomainContacts(user.scope, await domainRow(domain.id));
    expect(contacts.registrant.email).toBe(user.email);
    expect(double.calls).toEqual([]);
  });
});
