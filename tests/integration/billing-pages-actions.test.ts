import { and, eq } from "drizzle-orm";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseEuroAmount } from "@/app/(portal)/facturacion/anadir-fondos/parse-amount";
import type { Database } from "@/db/client";
import { creditLedgerEntries, INVOICE_STATUSES, invoices, paymentAttempts, quoteLines, quotes, type Permission } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { listUnpaidInvoices } from "@/lib/billing/queries/unpaid-invoices";
import { startPayment } from "@/lib/billing/start-payment";
import { catalogs } from "@/lib/i18n/messages";
import { createSandboxGateway } from "@/lib/payments/sandbox-gateway";
import { setProviderForTests } from "@/lib/providers";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createSubAccount, createTestInvoice, uniqueSuffix } from "@/tests/helpers/factories";
import { Redirected } from "@/tests/helpers/next-navigation";
import { form } from "@/tests/helpers/form-data";

// The server actions of the billing pages, driven as a form post would drive them: the session is
// stubbed, everything behind it (use cases, sandbox gateway, database) is the real thing.


const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// For the invoice page, rendered by calling its server component.
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));
vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendQuoteAcceptedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

const { default: InvoicePage } = await import("@/app/(portal)/facturacion/facturas/[invoiceId]/page");
const { payInvoiceAction, applyCreditAction } = await import("@/app/(portal)/facturacion/facturas/[invoiceId]/actions");
const { payInvoicesAction } = await import("@/app/(portal)/facturacion/pago-masivo/actions");
const { addFundsAction } = await import("@/app/(portal)/facturacion/anadir-fondos/actions");
const { acceptQuoteAction } = await import("@/app/(portal)/facturacion/ofertas/[quoteId]/actions");

let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

beforeEach(() => {
  setProviderForTests("payments", createSandboxGateway());
  session.user = null;
});

afterAll(() => {
  setProviderForTests("payments", null);
});

async function signedInCustomer(): Promise<SessionUser> {
  const user = await createSignedInOwner(db);
  session.user = user;
  return user;
}

/** The action's answer, or the URL it redirected to. */
async function post<R>(action: (previous: null, data: FormData) => Promise<R>, values: Record<string, string | string[]>): Promise<R | { redirectedTo: string }> {
  try {
    return await action(null, form(values));
  } catch (error) {
    if (error instanceof Redirected) return { redirectedTo: error.url };
    throw error;
  }
}

async function attemptsOf(clientId: number) {
  return db.select().from(paymentAttempts).where(eq(paymentAttempts.clientId, clientId));
}

function spanish(key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogs.es);
  if (typeof value !== "string") throw new Error(`No Spanish message for ${key}`);
  return value;
}

describe("Pagar ahora", () => {
  it("opens a checkout for the amount the server finds due, ignoring any amount the browser sends", async () => {
    const user = await signedInCustomer();
    const { invoice } = await createTestInvoice(db, user.clientId, { line: { unitAmount: 10000 } });
    await db.update(invoices).set({ amountPaid: 2000 }).where(eq(invoices.id, invoice.id));
    const result = await post(payInvoiceAction, { invoiceId: String(invoice.id), amount: "1", total: "1" });
    expect(result).toMatchObject({ redirectedTo: expect.stringMatching(/\/facturacion\/pago\/\d+$/) });
    const [attempt] = await attemptsOf(user.clientId);
    expect(attempt).toMatchObject({ amount: 12100 - 2000, invoiceIds: [invoice.id], status: "open" });
  });

  it("answers another client's invoice like a missing one and writes nothing", async () => {
    const other = await signedInCustomer();
    const { invoice: ofOther } = await createTestInvoice(db, other.clientId);
    const user = await signedInCustomer();
    const result = await post(payInvoiceAction, { invoiceId: String(ofOther.id) });
    expect(result).toEqual({ ok: false, error: "billing.errors.invoiceNotFound" });
    expect(spanish("billing.errors.invoiceNotFound")).toMatch(/No hemos encontrado/);
    expect(await attemptsOf(user.clientId)).toEqual([]);
    expect(await attemptsOf(other.clientId)).toEqual([]);
  });

  it("refuses a paid invoice with a message and creates no payment attempt", async () => {
    const user = await signedInCustomer();
    const { invoice } = await createTestInvoice(db, user.clientId, { invoice: { status: "paid", amountPaid: 1210 } });
    expect(await post(payInvoiceAction, { invoiceId: String(invoice.id) })).toEqual({ ok: false, error: "billing.errors.alreadyPaid" });
    expect(await attemptsOf(user.clientId)).toEqual([]);
  });

  it("refuses an id that is not a number, a signed-out visitor and a sub-account without the invoices permission", async () => {
    const user = await signedInCustomer();
    const { invoice } = await createTestInvoice(db, user.clientId);
    expect(await post(payInvoiceAction, { invoiceId: "1 or 1=1" })).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { invoiceId: "errors.invalidValue" } });
    session.user = null;
    expect(await post(payInvoiceAction, { invoiceId: String(invoice.id) })).toEqual({ ok: false, error: "errors.signedOut" });
    const { contact } = await createSubAccount(db, user.clientId, ["quotes", "tickets"] as Permission[]);
    session.user = { ...user, contactId: contact.id, isOwner: false, permissions: ["quotes", "tickets"] };
    expect(await post(payInvoiceAction, { invoiceId: String(invoice.id) })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await attemptsOf(user.clientId)).toEqual([]);
  });
});

