import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { cartItems, orders, productPrices } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createSubAccount, createTestProduct, createTestService, sessionUserFor } from "@/tests/helpers/factories";
import { Forbidden, NotFound, Redirected } from "@/tests/helpers/next-navigation";
import { form } from "@/tests/helpers/form-data";

// The store's server actions and the addons page as a form post and a request drive them: only the
// session, redirects and cache are stubbed; zod, the permission check, the use cases and the database are real.


const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  requireUser: async (permission?: string) => {
    const user = session.user!;
    if (permission && !user.isOwner && !user.permissions.includes(permission as never)) throw new Forbidden();
    return user;
  },
}));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));
vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

const actions = await import("@/app/(portal)/carrito/actions");
const { default: AddonsPage } = await import("@/app/(portal)/productos/complementos/page");

let db: Database;
let productId: number;

async function redirectOf(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Redirected)) throw new Error(`expected a redirect, got ${String(error)}`);
  return error.url;
}

const itemsOf = (clientId: number) => db.select().from(cartItems).where(eq(cartItems.clientId, clientId));

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  const product = await createTestProduct(db, { requiresDomain: false });
  await db.insert(productPrices).values({ productId: product.id, currency: "EUR", billingCycle: "monthly", price: 900, setupFee: 0 });
  productId = product.id;
});
afterAll(teardownTestDatabase);
beforeEach(() => {
  session.user = null;
});

describe("store actions", () => {
  it("validate every field with zod and the orders permission, writing nothing when refused", async () => {
    const owner = await createSignedInOwner(db);
    session.user = owner;
    expect(await actions.addProductAction(null, form({ productId: String(productId), billingCycle: "weekly" }))).toMatchObject({
      ok: false,
      fieldErrors: { billingCycle: "store.errors.cycleNotOffered" },
    });
    expect(await actions.addProductAction(null, form({ productId: "1 OR 1=1", billingCycle: "monthly" }))).toMatchObject({
      fieldErrors: { productId: "store.errors.productNotFound" },
    });
    expect(await actions.addProductAction(null, form({ productId: String(productId), billingCycle: "monthly", option_1: "abc" }))).toMatchObject({
      fieldErrors: { options: "store.errors.optionNotFound" },
    });
    expect(await actions.applyPromoAction(null, form({ code: "   " }))).toMatchObject({ fieldErrors: { code: "store.errors.promoCodeRequired" } });
    const { contact } = await createSubAccount(db, owner.clientId, ["invoices"]);
    session.user = sessionUserFor(contact);
    expect(await actions.addProductAction(null, form({ productId: String(productId), billingCycle: "monthly" }))).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await actions.checkoutAction(null, form({}))).toEqual({ ok: false, error: "errors.forbidden" });
    await expect(AddonsPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(Forbidden);
    expect(await itemsOf(owner.clientId)).toEqual([]);
  });

  it("add to the cart, refuse another client's ids, and check out once to the invoice", async () => {
    const owner = await createSignedInOwner(db);
    const stranger = await createSignedInOwner(db);
    const strangersService = await createTestService(db, stranger.clientId);
    session.user = owner;

    expect(await redirectOf(actions.addProductAction(null, form({ productId: String(productId), billingCycle: "monthly" })))).toBe("/carrito?aviso=anadido");
    const [item] = await itemsOf(owner.clientId);
    expect(item).toMatchObject({ kind: "product", productId, billingCycle: "monthly", configChoices: {} });

    expect(await actions.addAddonAction(null, form({ addonId: "1", serviceId: String(strangersService.id) }))).toMatchObject({ ok: false });
    session.user = stranger;
    expect(await actions.removeItemAction(null, form({ itemId: String(item!.id) }))).toEqual({ ok: false, error: "store.errors.itemNotFound" });
    await expect(AddonsPage({ searchParams: Promise.resolve({ servicio: "abc" }) })).rejects.toBeInstanceOf(NotFound);
    session.user = owner;
    await expect(AddonsPage({ searchParams: Promise.resolve({ servicio: String(strangersService.id) }) })).rejects.toBeInstanceOf(NotFound);
    expect(await itemsOf(owner.clientId)).toHaveLength(1);

    const target = await redirectOf(actions.checkoutAction(null, form({})));
    const [order] = await db.select().from(orders).where(eq(orders.clientId, owner.clientId));
    expect(target).toBe(`/facturacion/facturas/${order!.invoiceId}`);
    expect(await actions.checkoutAction(null, form({}))).toEqual({ ok: false, error: "store.errors.cartEmpty" });
    expect(await db.select().from(orders).where(eq(orders.clientId, owner.clientId))).toHaveLength(1);
  });
});
