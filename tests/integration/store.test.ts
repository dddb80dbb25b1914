import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import {
  addonProducts,
  addons,
  cartItems,
  carts,
  domains,
  invoiceLines,
  invoices,
  orders,
  productConfigChoicePrices,
  productConfigChoices,
  productConfigOptions,
  productPrices,
  products,
  promoCodes,
  promoRedemptions,
  serviceAddons,
  serviceConfigOptions,
  services,
} from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { madridToday } from "@/lib/billing/today";
import { taxForLine } from "@/lib/money";
import { addAddonToCart, addProductToCart, applyPromoCode, changeCartItemCycle, getCart, removeCartItem } from "@/lib/orders/cart";
import { checkout } from "@/lib/orders/checkout";
import { setProviderForTests } from "@/lib/providers";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createSubAccount, createTestDomain, createTestProduct, createTestService, sessionUserFor, uniqueSuffix } from "@/tests/helpers/factories";
import { createRegistrarDouble } from "@/tests/helpers/registrar-double";

vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

let db: Database;
const registrarCalls: string[][] = [];

/** A hosting plan of this file's own, sold monthly (setup fee) and annually, with two options and an addon. */
async function createCatalogue() {
  const product = await createTestProduct(db, { requiresDomain: true, features: ["10 GB", "Correo"] });
  await db.insert(productPrices).values([
    { productId: product.id, currency: "EUR", billingCycle: "monthly", price: 1000, setupFee: 500 },
    { productId: product.id, currency: "EUR", billingCycle: "annually", price: 10000, setupFee: 0 },
  ]);
  const [disk] = await db.insert(productConfigOptions).values({ productId: product.id, name: "Espacio extra", type: "select", sortOrder: 1 }).returning();
  const diskChoices = await db
    .insert(productConfigChoices)
    .values([
      { optionId: disk!.id, label: "Sin espacio extra", sortOrder: 1 },
      { optionId: disk!.id, label: "+10 GB", sortOrder: 2 },
    ])
    .returning();
  const [ip] = await db.insert(productConfigOptions).values({ productId: product.id, name: "IP dedicada", type: "yesno", sortOrder: 2 }).returning();
  const [ipChoice] = await db.insert(productConfigChoices).values({ optionId: ip!.id, label: "IP dedicada", sortOrder: 1 }).returning();
  await db.insert(productConfigChoicePrices).values([
    { choiceId: diskChoices[1]!.id, currency: "EUR", billingCycle: "monthly", price: 200, setupFee: 0 },
    { choiceId: diskChoices[1]!.id, currency: "EUR", billingCycle: "annually", price: 2400, setupFee: 0 },
    { choiceId: ipChoice!.id, currency: "EUR", billingCycle: "monthly", price: 300, setupFee: 500 },
    { choiceId: ipChoice!.id, currency: "EUR", billingCycle: "annually", price: 3600, setupFee: 500 },
  ]);
  const hidden = await createTestProduct(db, { hidden: true });
  await db.insert(productPrices).values({ productId: hidden.id, currency: "EUR", billingCycle: "monthly", price: 100, setupFee: 0 });
  const other = await createTestProduct(db);
  await db.insert(productPrices).values({ productId: other.id, currency: "EUR", billingCycle: "annually", price: 5000, setupFee: 0 });
  const [addon] = await db.insert(addons).values({ name: `Copias ${uniqueSuffix()}`, billingCycle: "annually", price: 2400, setupFee: 0, currency: "EUR" }).returning();
  await db.insert(addonProducts).values({ addonId: addon!.id, productId: product.id });
  return { product, hidden, other, addon: addon!, diskOptionId: disk!.id, diskPlus10: diskChoices[1]!.id, ipOptionId: ip!.id, ipChoiceId: ipChoice!.id };
}
let catalogue: Awaited<ReturnType<typeof createCatalogue>>;

const freeName = (label = "tienda") => `${label}-${uniqueSuffix()}.es`;

async function createPromo(overrides: Partial<typeof promoCodes.$inferInsert> = {}) {
  const [promo] = await db
    .insert(promoCodes)
    .values({ code: `PRUEBA${uniqueSuffix()}`.toUpperCase(), type: "percent", value: 1500, ...overrides })
    .returning();
  return promo!;
}