describe("Pago masivo", () => {
  it("pays the ticked invoices in one attempt for the sum of what they owe", async () => {
    const user = await signedInCustomer();
    const first = (await createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } })).invoice;
    const second = (await createTestInvoice(db, user.clientId, { line: { unitAmount: 3000 } })).invoice;
    const result = await post(payInvoicesAction, { invoiceIds: [String(second.id), String(first.id)] });
    expect(result).toMatchObject({ redirectedTo: expect.stringMatching(/\/facturacion\/pago\/\d+$/) });
    const [attempt] = await attemptsOf(user.clientId);
    expect(attempt).toMatchObject({ amount: 1210 + 3630, invoiceIds: [first.id, second.id] });
  });

  it("refuses the whole selection when it repeats an invoice, holds another client's or a paid one, or is empty", async () => {
    const other = await signedInCustomer();
    const ofOther = (await createTestInvoice(db, other.clientId)).invoice;
    const user = await signedInCustomer();
    const mine = (await createTestInvoice(db, user.clientId)).invoice;
    const paid = (await createTestInvoice(db, user.clientId, { invoice: { status: "paid", amountPaid: 1210 } })).invoice;
    const cases: [Record<string, string | string[]>, string][] = [
      [{ invoiceIds: [String(mine.id), String(mine.id)] }, "billing.errors.selectionRepeated"],
      [{ invoiceIds: [String(mine.id), String(ofOther.id)] }, "billing.errors.invoiceNotFound"],
      [{ invoiceIds: [String(mine.id), String(paid.id)] }, "billing.errors.alreadyPaid"],
      [{}, "billing.errors.selectionEmpty"],
    ];
    for (const [values, error] of cases) {
      expect(await post(payInvoicesAction, values)).toEqual({ ok: false, error });
      expect(spanish(error).length).toBeGreaterThan(10);
    }
    expect(await post(payInvoicesAction, { invoiceIds: [String(mine.id), "x"] })).toMatchObject({ ok: false, fieldErrors: { invoiceIds: "errors.invalidValue" } });
    expect(await attemptsOf(user.clientId)).toEqual([]);
    expect(await attemptsOf(other.clientId)).toEqual([]);
  });
});

describe("Aplicar crédito", () => {
  it("applies the available credit and comes back to the invoice", async () => {
    const user = await signedInCustomer();
    await db.insert(creditLedgerEntries).values({ clientId: user.clientId, amount: 500, kind: "deposit", description: "Prueba" });
    const { invoice } = await createTestInvoice(db, user.clientId, { line: { unitAmount: 1000 } });
    expect(await post(applyCreditAction, { invoiceId: String(invoice.id), amount: "999999" })).toEqual({ redirectedTo: `/facturacion/facturas/${invoice.id}?aviso=credito` });
    const [row] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(row).toMatchObject({ amountPaid: 500, status: "unpaid" });
    expect(await post(applyCreditAction, { invoiceId: String(invoice.id) })).toEqual({ ok: false, error: "billing.errors.noCredit" });
  });
});

