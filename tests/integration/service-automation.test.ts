import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { cancellationRequests, domains, invoices, sentEmails, services } from "@/db/schema";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { carryOutCancellations, runServiceAutomation, suspendOverdueServices, unsuspendSettledServices } from "@/lib/services/service-automation";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createSignedInOwner, createTestDomain, createTestInvoice, createTestService, uniqueSuffix } from "@/tests/helpers/factories";
import { createTestPanelProduct, openTestAttempt, serviceRow, setUpProvisioningTestBed } from "@/tests/helpers/provisioning-fixtures";

// Dates far in the past: on a shared PostgreSQL database other files' invoices fall due around the
// real today and must never be suspended by these runs. The default threshold is 7 days overdue.
const TODAY = "2003-06-20";

const bed = setUpProvisioningTestBed();
const panel = bed.panel;
const outbox = captureEmails();
let db: Database;

beforeAll(() => {
  db = bed.db();
});

/** An active hosting service with its account on the panel double, and its unpaid renewal invoice due on `dueDate`. */
async function activeServiceWithRenewal(dueDate: string) {
  const user = await createSignedInOwner(db);
  const { server, product } = await createTestPanelProduct(db);
  const service = await createTestService(db, user.clientId, { productId: product.id, serverId: server.id, status: "active" });
  panel.addForeignAccount(service.username!, server.id);
  const { invoice } = await createTestInvoice(db, user.clientId, {
    invoice: { kind: "renewal", issueDate: "2003-05-27", dueDate },
    line: { serviceId: service.id, unitAmount: 5990, periodStart: dueDate },
  });
  return { user, server, product, service, invoice };
}

async function pay(user: Awaited<ReturnType<typeof createSignedInOwner>>, invoice: { id: number; total: number }) {
  const attemptId = await openTestAttempt(user, [invoice.id]);
  return fulfilPaymentAttempt({
    provider: "sandbox",
    eventId: `evt_${uniqueSuffix()}`,
    eventType: "checkout.session.completed",
    attemptId,
    amount: invoice.total,
    currency: "EUR",
    gatewayReference: null,
  });
}

async function suspensionEmails(clientId: number) {
  return db.select().from(sentEmails).where(and(eq(sentEmails.clientId, clientId), eq(sentEmails.template, "service-suspended")));
}

