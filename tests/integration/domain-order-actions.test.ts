import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { cartItems, domainOrderItems, invoices } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { setProviderForTests } from "@/lib/providers";
import { sandboxHashSaysTaken } from "@/lib/registrar/sandbox-registrar";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createSubAccount, createTestDomain, isoDate, sessionUserFor, uniqueSuffix } from "@/tests/helpers/factories";
import { NotFound, Redirected } from "@/tests/helpers/next-navigation";
import { createRegistrarDouble } from "@/tests/helpers/registrar-double";
import { form } from "@/tests/helpers/form-data";

// The domain order pages' server actions as form posts drive them: only the session, redirects and
// cache are stubbed; zod, the permission check, the use cases and the database are real.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user! }));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));
vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

const orderActions = await import("@/app/(portal)/dominios/registrar/actions");
const addonActions = await import("@/app/(portal)/dominios/[domainId]/complementos/actions");

let db: Database;
beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});
beforeEach(() => setProviderForTests("registrar", createRegistrarDouble({ db }).registrar));
afterAll(async () => {
  setProviderForTests("registrar", null);
  await teardownTestDatabase();
});

async function outcome(run: Promise<unknown>): Promise<unknown> {
  return run.catch((caught: unknown) => {
    if (caught instanceof Redirected) return { redirect: caught.url };
    if (caught instanceof NotFound) return "404";
    throw caught;
  });
}
const itemsOf = (clientId: number) => db.select().from(cartItems).where(eq(cartItems.clientId, clientId));
function freeName(): string {
  for (;;) {
    const name = `accion-${uniqueSuffix()}.es`;
    if (!sandboxHashSaysTaken(name)) return name;
  }
}

describe("domain order actions", () => {
  it("puts ticked renewals in the cart with their years, and refuses bad input with its message, writing nothing", async () => {
    const user = await createSignedInOwner(db);
    session.user = user;
    const a = await createTestDomain(db, user.clientId, { expiryDate: isoDate(50), nextDueDate: isoDate(50) });
    const b = await createTestDomain(db, user.clientId, { expiryDate: isoDate(80), nextDueDate: isoDate(80) });
    const stranger = await createSignedInOwner(db);
    const theirs = await createTestDomain(db, stranger.clientId);

    expect(await orderActions.addRenewalsAction(null, form({ [`years_${a.id}`]: "2" }))).toMatchObject({ ok: false, error: "domainOrders.renew.noneSelected" });
    expect(await orderActions.addRenewalsAction(null, form({ renew: [String(a.id)], [`years_${a.id}`]: "99" }))).toMatchObject({ ok: false, fieldErrors: { renew: "store.errors.domainYearsInvalid" } });
    expect(await orderActions.addRenewalsAction(null, form({ renew: [String(a.id), String(theirs.id)] }))).toMatchObject({ ok: false, error: "store.errors.domainNotYours" });
    expect(await itemsOf(user.clientId)).toHaveLength(0);

    expect(await outcome(orderActions.addRenewalsAction(null, form({ renew: [String(a.id), String(b.id)], [`years_${a.id}`]: "2", [`years_${b.id}`]: "3" })))).toEqual({ redirect: "/carrito?aviso=anadido" });
    expect((await itemsOf(user.clientId)).map((item) => [item.kind, item.domainId, item.domainYears])).toEqual([
      ["domain_renew", a.id, 2],
      ["domain_renew", b.id, 3],
    ]);
  });

  it("registers with DNS management and email forwarding as ticked, and asks a transfer for its EPP code", async () => {
    const user = await createSignedInOwner(db);
    session.user = user;
    expect(await orderActions.addRegistrationAction(null, form({ domain: "", years: "1" }))).toMatchObject({ ok: false, fieldErrors: { domain: "store.errors.domainRequired" } });
    const name = freeName();
    expect(await outcome(orderActions.addRegistrationAction(null, form({ domain: name, years: "2", dnsManagement: "on" })))).toEqual({ redirect: "/carrito?aviso=anadido" });
    const [item] = await itemsOf(user.clientId);
    expect(item).toMatchObject({ kind: "domain_register", domain: name, domainYears: 2, dnsManagement: true, emailForwarding: false, idProtection: false });
    expect(await orderActions.addTransferAction(null, form({ domain: "algo.com", eppCode: " " }))).toMatchObject({ ok: false, fieldErrors: { eppCode: "store.errors.domainEppCodeRequired" } });
    expect(await itemsOf(user.clientId)).toHaveLength(1);
  });

  it("refuses without the orders permission, and answers 404 for another client's domain on Complementos", async () => {
    const owner = await createSignedInOwner(db);
    const { contact } = await createSubAccount(db, owner.clientId, ["invoices"]);
    session.user = sessionUserFor(contact);
    expect(await orderActions.addRegistrationAction(null, form({ domain: freeName(), years: "1" }))).toEqual({ ok: false, error: "errors.forbidden" });

    session.user = owner;
    const stranger = await createSignedInOwner(db);
    const theirs = await createTestDomain(db, stranger.clientId);
    expect(await outcome(addonActions.buyIdProtectionAction(null, form({ domainId: String(theirs.id) })))).toBe("404");
    expect(await outcome(addonActions.turnOffIdProtectionAction(null, form({ domainId: String(theirs.id) })))).toBe("404");
    expect(await db.select().from(domainOrderItems).where(eq(domainOrderItems.domainId, theirs.id))).toHaveLength(0);

    const mine = await createTestDomain(db, owner.clientId, { expiryDate: isoDate(100), nextDueDate: isoDate(100) });
    const bought = (await outcome(addonActions.buyIdProtectionAction(null, form({ domainId: String(mine.id) })))) as { redirect: string };
    expect(bought.redirect).toMatch(/^\/facturacion\/facturas\/\d+$/);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, Number(bought.redirect.split("/").pop())));
    expect(invoice).toMatchObject({ clientId: owner.clientId, subtotal: 500 });
  });
});