describe("Añadir fondos", () => {
  it("reads euros as typed in Spain or elsewhere, into cents", () => {
    expect(parseEuroAmount("25")).toBe(2500);
    expect(parseEuroAmount("25,50")).toBe(2550);
    expect(parseEuroAmount("25.50")).toBe(2550);
    expect(parseEuroAmount("25,5")).toBe(2550);
    expect(parseEuroAmount(" 25,05 € ")).toBe(2505);
    expect(parseEuroAmount("0,01")).toBe(1);
    for (const bad of ["", "abc", "25,505", "1.000,00", "-5", "25e2", "12345678", "25,", ",50", "0x10"]) expect(parseEuroAmount(bad), bad).toBeNull();
  });

  it("creates an add-funds invoice for the amount and sends the customer to pay it", async () => {
    const user = await signedInCustomer();
    const result = await post(addFundsAction, { amount: "25,50" });
    expect(result).toMatchObject({ redirectedTo: expect.stringMatching(/\/facturacion\/pago\/\d+$/) });
    const [invoice] = await db.select().from(invoices).where(and(eq(invoices.clientId, user.clientId), eq(invoices.kind, "add_funds")));
    expect(invoice).toMatchObject({ total: 2550, taxTotal: 0, status: "unpaid" });
    const [attempt] = await attemptsOf(user.clientId);
    expect(attempt).toMatchObject({ amount: 2550, invoiceIds: [invoice!.id] });
  });

  it("shows what is wrong with the amount next to the field, and creates nothing", async () => {
    const user = await signedInCustomer();
    expect(await post(addFundsAction, { amount: "veinte" })).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { amount: "billing.addFunds.amountInvalid" } });
    expect(await post(addFundsAction, { amount: "" })).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { amount: "errors.required" } });
    expect(await post(addFundsAction, { amount: "5" })).toMatchObject({ ok: false, fieldErrors: { amount: "billing.errors.addFundsMin" } });
    expect(await post(addFundsAction, { amount: "100000" })).toMatchObject({ ok: false, fieldErrors: { amount: "billing.errors.addFundsMax" } });
    expect(spanish("billing.addFunds.amountInvalid")).toMatch(/25,50/);
    expect(await db.select().from(invoices).where(eq(invoices.clientId, user.clientId))).toEqual([]);
  });
});

describe("Aceptar la oferta", () => {
  async function quoteFor(clientId: number) {
    const [quote] = await db
      .insert(quotes)
      .values({ clientId, reference: `OF-T${uniqueSuffix()}`, subject: "Migración", issueDate: "2026-01-01", validUntil: "2099-12-31", subtotal: 10000, taxTotal: 2100, total: 12100 })
      .returning({ id: quotes.id });
    await db.insert(quoteLines).values({ quoteId: quote!.id, description: "Migración", unitAmount: 10000, taxRateBp: 2100, taxAmount: 2100, lineSubtotal: 10000 });
    return quote!.id;
  }

  it("creates the invoice once and takes the customer to it; accepting again is refused with a message", async () => {
    const user = await signedInCustomer();
    const quoteId = await quoteFor(user.clientId);
    const result = await post(acceptQuoteAction, { quoteId: String(quoteId) });
    expect(result).toMatchObject({ redirectedTo: expect.stringMatching(/^\/facturacion\/facturas\/\d+\?aviso=oferta$/) });
    const invoiceRows = await db.select().from(invoices).where(eq(invoices.clientId, user.clientId));
    expect(invoiceRows).toHaveLength(1);
    expect(invoiceRows[0]).toMatchObject({ kind: "quote", total: 12100 });
    expect(await post(acceptQuoteAction, { quoteId: String(quoteId) })).toEqual({ ok: false, error: "billing.errors.quoteNotAcceptable" });
    expect(await db.select().from(invoices).where(eq(invoices.clientId, user.clientId))).toHaveLength(1);
  });

  it("sends a quotes-only sub-account back to the quote, and refuses another client's quote", async () => {
    const other = await signedInCustomer();
    const ofOther = await quoteFor(other.clientId);
    const user = await signedInCustomer();
    const quoteId = await quoteFor(user.clientId);
    const { contact } = await createSubAccount(db, user.clientId, ["quotes"] as Permission[]);
    session.user = { ...user, contactId: contact.id, isOwner: false, permissions: ["quotes"] };
    expect(await post(acceptQuoteAction, { quoteId: String(ofOther) })).toEqual({ ok: false, error: "billing.errors.quoteNotFound" });
    expect(await post(acceptQuoteAction, { quoteId: String(quoteId) })).toEqual({ redirectedTo: `/facturacion/ofertas/${quoteId}?aviso=aceptada` });
    expect(await db.select().from(invoices).where(eq(invoices.clientId, other.clientId))).toEqual([]);
  });
});