describe("suspension of overdue services", () => {
  it("suspends once on the panel and emails once, however often the cron runs, and unsuspends at once when the invoice is paid", async () => {
    const { user, service, invoice } = await activeServiceWithRenewal("2003-06-10");

    const runs = await Promise.all([suspendOverdueServices(TODAY), suspendOverdueServices(TODAY), suspendOverdueServices(TODAY)]);
    expect(runs.reduce((sum, run) => sum + run.suspended, 0)).toBe(1);
    await runServiceAutomation(TODAY);
    expect(panel.count("suspendAccount", service.username!)).toBe(1);
    expect(panel.accounts.get(service.username!)!.status).toBe("suspended");
    expect((await serviceRow(db, service.id)).status).toBe("suspended");
    const emails = await suspensionEmails(user.clientId);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain(service.domain);
    expect(outbox.find((message) => message.subject.includes(service.domain))!.html).toContain(`/facturacion/facturas/${invoice.id}`);

    expect((await pay(user, invoice)).status).toBe("applied");
    expect(panel.count("unsuspendAccount", service.username!)).toBe(1);
    expect(panel.accounts.get(service.username!)!.status).toBe("active");
    expect((await serviceRow(db, service.id)).status).toBe("active");
    // Nothing left to do for the cron: no second suspension, no second email.
    await runServiceAutomation(TODAY);
    expect(panel.count("suspendAccount", service.username!)).toBe(1);
    expect(await suspensionEmails(user.clientId)).toHaveLength(1);
  });

  it("waits for the threshold: an invoice 6 days overdue suspends nothing, and a paid one or another's invoice never do", async () => {
    const early = await activeServiceWithRenewal("2003-06-14");
    const paid = await activeServiceWithRenewal("2003-06-01");
    await db.update(invoices).set({ status: "paid", amountPaid: paid.invoice.total }).where(eq(invoices.id, paid.invoice.id));
    // Another client's overdue renewal invoice whose line names this service: it must not suspend it.
    const other = await createSignedInOwner(db);
    const victim = await activeServiceWithRenewal("2003-06-19");
    await createTestInvoice(db, other.clientId, { invoice: { kind: "renewal", dueDate: "2003-05-01" }, line: { serviceId: victim.service.id } });

    await suspendOverdueServices(TODAY);
    for (const { service } of [early, paid, victim]) expect((await serviceRow(db, service.id)).status).toBe("active");
    expect(panel.count("suspendAccount")).toBe(0);
  });

  it("retries a suspension the panel refused, and sends the email only once it happened", async () => {
    const { user, service } = await activeServiceWithRenewal("2003-06-01");
    panel.failNext("suspendAccount", "unavailable", 1, { username: service.username! });
    await suspendOverdueServices(TODAY);
    expect((await serviceRow(db, service.id)).status).toBe("active");
    expect(await suspensionEmails(user.clientId)).toHaveLength(0);

    expect((await suspendOverdueServices(TODAY)).suspended).toBeGreaterThanOrEqual(1);
    expect((await serviceRow(db, service.id)).status).toBe("suspended");
    expect(await suspensionEmails(user.clientId)).toHaveLength(1);
  });

  it("lifts in the cron a suspension whose unsuspension failed at payment time, but never one staff made", async () => {
    const { user, service, invoice } = await activeServiceWithRenewal("2003-06-01");
    await suspendOverdueServices(TODAY);
    panel.failNext("unsuspendAccount", "unavailable", 1, { username: service.username! });
    await pay(user, invoice);
    expect((await serviceRow(db, service.id)).status).toBe("suspended");

    const staff = await activeServiceWithRenewal("2003-06-19");
    await db.update(services).set({ status: "suspended" }).where(eq(services.id, staff.service.id));

    expect((await unsuspendSettledServices(TODAY)).unsuspended).toBeGreaterThanOrEqual(1);
    expect((await serviceRow(db, service.id)).status).toBe("active");
    expect(panel.accounts.get(service.username!)!.status).toBe("active");
    expect((await serviceRow(db, staff.service.id)).status).toBe("suspended");
  });

  it("keeps a service suspended while another of its renewal invoices is still overdue", async () => {
    const { user, service, invoice } = await activeServiceWithRenewal("2003-06-01");
    await createTestInvoice(db, user.clientId, { invoice: { kind: "renewal", dueDate: "2003-06-05" }, line: { serviceId: service.id } });
    await suspendOverdueServices(TODAY);
    await pay(user, invoice);
    await unsuspendSettledServices(TODAY);
    expect((await serviceRow(db, service.id)).status).toBe("suspended");
    expect(panel.count("unsuspendAccount")).toBe(0);
  });
});

