import { createTestStaff, customerSessionOf, signInAsStaff, staffRequest, type TestStaff } from "@/tests/helpers/staff-request";
import { and, asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import {
  addonProducts,
  addons,
  auditLog,
  productConfigChoicePrices,
  productConfigChoices,
  productConfigOptions,
  productGroups,
  productPrices,
  products,
  promoCodes,
  tldPrices,
} from "@/db/schema";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestService, sessionUserFor, uniqueSuffix } from "@/tests/helpers/factories";
import { form } from "@/tests/helpers/form-data";
import { Forbidden, NotFound, Redirected } from "@/tests/helpers/next-navigation";
import { scopeOf } from "@/tests/helpers/scope";

// The staff catalogue (issue 10, item 6): every action and page, who may use them, what bad input
// leaves (nothing), and that what staff write is what the store then reads: listStoreCatalogue,
// getOrderableProduct, listAvailableAddons, listTldPrices and the promo code rules.

const actions = await import("@/app/admin/(desk)/catalogo/actions");
const { default: CatalogPage } = await import("@/app/admin/(desk)/catalogo/page");
const { default: ProductPage } = await import("@/app/admin/(desk)/catalogo/productos/[productId]/page");
const { default: AddonsPage } = await import("@/app/admin/(desk)/catalogo/complementos/page");
const { default: TldsPage } = await import("@/app/admin/(desk)/catalogo/dominios/page");
const { default: PromosPage } = await import("@/app/admin/(desk)/catalogo/promociones/page");
const { listStoreCatalogue, getOrderableProduct } = await import("@/lib/orders/catalogue");
const { listAvailableAddons } = await import("@/lib/orders/addons");
const { findPromoCode, promoRefusal } = await import("@/lib/orders/promo");
const { listTldPrices } = await import("@/lib/domains/tld-prices");
const { endOfMadridDay } = await import("@/lib/staff/catalog/promo-writes");

// A currency of this file's own: on a shared PostgreSQL database other files list the EUR (and XTS)
// catalogue and TLD prices exactly, so nothing here may appear there.
const CURRENCY = "XCT";
const OTHER_CURRENCY = "XCU";

let db: Database;
let admin: TestStaff;
let support: TestStaff;
let billing: TestStaff;

/** A group, a product with a monthly EUR price, an option with a choice and its price, an addon, a TLD and a promo code of this test's own. */
async function createFixture() {
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/gi, "").toLowerCase();
  const [group] = await db.insert(productGroups).values({ name: `Grupo ${suffix}`, slug: `grupo-${suffix}`, sortOrder: 50 }).returning();
  const [product] = await db.insert(products).values({ groupId: group!.id, name: `Producto ${suffix}`, panelPackage: "plan_prueba" }).returning();
  await db.insert(productPrices).values({ productId: product!.id, currency: CURRENCY, billingCycle: "monthly", price: 990, setupFee: 0 });
  const [option] = await db.insert(productConfigOptions).values({ productId: product!.id, name: "Espacio extra", type: "select" }).returning();
  const [choice] = await db.insert(productConfigChoices).values({ optionId: option!.id, label: "+5 GB", panelValue: "5120" }).returning();
  await db.insert(productConfigChoicePrices).values({ choiceId: choice!.id, currency: CURRENCY, billingCycle: "monthly", price: 100, setupFee: 0 });
  const [addon] = await db.insert(addons).values({ name: `Complemento ${suffix}`, billingCycle: "monthly", price: 300, currency: CURRENCY }).returning();
  const tld = `t${suffix.slice(-10)}`;
  await db.insert(tldPrices).values({ tld, currency: CURRENCY, years: 1, register: 999, transfer: 999, renew: 1299 });
  const [promo] = await db.insert(promoCodes).values({ code: `PRUEBA${suffix.toUpperCase()}`.slice(0, 50), type: "percent", value: 1000 }).returning();
  return { suffix, group: group!, product: product!, option: option!, choice: choice!, addon: addon!, tld, promo: promo! };
}
type Fixture = Awaited<ReturnType<typeof createFixture>>;

/** Everything the fixture's rows hold and every catalogue audit entry about them: equal before and after means nothing was written. */
async function snapshot(f: Fixture) {
  const [audits] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        like(auditLog.action, "staff.catalog_%"),
        sql`(${auditLog.details}->>'groupId' = ${String(f.group.id)} or ${auditLog.details}->>'productId' = ${String(f.product.id)} or ${auditLog.details}->>'optionId' = ${String(f.option.id)}
          or ${auditLog.details}->>'addonId' = ${String(f.addon.id)} or ${auditLog.details}->>'tld' = ${f.tld} or ${auditLog.details}->>'promoId' = ${String(f.promo.id)})`,
      ),
    );
  return {
    audits: audits!.n,
    group: await db.select().from(productGroups).where(eq(productGroups.id, f.group.id)),
    groupsNamed: await db.select({ id: productGroups.id }).from(productGroups).where(like(productGroups.name, `%${f.suffix}%`)),
    products: await db.select().from(products).where(eq(products.groupId, f.group.id)).orderBy(asc(products.id)),
    prices: await db.select().from(productPrices).where(eq(productPrices.productId, f.product.id)),
    options: await db.select().from(productConfigOptions).where(eq(productConfigOptions.productId, f.product.id)),
    choices: await db.select().from(productConfigChoices).where(eq(productConfigChoices.optionId, f.option.id)),
    choicePrices: await db.select().from(productConfigChoicePrices).where(eq(productConfigChoicePrices.choiceId, f.choice.id)),
    addon: await db.select().from(addons).where(eq(addons.id, f.addon.id)),
    addonsNamed: await db.select({ id: addons.id }).from(addons).where(like(addons.name, `%${f.suffix}%`)),
    links: await db.select().from(addonProducts).where(eq(addonProducts.productId, f.product.id)),
    tlds: await db.select().from(tldPrices).where(like(tldPrices.tld, `%${f.suffix.slice(-10)}%`)).orderBy(asc(tldPrices.tld), asc(tldPrices.years)),
    promos: await db.select().from(promoCodes).where(like(promoCodes.code, `%${f.suffix.toUpperCase()}%`)).orderBy(asc(promoCodes.id)),
  };
}