async function itemsOf(clientId: number) {
  return db.select().from(cartItems).where(eq(cartItems.clientId, clientId));
}

/** The plan, annually, with +10 GB and the dedicated IP, on a new .es domain. */
async function addFullPlan(user: SessionUser, domain = freeName()) {
  const result = await addProductToCart(user.scope, {
    productId: catalogue.product.id,
    billingCycle: "annually",
    configChoices: { [String(catalogue.diskOptionId)]: catalogue.diskPlus10, [String(catalogue.ipOptionId)]: catalogue.ipChoiceId },
    domainChoice: "register",
    domain,
  });
  expect(result).toEqual({ ok: true });
  return domain;
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  catalogue = await createCatalogue();
  setProviderForTests(
    "registrar",
    createRegistrarDouble({
      overrides: {
        async checkAvailability(names) {
          registrarCalls.push(names);
          return names.map((name) => ({ name, status: name.startsWith("ocupado") ? ("taken" as const) : ("available" as const) }));
        },
      },
    }).registrar,
  );
});

afterAll(async () => {
  setProviderForTests("registrar", null);
  await teardownTestDatabase();
});

describe("pricing", () => {
  it("prices the plan, its options, setup fees and the domain per cycle, all from the catalogue", async () => {
    const user = await createSignedInOwner(db);
    const domain = await addFullPlan(user);
    let cart = await getCart(user.scope, "es");
    expect(cart.items).toHaveLength(1);
    const item = cart.items[0]!;
    expect(item.error).toBeNull();
    expect(item.lines.map((line) => [line.kind, line.unitAmount])).toEqual([
      ["product", 10000],
      ["option", 2400],
      ["option", 3600],
      ["optionSetup", 500],
      ["domain", 799],
    ]);
    expect(item.lines[0]!.description).toContain(domain);
    expect(item.lines[4]!.description).toBe(`Registro del dominio ${domain} (1 año)`);
    const subtotal = 10000 + 2400 + 3600 + 500 + 799;
    expect(cart.subtotal).toBe(subtotal);
    expect(cart.taxTotal).toBe([10000, 2400, 3600, 500, 799].reduce((sum, amount) => sum + taxForLine(amount, 2100), 0));
    expect(cart.total).toBe(cart.subtotal + cart.taxTotal);

    // Monthly: the plan's setup fee appears and the options cost their monthly price.
    expect(await changeCartItemCycle(user.scope, { itemId: item.id, billingCycle: "monthly" })).toEqual({ ok: true });
    cart = await getCart(user.scope, "es");
    expect(cart.items[0]!.lines.map((line) => [line.kind, line.unitAmount])).toEqual([
      ["product", 1000],
      ["setup", 500],
      ["option", 200],
      ["option", 300],
      ["optionSetup", 500],
      ["domain", 799],
    ]);
    expect(registrarCalls.some((names) => names[0] === domain)).toBe(true);
  });

  it("refuses what cannot be ordered with a Spanish message and writes nothing", async () => {
    const user = await createSignedInOwner(db);
    const stranger = await createSignedInOwner(db);
    const strangersService = await createTestService(db, stranger.clientId, { productId: catalogue.product.id });
    const strangersDomain = await createTestDomain(db, stranger.clientId);
    const base = { productId: catalogue.product.id, billingCycle: "annually" as const, configChoices: {}, domainChoice: "register" as const, domain: freeName() };

    expect(await addProductToCart(user.scope, { ...base, productId: catalogue.hidden.id, billingCycle: "monthly" })).toMatchObject({ error: "store.errors.productNotFound" });
    expect(await addProductToCart(user.scope, { ...base, billingCycle: "triennially" })).toMatchObject({ error: "store.errors.cycleNotOffered" });
    expect(await addProductToCart(user.scope, { ...base, configChoices: { [String(catalogue.diskOptionId)]: catalogue.ipChoiceId } })).toMatchObject({
      error: "store.errors.optionNotFound",
    });
    expect(await addProductToCart(user.scope, { ...base, domain: undefined })).toMatchObject({ error: "store.errors.domainRequired", field: "domain" });
    expect(await addProductToCart(user.scope, { ...base, domain: "tienda.xyz" })).toMatchObject({ error: "store.errors.domainTldNotSold" });
    expect(await addProductToCart(user.scope, { ...base, domain: `ocupado-${uniqueSuffix()}.es` })).toMatchObject({ error: "store.errors.domainTaken" });
    expect(await addProductToCart(user.scope, { ...base, domainChoice: "existing", domain: strangersDomain.name })).toMatchObject({ error: "store.errors.domainNotYours" });
    expect(await addProductToCart(user.scope, { ...base, domain: strangersDomain.name })).toMatchObject({ error: "store.errors.domainTaken" });
    expect(await addAddonToCart(user.scope, { addonId: catalogue.addon.id, serviceId: strangersService.id })).toEqual({ ok: false, error: "store.errors.serviceNotFound" });
    const ownOther = await createTestService(db, user.clientId, { productId: catalogue.other.id });
    expect(await addAddonToCart(user.scope, { addonId: catalogue.addon.id, serviceId: ownOther.id })).toEqual({ ok: false, error: "store.errors.addonNotForService" });
    expect(await itemsOf(user.clientId)).toEqual([]);

    // A domain the client owns can be used as it is, at no charge.
    const own = await createTestDomain(db, user.clientId);
    expect(await addProductToCart(user.scope, { ...base, domainChoice: "existing", domain: own.name })).toEqual({ ok: true });
    const cart = await getCart(user.scope, "es");
    expect(cart.items[0]!.lines.map((line) => line.kind)).toEqual(["product"]);
  });
});