describe("cancellation requests", () => {
  async function serviceWithRequest(request: { type: "immediate" | "end_of_period"; effectiveDate?: string; keepDomainRenewal: number }) {
    const found = await activeServiceWithRenewal("2003-07-01");
    const domain = await createTestDomain(db, found.user.clientId, { name: found.service.domain, autoRenew: true });
    const [row] = await db
      .insert(cancellationRequests)
      .values({ clientId: found.user.clientId, serviceId: found.service.id, reason: "Ya no lo necesito", ...request })
      .returning();
    return { ...found, domain, request: row! };
  }

  async function requestRow(id: number) {
    const [row] = await db.select().from(cancellationRequests).where(eq(cancellationRequests.id, id));
    return row!;
  }

  async function invoiceStatus(id: number) {
    const [row] = await db.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, id));
    return row!.status;
  }

  async function autoRenewOf(id: number) {
    const [row] = await db.select({ autoRenew: domains.autoRenew }).from(domains).where(eq(domains.id, id));
    return row!.autoRenew;
  }

  it("carries out an immediate request: terminated on the panel, renewal invoice cancelled, domain auto-renew off, request done", async () => {
    const { user, service, invoice, domain, request } = await serviceWithRequest({ type: "immediate", keepDomainRenewal: 0 });
    // Another client's domain of the same name and an invoice of theirs naming this service stay as they are.
    const other = await createSignedInOwner(db);
    const otherDomain = await createTestDomain(db, other.clientId, { name: service.domain.toUpperCase(), autoRenew: true });
    const { invoice: otherInvoice } = await createTestInvoice(db, other.clientId, { invoice: { kind: "renewal" }, line: { serviceId: service.id } });
    // A renewal invoice with money on it is left for staff.
    const { invoice: partlyPaid } = await createTestInvoice(db, user.clientId, { invoice: { kind: "renewal", amountPaid: 100 }, line: { serviceId: service.id } });

    const results = await Promise.all([carryOutCancellations(TODAY), carryOutCancellations(TODAY)]);
    expect(results.reduce((sum, run) => sum + run.carriedOut, 0)).toBe(1);
    await carryOutCancellations(TODAY);

    expect(panel.count("terminateAccount", service.username!)).toBe(1);
    expect(panel.accounts.has(service.username!)).toBe(false);
    expect((await serviceRow(db, service.id)).status).toBe("terminated");
    const done = await requestRow(request.id);
    expect(done.status).toBe("done");
    expect(done.processedAt).toBeInstanceOf(Date);
    expect(await invoiceStatus(invoice.id)).toBe("cancelled");
    expect(await invoiceStatus(partlyPaid.id)).toBe("unpaid");
    expect(await invoiceStatus(otherInvoice.id)).toBe("unpaid");
    expect(await autoRenewOf(domain.id)).toBe(false);
    expect(await autoRenewOf(otherDomain.id)).toBe(true);
    // Told once, though the cron ran three times (twice at once).
    const told = outbox.filter((message) => message.subject === `Servicio cancelado: ${service.domain}`);
    expect(told).toHaveLength(1);
    expect(told[0]!.to).toContain(user.email);
  });

  it("carries out an end-of-period request on its date, not before, keeping the domain's renewal when asked", async () => {
    const { service, invoice, domain, request } = await serviceWithRequest({ type: "end_of_period", effectiveDate: "2003-07-01", keepDomainRenewal: 1 });

    await carryOutCancellations("2003-06-30");
    expect((await requestRow(request.id)).status).toBe("open");
    expect((await serviceRow(db, service.id)).status).toBe("active");
    expect(panel.count("terminateAccount")).toBe(0);

    expect(await carryOutCancellations("2003-07-01")).toMatchObject({ carriedOut: 1, terminated: 1 });
    expect((await requestRow(request.id)).status).toBe("done");
    expect((await serviceRow(db, service.id)).status).toBe("terminated");
    expect(await invoiceStatus(invoice.id)).toBe("cancelled");
    expect(await autoRenewOf(domain.id)).toBe(true);
  });

  it("never carries out a withdrawn request", async () => {
    const { service, request } = await serviceWithRequest({ type: "immediate", keepDomainRenewal: 0 });
    await db.update(cancellationRequests).set({ status: "withdrawn" }).where(eq(cancellationRequests.id, request.id));
    await carryOutCancellations(TODAY);
    expect((await serviceRow(db, service.id)).status).toBe("active");
    expect(panel.count("terminateAccount")).toBe(0);
  });

  it("retries a termination the panel refused on the next run; an account already gone counts as terminated", async () => {
    const { service, request } = await serviceWithRequest({ type: "immediate", keepDomainRenewal: 1 });
    panel.failNext("terminateAccount", "unavailable", 1, { username: service.username! });
    expect(await carryOutCancellations(TODAY)).toMatchObject({ carriedOut: 1, terminated: 0 });
    expect((await serviceRow(db, service.id)).status).toBe("cancelled");
    expect((await requestRow(request.id)).status).toBe("done");

    panel.accounts.delete(service.username!);
    expect(await carryOutCancellations(TODAY)).toMatchObject({ carriedOut: 0, terminated: 1, failed: 0 });
    expect((await serviceRow(db, service.id)).status).toBe("terminated");
    expect(panel.count("terminateAccount", service.username!)).toBe(2);
  });
});