/** Every catalogue action with input that would succeed. */
function everyAction(f: Fixture) {
  const product = String(f.product.id);
  const choice = String(f.choice.id);
  return [
    { name: "saveGroup", run: () => actions.saveGroupAction(null, form({ groupId: String(f.group.id), name: "Otro", slug: `otro-${f.suffix}` })) },
    { name: "newGroup", run: () => actions.saveGroupAction(null, form({ name: `Nuevo ${f.suffix}`, slug: `nuevo-${f.suffix}` })) },
    { name: "createProduct", run: () => actions.createProductAction(null, form({ groupId: String(f.group.id), name: "Nuevo producto" })) },
    { name: "updateProduct", run: () => actions.updateProductAction(null, form({ productId: product, groupId: String(f.group.id), name: "Cambiado" })) },
    { name: "deleteProduct", run: () => actions.deleteProductAction(null, form({ productId: product, confirm: "yes" })) },
    { name: "savePrice", run: () => actions.saveProductPriceAction(null, form({ productId: product, currency: CURRENCY, billingCycle: "annually", price: "99" })) },
    { name: "removePrice", run: () => actions.removeProductPriceAction(null, form({ productId: product, currency: CURRENCY, billingCycle: "monthly", confirm: "yes" })) },
    { name: "setAddons", run: () => actions.setProductAddonsAction(null, form({ productId: product, addonIds: String(f.addon.id) })) },
    { name: "saveOption", run: () => actions.saveOptionAction(null, form({ productId: product, name: "IP", type: "yesno" })) },
    { name: "deleteOption", run: () => actions.deleteOptionAction(null, form({ optionId: String(f.option.id), confirm: "yes" })) },
    { name: "saveChoice", run: () => actions.saveChoiceAction(null, form({ optionId: String(f.option.id), label: "+10 GB" })) },
    { name: "deleteChoice", run: () => actions.deleteChoiceAction(null, form({ choiceId: choice, confirm: "yes" })) },
    { name: "saveChoicePrice", run: () => actions.saveChoicePriceAction(null, form({ choiceId: choice, currency: CURRENCY, billingCycle: "annually", price: "10" })) },
    { name: "removeChoicePrice", run: () => actions.removeChoicePriceAction(null, form({ choiceId: choice, currency: CURRENCY, billingCycle: "monthly", confirm: "yes" })) },
    { name: "saveAddon", run: () => actions.saveAddonAction(null, form({ currency: CURRENCY, addonId: String(f.addon.id), name: "X", billingCycle: "monthly", price: "1" })) },
    { name: "newAddon", run: () => actions.saveAddonAction(null, form({ currency: CURRENCY, name: `Nuevo ${f.suffix}`, billingCycle: "monthly", price: "1" })) },
    { name: "saveTld", run: () => actions.saveTldPriceAction(null, form({ currency: CURRENCY, tld: f.tld, years: "1", register: "1", transfer: "1", renew: "1" })) },
    { name: "removeTld", run: () => actions.removeTldPriceAction(null, form({ currency: CURRENCY, tld: f.tld, years: "1", confirm: "yes" })) },
    { name: "stopTld", run: () => actions.stopSellingTldAction(null, form({ currency: CURRENCY, tld: f.tld, confirm: "yes" })) },
    { name: "savePromo", run: () => actions.savePromoAction(null, form({ promoId: String(f.promo.id), code: f.promo.code, type: "fixed", value: "5" })) },
    { name: "newPromo", run: () => actions.savePromoAction(null, form({ code: `NUEVO${f.suffix.toUpperCase()}`.slice(0, 50), type: "fixed", value: "5" })) },
    { name: "setPromoActive", run: () => actions.setPromoActiveAction(null, form({ promoId: String(f.promo.id), active: "no" })) },
  ];
}

function everyPage(f: Fixture) {
  return [
    { name: "catalog", run: () => CatalogPage() },
    { name: "product", run: () => ProductPage({ params: Promise.resolve({ productId: String(f.product.id) }) }) },
    { name: "addons", run: () => AddonsPage() },
    { name: "tlds", run: () => TldsPage() },
    { name: "promos", run: () => PromosPage({ searchParams: Promise.resolve({ cursor: undefined }) }) },
  ];
}

async function storeProduct(productId: number) {
  const groups = await listStoreCatalogue(CURRENCY, db);
  return groups.flatMap((group) => group.products).find((product) => product.id === productId) ?? null;
}

async function lastAudit(action: string) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(sql`${auditLog.id} desc`).limit(1);
  return row!;
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  admin = await createTestStaff(db, "admin");
  support = await createTestStaff(db, "support");
  billing = await createTestStaff(db, "billing");
});
afterAll(teardownTestDatabase);