describe("cart isolation", () => {
  it("keeps each client's cart to itself", async () => {
    const alice = await createSignedInOwner(db);
    const bob = await createSignedInOwner(db);
    await addFullPlan(alice);
    const [aliceItem] = await itemsOf(alice.clientId);
    expect((await getCart(bob.scope)).items).toEqual([]);
    expect(await removeCartItem(bob.scope, aliceItem!.id)).toEqual({ ok: false, error: "store.errors.itemNotFound" });
    expect(await changeCartItemCycle(bob.scope, { itemId: aliceItem!.id, billingCycle: "monthly" })).toEqual({ ok: false, error: "store.errors.itemNotFound" });
    const [still] = await itemsOf(alice.clientId);
    expect(still).toMatchObject({ id: aliceItem!.id, billingCycle: "annually" });
    expect(await removeCartItem(alice.scope, aliceItem!.id)).toEqual({ ok: true });
    expect(await itemsOf(alice.clientId)).toEqual([]);
  });
});

describe("promo codes", () => {
  it("refuses each broken rule with its own message and keeps no code on the cart", async () => {
    const user = await createSignedInOwner(db);
    await addFullPlan(user);
    const expired = await createPromo({ expiresAt: new Date(Date.now() - 60_000) });
    const exhausted = await createPromo({ maxUses: 2, uses: 2 });
    const inactive = await createPromo({ active: false });
    const elsewhere = await createPromo({ productIds: [catalogue.other.id] });
    expect(await applyPromoCode(user.scope, "NO-EXISTE-NUNCA")).toMatchObject({ ok: false, error: "store.errors.promoNotFound", field: "code" });
    expect(await applyPromoCode(user.scope, inactive.code)).toMatchObject({ error: "store.errors.promoNotFound" });
    expect(await applyPromoCode(user.scope, expired.code)).toMatchObject({ error: "store.errors.promoExpired" });
    expect(await applyPromoCode(user.scope, exhausted.code)).toMatchObject({ error: "store.errors.promoExhausted" });
    expect(await applyPromoCode(user.scope, elsewhere.code)).toMatchObject({ error: "store.errors.promoNotApplicable" });
    const [cart] = await db.select().from(carts).where(eq(carts.clientId, user.clientId));
    expect(cart!.promoCode).toBeNull();

    const good = await createPromo({ productIds: [catalogue.product.id] });
    expect(await applyPromoCode(user.scope, `  ${good.code.toLowerCase()} `)).toEqual({ ok: true });
    const priced = await getCart(user.scope, "es");
    // 15 % of the plan and its options (10000 + 2400 + 3600), not of setup fees or the domain.
    expect(priced.discountTotal).toBe(2400);
    expect(priced.items[0]!.lines.at(-1)).toMatchObject({ kind: "discount", unitAmount: -2400 });
  });

  it("checks the code again at checkout: one expired since it was applied is refused and nothing is created", async () => {
    const user = await createSignedInOwner(db);
    await addFullPlan(user);
    const promo = await createPromo();
    expect(await applyPromoCode(user.scope, promo.code)).toEqual({ ok: true });
    await db.update(promoCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(promoCodes.id, promo.id));
    expect(await checkout(user)).toEqual({ ok: false, error: "store.errors.promoExpired" });
    expect(await db.select().from(orders).where(eq(orders.clientId, user.clientId))).toEqual([]);
    expect(await itemsOf(user.clientId)).toHaveLength(1);
  });

  it("gives the last use to exactly one of two concurrent checkouts", async () => {
    const promo = await createPromo({ maxUses: 1 });
    const first = await createSignedInOwner(db);
    const second = await createSignedInOwner(db);
    for (const user of [first, second]) {
      await addFullPlan(user);
      expect(await applyPromoCode(user.scope, promo.code)).toEqual({ ok: true });
    }
    const results = await Promise.all([checkout(first), checkout(second)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "store.errors.promoExhausted" }]);
    const [row] = await db.select().from(promoCodes).where(eq(promoCodes.id, promo.id));
    expect(row!.uses).toBe(1);
    expect(await db.select().from(promoRedemptions).where(eq(promoRedemptions.promoCodeId, promo.id))).toHaveLength(1);
    const loser = results[0]!.ok ? second : first;
    expect(await db.select().from(orders).where(eq(orders.clientId, loser.clientId))).toEqual([]);
    expect(await itemsOf(loser.clientId)).toHaveLength(1);
  });
});

