import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { creditLedgerEntries, INVOICE_STATUSES, invoices, type InvoiceStatus } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { listUnpaidInvoices } from "@/lib/billing/queries/unpaid-invoices";
import { startPayment } from "@/lib/billing/start-payment";
import { catalogs } from "@/lib/i18n/messages";
import { setPaymentGatewayForTests } from "@/lib/payments/get-gateway";
import { createSandboxGateway } from "@/lib/payments/sandbox-gateway";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createSignedInOwner, createTestInvoice, uniqueSuffix } from "@/tests/helpers/factories";

// The invoice page and the payment actions must agree on which invoices a customer can pay: the
// page is rendered (its server component called, the session stubbed) and the real actions are
// posted, for an invoice in every status, with money still due and with nothing left to pay.

class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}
class NotFound extends Error {}

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
  notFound: () => {
    throw new NotFound();
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "es",
  getTranslations: async (namespace?: string) => createTranslator({ locale: "es", messages: catalogs.es, namespace: namespace as never }),
}));
vi.mock("@/lib/billing/billing-emails", () => ({
  sendInvoiceCreatedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendPaymentReceivedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
  sendQuoteAcceptedEmail: vi.fn(async () => ({ sent: 1, failed: 0 })),
}));

const { default: InvoicePage } = await import("@/app/(portal)/facturacion/facturas/[invoiceId]/page");
const { payInvoiceAction, applyCreditAction } = await import("@/app/(portal)/facturacion/facturas/[invoiceId]/actions");
const { payInvoicesAction } = await import("@/app/(portal)/facturacion/pago-masivo/actions");

let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

beforeEach(() => {
  setPaymentGatewayForTests(createSandboxGateway());
  session.user = null;
});

afterAll(async () => {
  setPaymentGatewayForTests(null);
  await teardownTestDatabase();
});

function elementsIn(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elementsIn);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elementsIn(node.props.children as ReactNode)];
}

/**
 * What the page offers: the "Pagar ahora" button and the "Aplicar crédito" dialog, found in the
 * rendered tree. The payment box is an async server component, so it is called here as React would.
 */
async function pageOffers(invoiceId: number): Promise<{ payNow: boolean; applyCredit: boolean }> {
  const page = await InvoicePage({ params: Promise.resolve({ invoiceId: String(invoiceId) }), searchParams: Promise.resolve({}) });
  const boxes = elementsIn(page).filter((element) => typeof element.type === "function" && "payable" in element.props);
  const rendered: ReactElement<Record<string, unknown>>[] = [];
  for (const box of boxes) rendered.push(...elementsIn(await (box.type as (props: unknown) => Promise<ReactNode>)(box.props)));
  return {
    payNow: rendered.some((element) => element.props.action === payInvoiceAction && element.props.label === catalogs.es.billing.invoice.payment.payNow),
    applyCredit: rendered.some((element) => element.props.action === applyCreditAction),
  };
}

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** True when the action went on to the gateway (or back to the invoice, paid), false when it refused. */
async function accepted(action: (previous: null, data: FormData) => Promise<unknown>, values: Record<string, string | string[]>): Promise<boolean> {
  try {
    const result = (await action(null, form(values))) as { ok: boolean };
    return result.ok;
  } catch (error) {
    if (error instanceof Redirected) return true;
    throw error;
  }
}

const CASES = INVOICE_STATUSES.flatMap((status) => [
  { status, owing: true },
  { status, owing: false },
]);

describe("which invoices a customer can pay", () => {
  it.each(CASES)("$status (money still due: $owing): the page offers exactly what the actions accept", async ({ status, owing }) => {
    const user = await createSignedInOwner(db);
    session.user = user;
    await db.insert(creditLedgerEntries).values({ clientId: user.clientId, amount: 100_000, kind: "deposit", description: `Depósito ${uniqueSuffix()}` });
    const { invoice } = await createTestInvoice(db, user.clientId, { invoice: { status } });
    if (!owing) await db.update(invoices).set({ amountPaid: invoice.total }).where(eq(invoices.id, invoice.id));

    const expected = owing && (status === "unpaid" || status === "collections");
    const offers = await pageOffers(invoice.id);
    const listed = (await listUnpaidInvoices(user.clientId)).invoices.some((row) => row.id === invoice.id);
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
    const user = await createSignedInOwner(db);
    session.user = user;
    const { invoice } = await createTestInvoice(db, user.clientId);
    const started = await startPayment(user, [invoice.id]);
    if (!started.ok) throw new Error(started.error);
    await db.update(invoices).set({ status: "payment_pending" satisfies InvoiceStatus }).where(eq(invoices.id, invoice.id));

    expect(await pageOffers(invoice.id)).toEqual({ payNow: false, applyCredit: false });
    expect(await startPayment(user, [invoice.id])).toEqual({ ok: false, error: "billing.errors.paymentPending" });
    expect(await payInvoiceAction(null, form({ invoiceId: String(invoice.id) }))).toMatchObject({ ok: false, error: "billing.errors.paymentPending" });

    const event = { provider: "sandbox" as const, eventId: `evt_${uniqueSuffix()}`, eventType: "checkout.session.completed" };
    expect(await fulfilPaymentAttempt({ ...event, attemptId: started.attemptId, amount: invoice.total, currency: "EUR", gatewayReference: null })).toEqual({
      status: "applied",
    });
    const [row] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(row).toMatchObject({ status: "paid", amountPaid: invoice.total });
  });
});