describe("who may use the catalogue", () => {
  it("answers 404 to every action and page signed out or with a customer's session, and writes nothing", async () => {
    const f = await createFixture();
    const { owner } = await createTestClient(db);
    const before = await snapshot(f);
    for (const session of [null, customerSessionOf(sessionUserFor(owner))]) {
      staffRequest.cookies.clear();
      staffRequest.customerSession = session;
      for (const action of everyAction(f)) await expect(action.run(), action.name).rejects.toBeInstanceOf(NotFound);
      for (const page of everyPage(f)) await expect(page.run(), page.name).rejects.toBeInstanceOf(NotFound);
    }
    expect(await snapshot(f)).toEqual(before);
  });

  it("answers 403 to support and billing staff on every action and page, and writes nothing", async () => {
    const f = await createFixture();
    const before = await snapshot(f);
    for (const staff of [support, billing]) {
      staffRequest.cookies.clear();
      await signInAsStaff(db, staff);
      for (const action of everyAction(f)) await expect(action.run(), `${staff.role} ${action.name}`).rejects.toBeInstanceOf(Forbidden);
      for (const page of everyPage(f)) await expect(page.run(), `${staff.role} ${page.name}`).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await snapshot(f)).toEqual(before);
  });

  it("shows the admin every page, and a product that does not exist is a 404", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    for (const page of everyPage(f)) await expect(page.run(), page.name).resolves.toBeTruthy();
    await expect(ProductPage({ params: Promise.resolve({ productId: "2147483000" }) })).rejects.toBeInstanceOf(NotFound);
    await expect(ProductPage({ params: Promise.resolve({ productId: "abc" }) })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("bad input", () => {
  it("answers a Spanish message next to the field for every action and writes nothing", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    const product = String(f.product.id);
    const choice = String(f.choice.id);
    const refusals: [string, () => Promise<unknown>, Record<string, string>][] = [
      ["group slug", () => actions.saveGroupAction(null, form({ groupId: String(f.group.id), name: "", slug: "Con Espacios" })), { name: "adminCatalog.errors.nameRequired", slug: "adminCatalog.errors.slugInvalid" }],
      ["group slug taken", () => actions.saveGroupAction(null, form({ name: "Otro", slug: "alojamiento-web" })), { slug: "adminCatalog.errors.slugTaken" }],
      ["group order", () => actions.saveGroupAction(null, form({ name: "Otro", slug: `x-${f.suffix}`, sortOrder: "primero" })), { sortOrder: "adminCatalog.errors.sortOrderInvalid" }],
      ["product name", () => actions.createProductAction(null, form({ groupId: String(f.group.id), name: "  " })), { name: "adminCatalog.errors.nameRequired" }],
      ["product group", () => actions.createProductAction(null, form({ groupId: "2147483000", name: "X" })), { groupId: "adminCatalog.errors.groupNotFound" }],
      [
        "product package",
        () => actions.updateProductAction(null, form({ productId: product, groupId: String(f.group.id), name: "X", panelPackage: "plan;rm -rf", features: "a\n".repeat(31) })),
        { panelPackage: "adminCatalog.errors.panelPackageInvalid", features: "adminCatalog.errors.featuresInvalid" },
      ],
      ["product moved to no group", () => actions.updateProductAction(null, form({ productId: product, groupId: "2147483000", name: "X" })), { groupId: "adminCatalog.errors.groupNotFound" }],
      ["delete unconfirmed", () => actions.deleteProductAction(null, form({ productId: product })), { confirm: "adminCatalog.errors.confirmRequired" }],
      ["price with thousands", () => actions.saveProductPriceAction(null, form({ currency: CURRENCY, productId: product, billingCycle: "monthly", price: "1.000,00" })), { price: "adminCatalog.errors.amountInvalid" }],
      ["price letters", () => actions.saveProductPriceAction(null, form({ currency: CURRENCY, productId: product, billingCycle: "monthly", price: "doce", setupFee: "-5" })), { price: "adminCatalog.errors.amountInvalid", setupFee: "adminCatalog.errors.amountInvalid" }],
      ["price three decimals", () => actions.saveProductPriceAction(null, form({ currency: CURRENCY, productId: product, billingCycle: "monthly", price: "12,505" })), { price: "adminCatalog.errors.amountInvalid" }],
      ["price cycle", () => actions.saveProductPriceAction(null, form({ productId: product, billingCycle: "weekly", price: "12", currency: "EURO" })), { billingCycle: "adminCatalog.errors.cycleInvalid", currency: "adminCatalog.errors.currencyInvalid" }],
      ["remove price unconfirmed", () => actions.removeProductPriceAction(null, form({ currency: CURRENCY, productId: product, billingCycle: "monthly" })), { confirm: "adminCatalog.errors.confirmRequired" }],
      ["addons", () => actions.setProductAddonsAction(null, form({ productId: product, addonIds: ["2147483000"] })), { addonIds: "adminCatalog.errors.addonNotFound" }],
      ["option", () => actions.saveOptionAction(null, form({ productId: product, name: "", type: "radio" })), { name: "adminCatalog.errors.nameRequired", type: "adminCatalog.errors.optionTypeInvalid" }],
      ["delete option unconfirmed", () => actions.deleteOptionAction(null, form({ optionId: String(f.option.id), confirm: "no" })), { confirm: "adminCatalog.errors.confirmRequired" }],
      ["choice", () => actions.saveChoiceAction(null, form({ optionId: String(f.option.id), label: "" })), { label: "adminCatalog.errors.labelRequired" }],
      ["delete choice unconfirmed", () => actions.deleteChoiceAction(null, form({ choiceId: choice })), { confirm: "adminCatalog.errors.confirmRequired" }],
      ["choice price", () => actions.saveChoicePriceAction(null, form({ currency: CURRENCY, choiceId: choice, billingCycle: "monthly", price: "" })), { price: "adminCatalog.errors.amountInvalid" }],
      ["remove choice price unconfirmed", () => actions.removeChoicePriceAction(null, form({ currency: CURRENCY, choiceId: choice, billingCycle: "monthly" })), { confirm: "adminCatalog.errors.confirmRequired" }],
      ["addon", () => actions.saveAddonAction(null, form({ currency: CURRENCY, addonId: String(f.addon.id), name: "", billingCycle: "monthly", price: "3,5,0" })), { name: "adminCatalog.errors.nameRequired", price: "adminCatalog.errors.amountInvalid" }],
      ["tld", () => actions.saveTldPriceAction(null, form({ currency: CURRENCY, tld: "no valida!", years: "11", register: "0", transfer: "x", renew: "" })), {
        tld: "adminCatalog.errors.tldInvalid",
        years: "adminCatalog.errors.yearsInvalid",
        register: "adminCatalog.errors.amountPositive",
        transfer: "adminCatalog.errors.amountInvalid",
        renew: "adminCatalog.errors.amountInvalid",
      }],
      ["remove tld unconfirmed", () => actions.removeTldPriceAction(null, form({ currency: CURRENCY, tld: f.tld, years: "1" })), { confirm: "adminCatalog.errors.confirmRequired" }],
      ["stop tld unconfirmed", () => actions.stopSellingTldAction(null, form({ currency: CURRENCY, tld: f.tld })), { confirm: "adminCatalog.errors.confirmRequired" }],
      ["promo code", () => actions.savePromoAction(null, form({ code: "a b", type: "percent", value: "10", maxUses: "0", expiresOn: "2026-02-30" })), {
        code: "adminCatalog.errors.codeInvalid",
        maxUses: "adminCatalog.errors.maxUsesInvalid",
        expiresOn: "adminCatalog.errors.dateInvalid",
      }],
      ["promo percent", () => actions.savePromoAction(null, form({ code: `OTRO${f.suffix.toUpperCase()}`.slice(0, 50), type: "percent", value: "150" })), { value: "adminCatalog.errors.percentInvalid" }],
      ["promo fixed", () => actions.savePromoAction(null, form({ code: `OTRO${f.suffix.toUpperCase()}`.slice(0, 50), type: "fixed", value: "0" })), { value: "adminCatalog.errors.amountPositive" }],
      ["promo code taken (any case)", () => actions.savePromoAction(null, form({ code: f.promo.code.toLowerCase(), type: "fixed", value: "5" })), { code: "adminCatalog.errors.codeTaken" }],
      ["promo products", () => actions.savePromoAction(null, form({ code: `OTRO${f.suffix.toUpperCase()}`.slice(0, 50), type: "fixed", value: "5", productIds: ["2147483000"] })), { productIds: "adminCatalog.errors.productNotFound" }],
      ["promo active", () => actions.setPromoActiveAction(null, form({ promoId: String(f.promo.id), active: "quizá" })), { active: "errors.invalidValue" }],
    ];
    const before = await snapshot(f);
    for (const [name, run, fieldErrors] of refusals) expect(await run(), name).toMatchObject({ ok: false, error: "errors.checkFields", fieldErrors });
    // Rows that do not exist are "not found", not a 500.
    expect(await actions.updateProductAction(null, form({ productId: "2147483000", groupId: String(f.group.id), name: "X" }))).toEqual({ ok: false, error: "adminCatalog.errors.productNotFound" });
    expect(await actions.removeProductPriceAction(null, form({ currency: CURRENCY, productId: product, billingCycle: "triennially", confirm: "yes" }))).toEqual({ ok: false, error: "adminCatalog.errors.priceNotFound" });
    expect(await actions.saveChoiceAction(null, form({ optionId: "2147483000", label: "X" }))).toEqual({ ok: false, error: "adminCatalog.errors.optionNotFound" });
    expect(await actions.stopSellingTldAction(null, form({ currency: CURRENCY, tld: `no${f.tld}`, confirm: "yes" }))).toEqual({ ok: false, error: "adminCatalog.errors.tldNotFound" });
    expect(await actions.setPromoActiveAction(null, form({ promoId: "2147483000", active: "no" }))).toEqual({ ok: false, error: "adminCatalog.errors.promoNotFound" });
    expect(await snapshot(f)).toEqual(before);
    expect(staffRequest.revalidatePath).not.toHaveBeenCalled();
  });

  it("refuses a second choice on a yes/no option", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    expect(await actions.saveOptionAction(null, form({ productId: String(f.product.id), name: "IP dedicada", type: "yesno" }))).toMatchObject({ ok: true });
    const [option] = await db.select().from(productConfigOptions).where(and(eq(productConfigOptions.productId, f.product.id), eq(productConfigOptions.name, "IP dedicada")));
    expect(await actions.saveChoiceAction(null, form({ optionId: String(option!.id), label: "IP dedicada" }))).toMatchObject({ ok: true });
    expect(await actions.saveChoiceAction(null, form({ optionId: String(option!.id), label: "Otra" }))).toMatchObject({ ok: false, fieldErrors: { label: "adminCatalog.errors.yesNoOneChoice" } });
    // A select with two choices cannot become yes/no either.
    await actions.saveChoiceAction(null, form({ optionId: String(f.option.id), label: "+10 GB" }));
    expect(await actions.saveOptionAction(null, form({ productId: String(f.product.id), optionId: String(f.option.id), name: "Espacio", type: "yesno" }))).toMatchObject({ ok: false, fieldErrors: { type: "adminCatalog.errors.yesNoOneChoice" } });
  });
});

describe("what staff write is what the store reads", () => {
  it("groups: created, renamed, ordered and hidden, as the store lists them", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    const slug = `nuevo-${f.suffix}`;
    expect(await actions.saveGroupAction(null, form({ name: `Nuevo ${f.suffix}`, slug: slug.toUpperCase(), description: "Planes nuevos", sortOrder: "7" }))).toEqual({ ok: true, message: "adminCatalog.groups.created" });
    const [created] = await db.select().from(productGroups).where(eq(productGroups.slug, slug));
    expect(created).toMatchObject({ name: `Nuevo ${f.suffix}`, description: "Planes nuevos", sortOrder: 7, hidden: false });
    expect(staffRequest.revalidatePath).toHaveBeenCalledWith("/admin/catalogo", "layout");

    expect(await actions.saveGroupAction(null, form({ groupId: String(f.group.id), name: "Renombrado", slug: f.group.slug, sortOrder: "3" }))).toMatchObject({ ok: true });
    let store = (await listStoreCatalogue(CURRENCY, db)).find((group) => group.id === f.group.id);
    expect(store).toMatchObject({ name: "Renombrado", description: null });
    expect(store!.products.map((product) => product.id)).toEqual([f.product.id]);
    const audit = await lastAudit("staff.catalog_group_saved");
    expect(audit).toMatchObject({ clientId: null, staffUserId: admin.id, details: { groupId: f.group.id, before: { name: f.group.name, sortOrder: 50 }, after: { name: "Renombrado", sortOrder: 3 } } });

    expect(await actions.saveGroupAction(null, form({ groupId: String(f.group.id), name: "Renombrado", slug: f.group.slug, hidden: "on" }))).toMatchObject({ ok: true });
    store = (await listStoreCatalogue(CURRENCY, db)).find((group) => group.id === f.group.id);
    expect(store).toBeUndefined();
    expect(await getOrderableProduct(db, f.product.id, CURRENCY)).toBeNull();
  });

  it("product details: name, features, group, requires domain, panel package and hidden", async () => {
    const f = await createFixture();
    const [otherGroup] = await db.insert(productGroups).values({ name: `Otro ${f.suffix}`, slug: `otro-${f.suffix}` }).returning();
    await signInAsStaff(db, admin);
    const result = await actions.updateProductAction(
      null,
      form({ productId: String(f.product.id), groupId: String(otherGroup!.id), name: "Plan Nuevo", description: "Para tiendas", features: "10 GB SSD\n\n  Correo ilimitado  \n", requiresDomain: "on", panelPackage: "plan_nuevo", sortOrder: "2" }),
    );
    expect(result).toEqual({ ok: true, message: "adminCatalog.products.saved" });
    expect(await getOrderableProduct(db, f.product.id, CURRENCY)).toMatchObject({
      name: "Plan Nuevo",
      description: "Para tiendas",
      features: ["10 GB SSD", "Correo ilimitado"],
      requiresDomain: true,
      groupId: otherGroup!.id,
      groupName: `Otro ${f.suffix}`,
    });
    const [row] = await db.select().from(products).where(eq(products.id, f.product.id));
    // What provisioning asks the panel for.
    expect(row).toMatchObject({ panelPackage: "plan_nuevo", sortOrder: 2, hidden: false });
    expect((await lastAudit("staff.catalog_product_saved")).details).toMatchObject({ productId: f.product.id, before: { name: f.product.name, panelPackage: "plan_prueba" }, after: { name: "Plan Nuevo", panelPackage: "plan_nuevo" } });

    expect(await actions.updateProductAction(null, form({ productId: String(f.product.id), groupId: String(otherGroup!.id), name: "Plan Nuevo", hidden: "on" }))).toMatchObject({ ok: true });
    expect(await storeProduct(f.product.id)).toBeNull();
    expect(await getOrderableProduct(db, f.product.id, CURRENCY)).toBeNull();
    const [cleared] = await db.select().from(products).where(eq(products.id, f.product.id));
    expect(cleared).toMatchObject({ hidden: true, panelPackage: null, features: [], requiresDomain: false });
  });

  it("prices: a cycle added in euros as typed, changed, and removed, with before and after in the audit", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    expect(await actions.saveProductPriceAction(null, form({ currency: CURRENCY, productId: String(f.product.id), billingCycle: "annually", price: "99,90", setupFee: "12.5" }))).toEqual({ ok: true, message: "adminCatalog.prices.saved" });
    expect((await storeProduct(f.product.id))!.prices).toEqual([
      { billingCycle: "monthly", price: 990, setupFee: 0 },
      { billingCycle: "annually", price: 9990, setupFee: 1250 },
    ]);
    expect((await lastAudit("staff.catalog_price_changed")).details).toEqual({ kind: "product", productId: f.product.id, currency: CURRENCY, billingCycle: "annually", before: null, after: { price: 9990, setupFee: 1250 } });

    expect(await actions.saveProductPriceAction(null, form({ productId: String(f.product.id), currency: CURRENCY.toLowerCase(), billingCycle: "monthly", price: "12,50 €" }))).toMatchObject({ ok: true });
    expect((await getOrderableProduct(db, f.product.id, CURRENCY))!.prices[0]).toEqual({ billingCycle: "monthly", price: 1250, setupFee: 0 });
    expect((await lastAudit("staff.catalog_price_changed")).details).toMatchObject({ billingCycle: "monthly", before: { price: 990, setupFee: 0 }, after: { price: 1250, setupFee: 0 } });

    // Another currency is another price: the EUR store does not see it.
    expect(await actions.saveProductPriceAction(null, form({ productId: String(f.product.id), currency: OTHER_CURRENCY, billingCycle: "monthly", price: "14" }))).toMatchObject({ ok: true });
    expect((await storeProduct(f.product.id))!.prices).toHaveLength(2);
    expect((await listStoreCatalogue(OTHER_CURRENCY, db)).flatMap((group) => group.products).find((product) => product.id === f.product.id)!.prices).toEqual([{ billingCycle: "monthly", price: 1400, setupFee: 0 }]);

    expect(await actions.removeProductPriceAction(null, form({ currency: CURRENCY, productId: String(f.product.id), billingCycle: "monthly", confirm: "yes" }))).toEqual({ ok: true, message: "adminCatalog.prices.removed" });
    expect((await storeProduct(f.product.id))!.prices).toEqual([{ billingCycle: "annually", price: 9990, setupFee: 1250 }]);
    expect((await lastAudit("staff.catalog_price_changed")).details).toMatchObject({ billingCycle: "monthly", before: { price: 1250 }, after: null });
    await actions.removeProductPriceAction(null, form({ currency: CURRENCY, productId: String(f.product.id), billingCycle: "annually", confirm: "yes" }));
    // Without a price in the customer's currency it is not sold.
    expect(await storeProduct(f.product.id)).toBeNull();
  });

  it("a new product appears in the store once it has a price", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    const created = await actions.createProductAction(null, form({ groupId: String(f.group.id), name: `Plan ${f.suffix}` }));
    expect(created).toMatchObject({ ok: true, message: "adminCatalog.products.created", data: { productId: expect.any(Number) } });
    const productId = (created as { data: { productId: number } }).data.productId;
    expect(await storeProduct(productId)).toBeNull();
    await actions.saveProductPriceAction(null, form({ currency: CURRENCY, productId: String(productId), billingCycle: "monthly", price: "4" }));
    expect(await storeProduct(productId)).toMatchObject({ name: `Plan ${f.suffix}`, prices: [{ billingCycle: "monthly", price: 400, setupFee: 0 }] });
  });

  it("configurable options, choices and their prices reach the configure page", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    const product = String(f.product.id);
    expect(await actions.saveOptionAction(null, form({ productId: product, optionId: String(f.option.id), name: "Disco adicional", type: "select", sortOrder: "2" }))).toMatchObject({ ok: true });
    expect(await actions.saveOptionAction(null, form({ productId: product, name: "Copias", type: "yesno", sortOrder: "1" }))).toEqual({ ok: true, message: "adminCatalog.options.created" });
    const [copies] = await db.select().from(productConfigOptions).where(and(eq(productConfigOptions.productId, f.product.id), eq(productConfigOptions.name, "Copias")));
    await actions.saveChoiceAction(null, form({ optionId: String(copies!.id), label: "Copias diarias", panelValue: "backups" }));
    const [daily] = await db.select().from(productConfigChoices).where(eq(productConfigChoices.optionId, copies!.id));
    expect(await actions.saveChoicePriceAction(null, form({ currency: CURRENCY, choiceId: String(daily!.id), billingCycle: "monthly", price: "2,00", setupFee: "1" }))).toMatchObject({ ok: true });
    expect(await actions.saveChoicePriceAction(null, form({ currency: CURRENCY, choiceId: String(f.choice.id), billingCycle: "monthly", price: "1,50" }))).toMatchObject({ ok: true });
    expect((await lastAudit("staff.catalog_price_changed")).details).toMatchObject({ kind: "choice", choiceId: f.choice.id, before: { price: 100 }, after: { price: 150 } });
    await actions.saveChoiceAction(null, form({ optionId: String(f.option.id), choiceId: String(f.choice.id), label: "+5 GB SSD", panelValue: "5120" }));

    const orderable = await getOrderableProduct(db, f.product.id, CURRENCY);
    expect(orderable!.options).toEqual([
      { id: copies!.id, name: "Copias", type: "yesno", choices: [{ id: daily!.id, label: "Copias diarias", prices: [{ billingCycle: "monthly", price: 200, setupFee: 100 }] }] },
      { id: f.option.id, name: "Disco adicional", type: "select", choices: [{ id: f.choice.id, label: "+5 GB SSD", prices: [{ billingCycle: "monthly", price: 150, setupFee: 0 }] }] },
    ]);

    expect(await actions.removeChoicePriceAction(null, form({ currency: CURRENCY, choiceId: String(f.choice.id), billingCycle: "monthly", confirm: "yes" }))).toMatchObject({ ok: true });
    expect(await actions.deleteChoiceAction(null, form({ choiceId: String(daily!.id), confirm: "yes" }))).toEqual({ ok: true, message: "adminCatalog.choices.deleted" });
    expect(await actions.deleteOptionAction(null, form({ optionId: String(f.option.id), confirm: "yes" }))).toEqual({ ok: true, message: "adminCatalog.options.deleted" });
    expect((await lastAudit("staff.catalog_option_deleted")).details).toMatchObject({ kind: "option", optionId: f.option.id, before: { name: "Disco adicional", choices: [{ label: "+5 GB SSD", prices: [] }] }, after: null });
    expect((await getOrderableProduct(db, f.product.id, CURRENCY))!.options).toEqual([{ id: copies!.id, name: "Copias", type: "yesno", choices: [] }]);
    expect(await db.select().from(productConfigChoices).where(eq(productConfigChoices.optionId, f.option.id))).toEqual([]);
  });

  it("addons: created with their price, offered with a product, shown to the customer with that product, hidden", async () => {
    const f = await createFixture();
    const { client } = await createTestClient(db, { client: { currency: CURRENCY } });
    await createTestService(db, client.id, { productId: f.product.id });
    await signInAsStaff(db, admin);
    const name = `Copias ${f.suffix}`;
    expect(await actions.saveAddonAction(null, form({ name, description: "Cada noche", billingCycle: "monthly", price: "3,99", setupFee: "", currency: CURRENCY }))).toEqual({ ok: true, message: "adminCatalog.addons.created" });
    const [created] = await db.select().from(addons).where(eq(addons.name, name));
    expect(created).toMatchObject({ price: 399, setupFee: 0, currency: CURRENCY, billingCycle: "monthly", hidden: false });
    expect(await actions.setProductAddonsAction(null, form({ productId: String(f.product.id), addonIds: [String(created!.id), String(f.addon.id)] }))).toEqual({ ok: true, message: "adminCatalog.addons.linksSaved" });

    const offered = async () => (await listAvailableAddons(scopeOf(client.id))).services.flatMap((service) => service.addons.map((addon) => ({ id: addon.id, price: addon.price })));
    expect(await offered()).toEqual(expect.arrayContaining([{ id: created!.id, price: 399 }, { id: f.addon.id, price: 300 }]));

    expect(await actions.saveAddonAction(null, form({ currency: CURRENCY, addonId: String(created!.id), name, billingCycle: "annually", price: "40", setupFee: "5", hidden: "" }))).toMatchObject({ ok: true });
    expect((await lastAudit("staff.catalog_addon_saved")).details).toMatchObject({ addonId: created!.id, before: { price: 399, setupFee: 0, billingCycle: "monthly" }, after: { price: 4000, setupFee: 500, billingCycle: "annually" } });
    expect(await offered()).toEqual(expect.arrayContaining([{ id: created!.id, price: 4000 }]));

    await actions.saveAddonAction(null, form({ currency: CURRENCY, addonId: String(created!.id), name, billingCycle: "annually", price: "40", hidden: "on" }));
    await actions.setProductAddonsAction(null, form({ productId: String(f.product.id), addonIds: String(f.addon.id) }));
    expect(await offered()).toEqual([{ id: f.addon.id, price: 300 }]);
    expect((await lastAudit("staff.catalog_product_saved")).details).toEqual({ productId: f.product.id, before: { addonIds: [f.addon.id, created!.id].sort((a, b) => a - b) }, after: { addonIds: [f.addon.id] } });
    await actions.setProductAddonsAction(null, form({ productId: String(f.product.id) }));
    expect(await offered()).toEqual([]);
  });

  it("TLD prices: a new extension, changed prices, one period removed, and no longer sold", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    const tld = `n${f.tld}`;
    const sold = async () => (await listTldPrices(CURRENCY, db)).find((row) => row.tld === tld) ?? null;
    expect(await actions.saveTldPriceAction(null, form({ currency: CURRENCY, tld: `.${tld.toUpperCase()}`, years: "1", register: "9,99", transfer: "0", renew: "12.99" }))).toEqual({ ok: true, message: "adminCatalog.tlds.saved" });
    expect(await sold()).toEqual({ tld, currency: CURRENCY, register: 999, transfer: 0, renew: 1299 });
    expect(await actions.saveTldPriceAction(null, form({ currency: CURRENCY, tld, years: "2", register: "22", transfer: "22", renew: "25" }))).toMatchObject({ ok: true });
    expect(await actions.saveTldPriceAction(null, form({ currency: CURRENCY, tld, years: "1", register: "7,99", transfer: "0", renew: "12.99" }))).toMatchObject({ ok: true });
    expect(await sold()).toMatchObject({ register: 799 });
    expect((await lastAudit("staff.catalog_tld_price_changed")).details).toEqual({ tld, currency: CURRENCY, years: 1, before: { register: 999, transfer: 0, renew: 1299 }, after: { register: 799, transfer: 0, renew: 1299 } });

    // Two admins adding the same period at the same moment: both answered, one row, the later prices kept.
    const same = (register: string) => actions.saveTldPriceAction(null, form({ currency: CURRENCY, tld, years: "3", register, transfer: "30", renew: "36" }));
    expect(await Promise.all([same("30"), same("31")])).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
    expect(await db.select({ register: tldPrices.register }).from(tldPrices).where(and(eq(tldPrices.tld, tld), eq(tldPrices.years, 3)))).toHaveLength(1);
    await actions.removeTldPriceAction(null, form({ currency: CURRENCY, tld, years: "3", confirm: "yes" }));

    expect(await actions.removeTldPriceAction(null, form({ currency: CURRENCY, tld, years: "2", confirm: "yes" }))).toEqual({ ok: true, message: "adminCatalog.tlds.removed" });
    expect(await db.select({ years: tldPrices.years }).from(tldPrices).where(eq(tldPrices.tld, tld))).toEqual([{ years: 1 }]);
    expect(await actions.stopSellingTldAction(null, form({ currency: CURRENCY, tld, confirm: "yes" }))).toEqual({ ok: true, message: "adminCatalog.tlds.stopped" });
    expect(await sold()).toBeNull();
    expect((await lastAudit("staff.catalog_tld_price_changed")).details).toMatchObject({ tld, before: [{ years: 1, register: 799 }], after: null });
  });

  it("promo codes: created, edited, deactivated, as the cart's rules read them", async () => {
    const f = await createFixture();
    await signInAsStaff(db, admin);
    const code = `VERANO${f.suffix.toUpperCase()}`.slice(0, 50);
    expect(
      await actions.savePromoAction(null, form({ code: ` ${code.toLowerCase()} `, type: "percent", value: "12,5", productIds: String(f.product.id), maxUses: "3", expiresOn: "2099-07-31", recurring: "on", active: "on" })),
    ).toEqual({ ok: true, message: "adminCatalog.promos.created" });
    const promo = await findPromoCode(db, code);
    expect(promo).toMatchObject({ code, type: "percent", value: 1250, productIds: [f.product.id], maxUses: 3, uses: 0, recurring: true, active: true });
    // The whole of 31 July in Madrid (summer time, UTC+2).
    expect(promo!.expiresAt!.toISOString()).toBe("2099-07-31T22:00:00.000Z");
    expect(promoRefusal(promo, [f.product.id], new Date("2099-07-31T21:59:00Z"))).toBeNull();
    expect(promoRefusal(promo, [f.product.id], new Date("2099-07-31T22:00:00Z"))).toBe("store.errors.promoExpired");
    expect(promoRefusal(promo, [f.product.id + 1], new Date())).toBe("store.errors.promoNotApplicable");

    expect(await actions.savePromoAction(null, form({ promoId: String(promo!.id), code, type: "fixed", value: "5", active: "on" }))).toEqual({ ok: true, message: "adminCatalog.promos.saved" });
    const edited = await findPromoCode(db, code);
    expect(edited).toMatchObject({ type: "fixed", value: 500, productIds: [], maxUses: null, expiresAt: null, recurring: false });
    expect((await lastAudit("staff.catalog_promo_saved")).details).toMatchObject({ promoId: promo!.id, before: { type: "percent", value: 1250 }, after: { type: "fixed", value: 500 } });

    // The same new code sent twice at once: one is created, the other is told the code exists.
    const twin = `DOBLE${f.suffix.toUpperCase()}`.slice(0, 50);
    const both = await Promise.all([0, 1].map(() => actions.savePromoAction(null, form({ code: twin, type: "fixed", value: "1" }))));
    expect(both.filter((result) => result.ok)).toHaveLength(1);
    expect(both.find((result) => !result.ok)).toMatchObject({ ok: false, fieldErrors: { code: "adminCatalog.errors.codeTaken" } });

    expect(await actions.setPromoActiveAction(null, form({ promoId: String(promo!.id), active: "no" }))).toEqual({ ok: true, message: "adminCatalog.promos.deactivated" });
    expect(promoRefusal(await findPromoCode(db, code), [f.product.id], new Date())).toBe("store.errors.promoNotFound");
    expect(await actions.setPromoActiveAction(null, form({ promoId: String(promo!.id), active: "yes" }))).toMatchObject({ ok: true });
    expect(promoRefusal(await findPromoCode(db, code), [f.product.id], new Date())).toBeNull();
    expect(endOfMadridDay("2099-01-15").toISOString()).toBe("2099-01-15T23:00:00.000Z");
  });

  it("a product with services cannot be deleted; one without goes with its prices, options and links", async () => {
    const f = await createFixture();
    const { client } = await createTestClient(db);
    const used = await db.insert(products).values({ groupId: f.group.id, name: `Usado ${f.suffix}` }).returning();
    await createTestService(db, client.id, { productId: used[0]!.id });
    await db.insert(addonProducts).values({ addonId: f.addon.id, productId: f.product.id });
    await signInAsStaff(db, admin);

    expect(await actions.deleteProductAction(null, form({ productId: String(used[0]!.id), confirm: "yes" }))).toEqual({ ok: false, error: "adminCatalog.errors.productHasServices" });
    expect(await db.select({ id: products.id }).from(products).where(eq(products.id, used[0]!.id))).toHaveLength(1);

    await expect(actions.deleteProductAction(null, form({ productId: String(f.product.id), confirm: "yes" }))).rejects.toEqual(new Redirected("/admin/catalogo"));
    const after = await snapshot(f);
    expect(after.products.map((product) => product.id)).toEqual([used[0]!.id]);
    expect([after.prices, after.options, after.choices, after.choicePrices, after.links]).toEqual([[], [], [], [], []]);
    expect(await storeProduct(f.product.id)).toBeNull();
    expect((await lastAudit("staff.catalog_product_deleted")).details).toMatchObject({ productId: f.product.id, before: { name: f.product.name, prices: [{ currency: CURRENCY, billingCycle: "monthly", price: 990, setupFee: 0 }] }, after: null });
  });
});