describe("checkout", () => {
  it("creates the order, its invoice with every line, the tax and the discount, the pending service and domain, and empties the cart", async () => {
    const user = await createSignedInOwner(db);
    const domain = await addFullPlan(user);
    const owned = await createTestService(db, user.clientId, { productId: catalogue.product.id });
    expect(await addAddonToCart(user.scope, { addonId: catalogue.addon.id, serviceId: owned.id })).toEqual({ ok: true });
    expect(await addAddonToCart(user.scope, { addonId: catalogue.addon.id, serviceId: owned.id })).toEqual({ ok: false, error: "store.errors.addonAlreadyInCart" });
    const promo = await createPromo({ type: "fixed", value: 1000, recurring: true });
    expect(await applyPromoCode(user.scope, promo.code)).toEqual({ ok: true });

    const result = await checkout(user);
    if (!result.ok) throw new Error(result.error);
    expect(result.reference).toMatch(/^ORD-\d{6,}$/);

    const [order] = await db.select().from(orders).where(and(eq(orders.id, result.orderId), eq(orders.clientId, user.clientId)));
    expect(order).toMatchObject({ invoiceId: result.invoiceId, promoCodeId: promo.id, status: "pending", createdByContactId: user.contactId });
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, result.invoiceId));
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, result.invoiceId)).orderBy(asc(invoiceLines.sortOrder));
    const today = madridToday();
    const [service] = await db.select().from(services).where(and(eq(services.orderId, result.orderId), eq(services.clientId, user.clientId)));
    const [newDomain] = await db.select().from(domains).where(and(eq(domains.name, domain), eq(domains.clientId, user.clientId)));
    expect(lines.map((line) => [line.description, line.unitAmount, line.serviceId, line.domainId])).toEqual([
      [expect.stringMatching(new RegExp(`^${catalogue.product.name} - ${domain} \\(\\d\\d/\\d\\d/\\d{4} - \\d\\d/\\d\\d/\\d{4}\\)$`)), 10000, service!.id, null],
      ["Espacio extra: +10 GB", 2400, service!.id, null],
      ["IP dedicada: IP dedicada", 3600, service!.id, null],
      ["Cuota de alta: IP dedicada (IP dedicada)", 500, service!.id, null],
      [`Registro del dominio ${domain} (1 año)`, 799, null, newDomain!.id],
      [`Descuento ${promo.code} (10,00\u00a0€): ${catalogue.product.name}`, -1000, service!.id, null],
      [expect.stringContaining(`${catalogue.addon.name} para ${owned.domain}`), 2400, owned.id, null],
    ]);
    expect(lines[0]!.periodStart).toBe(today);
    const amounts = [10000, 2400, 3600, 500, 799, -1000, 2400];
    expect(lines.map((line) => line.taxAmount)).toEqual(amounts.map((amount) => taxForLine(amount, 2100)));
    const subtotal = amounts.reduce((sum, amount) => sum + amount, 0);
    const tax = amounts.reduce((sum, amount) => sum + taxForLine(amount, 2100), 0);
    expect(invoice).toMatchObject({ kind: "order", status: "unpaid", subtotal, taxTotal: tax, total: subtotal + tax, notes: result.reference });

    expect(service).toMatchObject({
      status: "pending",
      provisionState: null,
      serverId: null,
      domain,
      billingCycle: "annually",
      firstPaymentAmount: 10000 + 2400 + 3600 + 500 - 1000,
      // A recurring code discounts the renewals too.
      recurringAmount: 10000 + 2400 + 3600 - 1000,
      registrationDate: today,
    });
    expect(newDomain).toMatchObject({ status: "pending", tld: "es", registrationPeriodYears: 1 });
    const options = await db.select().from(serviceConfigOptions).where(eq(serviceConfigOptions.serviceId, service!.id)).orderBy(asc(serviceConfigOptions.id));
    expect(options.map((option) => [option.name, option.value])).toEqual([
      ["Espacio extra", "+10 GB"],
      ["IP dedicada", "IP dedicada"],
    ]);
    const [addonRow] = await db.select().from(serviceAddons).where(and(eq(serviceAddons.serviceId, owned.id), eq(serviceAddons.clientId, user.clientId)));
    expect(addonRow).toMatchObject({ addonId: catalogue.addon.id, status: "pending", recurringAmount: 2400 });
    expect(await itemsOf(user.clientId)).toEqual([]);
    const [cart] = await db.select().from(carts).where(eq(carts.clientId, user.clientId));
    expect(cart!.promoCode).toBeNull();
    // The addon is now owned: asking for it again is refused.
    expect(await addAddonToCart(user.scope, { addonId: catalogue.addon.id, serviceId: owned.id })).toEqual({ ok: false, error: "store.errors.addonAlreadyActive" });
  });

  it("creates one order when the button is pressed twice at once", async () => {
    const user = await createSignedInOwner(db);
    await addFullPlan(user);
    const results = await Promise.all([checkout(user), checkout(user), checkout(user)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error)).toEqual(["store.errors.cartEmpty", "store.errors.cartEmpty"]);
    const placed = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.clientId, user.clientId));
    expect(placed[0]!.n).toBe(1);
    const created = await db.select().from(services).where(eq(services.clientId, user.clientId));
    expect(created).toHaveLength(1);
  });

  it("refuses an empty cart, a cart with an item no longer for sale, and a sub-account without the orders permission", async () => {
    const user = await createSignedInOwner(db);
    expect(await checkout(user)).toEqual({ ok: false, error: "store.errors.cartEmpty" });
    const product = await createTestProduct(db, { requiresDomain: false });
    await db.insert(productPrices).values({ productId: product.id, currency: "EUR", billingCycle: "monthly", price: 700, setupFee: 0 });
    expect(await addProductToCart(user.scope, { productId: product.id, billingCycle: "monthly", configChoices: {} })).toEqual({ ok: true });
    await db.update(products).set({ hidden: true }).where(eq(products.id, product.id));
    expect(await checkout(user)).toEqual({ ok: false, error: "store.errors.cartHasErrors" });
    expect((await getCart(user.scope)).items[0]!.error).toBe("store.errors.productNotFound");

    const { contact } = await createSubAccount(db, user.clientId, ["invoices"]);
    expect(await checkout(sessionUserFor(contact))).toEqual({ ok: false, error: "errors.forbidden" });
  });
});