function elementsIn(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elementsIn);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elementsIn(node.props.children as ReactNode)];
}

/**
 * What the invoice page offers: the "Pagar ahora" button and the "Aplicar crédito" dialog, found in
 * its rendered tree. The payment box is an async server component, so it is called as React would.
 */
async function pageOffers(invoiceId: number): Promise<{ payNow: boolean; applyCredit: boolean }> {
  const page = await InvoicePage({ params: Promise.resolve({ invoiceId: String(invoiceId) }), searchParams: Promise.resolve({}) });
  const boxes = elementsIn(page).filter((element) => typeof element.type === "function" && "payable" in element.props);
  const rendered: ReactElement<Record<string, unknown>>[] = [];
  for (const box of boxes) rendered.push(...elementsIn(await (box.type as (props: unknown) => Promise<ReactNode>)(box.props)));
  return {
    payNow: rendered.some((element) => element.props.action === payInvoiceAction && element.props.label === spanish("billing.invoice.payment.payNow")),
    applyCredit: rendered.some((element) => element.props.action === applyCreditAction),
  };
}

/** True when the action went on (to the gateway, or back to the invoice paid), false when it refused. */
async function accepted(action: (previous: null, data: FormData) => Promise<unknown>, values: Record<string, string | string[]>): Promise<boolean> {
  const result = (await post(action, values)) as { ok?: boolean; redirectedTo?: string };
  return result.redirectedTo !== undefined || result.ok === true;
}

// The invoice page and the payment actions must agree on which invoices a customer can pay: for an
// invoice in every status, with money still due and with nothing left to pay.
describe("which invoices a customer can pay", () => {
  const cases = INVOICE_STATUSES.flatMap((status) => [
    { status, owing: true },
    { status, owing: false },
  ]);

  it.each(cases)("$status (money still due: $owing): the page offers exactly what the actions accept", async ({ status, owing }) => {
    const user = await signedInCustomer();
    await db.insert(creditLedgerEntries).values({ clientId: user.clientId, amount: 100_000, kind: "deposit", description: "Prueba" });
    const { invoice } = await createTestInvoice(db, user.clientId, { invoice: { status } });
    if (!owing) await db.update(invoices).set({ amountPaid: invoice.total }).where(eq(invoices.id, invoice.id));

    const expected = owing && (status === "unpaid" || status === "collections");
    const offers = await pageOffers(invoice.id);
    const listed = (await listUnpaidInvoices(user.scope)).invoices.some((row) => row.id === invoice.id);
    const payNow = await accepted(payInvoiceAction, { invoiceId: String(invoice.id) });
    const massPayment = await accepted(payInvoicesAction, { invoiceIds: [String(invoice.id)] });
    // Last: accepted, it pays the invoice.
    const credit = await accepted(applyCreditAction, { invoiceId: String(invoice.id) });

    expect({ page: offers.payNow, pageCredit: offers.applyCredit, listed, payNow, massPayment, credit }).toEqual({
      page: expected,
      pageCredit: expected,
      listed: expected,
      payNow: expected,
      massPayment: expected,
      credit: expected,
    });
  });

  it("payment_pending: the page shows the payment on its way, checkout says why it refuses, and the gateway's money is still recorded", async () => {
    const user = await signedInCustomer();
    const { invoice } = await createTestInvoice(db, user.clientId);
    const started = await startPayment(user, [invoice.id]);
    if (!started.ok) throw new Error(started.error);
    await db.update(invoices).set({ status: "payment_pending" }).where(eq(invoices.id, invoice.id));

    expect(await pageOffers(invoice.id)).toEqual({ payNow: false, applyCredit: false });
    expect(await post(payInvoiceAction, { invoiceId: String(invoice.id) })).toMatchObject({ ok: false, error: "billing.errors.paymentPending" });

    const event = { provider: "sandbox" as const, eventId: `evt_${uniqueSuffix()}`, eventType: "checkout.session.completed" };
    expect(await fulfilPaymentAttempt({ ...event, attemptId: started.attemptId, amount: invoice.total, currency: "EUR", gatewayReference: null })).toEqual({
      status: "applied",
    });
    const [row] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(row).toMatchObject({ status: "paid", amountPaid: invoice.total });
  });
});
