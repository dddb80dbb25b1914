import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { domainOrderItems, domainReminderClaims, domains, invoices } from "@/db/schema";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import { runRenewalInvoicing } from "@/lib/billing/renewals";
import { madridToday } from "@/lib/billing/today";
import { reminderStepFor, runDomainAutomation } from "@/lib/domains/automation/domain-automation";
import { setUpDomainOrderTests } from "@/tests/helpers/domain-order-tests";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createSignedInOwner, createTestDomain, uniqueSuffix } from "@/tests/helpers/factories";
import { openTestAttempt } from "@/tests/helpers/provisioning-fixtures";
import type { RegistrarDouble } from "@/tests/helpers/registrar-double";

let db: Database;
let double: RegistrarDouble;
const outbox = captureEmails();

setUpDomainOrderTests((world) => ({ db, double } = world));

const today = madridToday();
function inDays(days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const name = (label: string) => `${label}-${uniqueSuffix()}.es`;

async function row(id: number) {
  const [found] = await db.select().from(domains).where(eq(domains.id, id));
  return found!;
}

describe("domain automation (cron)", () => {
  it("picks the latest reminder step reached", () => {
    expect([45, 30, 16, 15, 8, 7, 2, 1, 0, -1, -3, -10, -31].map(reminderStepFor)).toEqual([
      null, "before30", "before30", "before15", "before15", "before7", "before7", "before1", "before1", null, "after3", "after3", null,
    ]);
  });

  it("sends each renewal reminder once per domain and expiry, however often it runs", async () => {
    const user = await createSignedInOwner(db);
    const soon = await createTestDomain(db, user.clientId, { name: name("treinta"), expiryDate: inDays(30), nextDueDate: inDays(30), autoRenew: false });
    const week = await createTestDomain(db, user.clientId, { name: name("semana"), expiryDate: inDays(6), nextDueDate: inDays(6), autoRenew: false });
    const late = await createTestDomain(db, user.clientId, { name: name("caducado"), status: "grace", expiryDate: inDays(-3), nextDueDate: inDays(-3), autoRenew: false });
    const far = await createTestDomain(db, user.clientId, { name: name("lejos"), expiryDate: inDays(90), nextDueDate: inDays(90) });

    await runDomainAutomation(today, { clientIds: [user.clientId] });
    await runDomainAutomation(today, { clientIds: [user.clientId] });
    const mine = (domain: string) => outbox.filter((email) => email.subject.includes(domain));
    expect(mine(soon.name)).toHaveLength(1);
    expect(mine(soon.name)[0]!.subject).toBe(`Su dominio ${soon.name} caduca en 30 días`);
    expect(mine(week.name)).toHaveLength(1);
    expect(mine(late.name)).toHaveLength(1);
    expect(mine(late.name)[0]!.subject).toBe(`Su dominio ${late.name} ha caducado`);
    expect(mine(far.name)).toHaveLength(0);
    const claims = await db.select().from(domainReminderClaims).where(eq(domainReminderClaims.domainId, week.id));
    expect(claims.map((claim) => claim.step)).toEqual(["before7"]);
  });

  it("completes a pending transfer on sync, marks past-expiry domains, and a second run changes nothing", async () => {
    const user = await createSignedInOwner(db);
    const transferName = name("traslado");
    // As the order's fulfilment leaves it: our row pending_transfer.
    const transfer = await createTestDomain(db, user.clientId, { name: transferName, status: "pending_transfer", expiryDate: null, nextDueDate: null });
    // The sandbox registry adopts the pending transfer on first use, as one requested.
    const lapsed = await createTestDomain(db, user.clientId, { name: name("vencido"), expiryDate: inDays(-5), nextDueDate: inDays(-5) });
    const gone = await createTestDomain(db, user.clientId, { name: name("perdido"), expiryDate: inDays(-45), nextDueDate: inDays(-45) });

    await runDomainAutomation(today, { clientIds: [user.clientId] });
    expect(await row(transfer.id)).toMatchObject({ status: "active", expiryDate: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` });
    expect((await row(transfer.id)).nextDueDate).toBe((await row(transfer.id)).expiryDate);
    expect((await row(lapsed.id)).status).toBe("grace");
    expect((await row(gone.id)).status).toBe("expired");

    const before = await Promise.all([transfer.id, lapsed.id, gone.id].map(row));
    await runDomainAutomation(today, { clientIds: [user.clientId] });
    expect(await Promise.all([transfer.id, lapsed.id, gone.id].map(row))).toEqual(before);
  });

  it("pays an auto-renew invoice of a domain by renewing it at the registrar once", async () => {
    const user = await createSignedInOwner(db);
    const domain = await createTestDomain(db, user.clientId, { name: name("autorenueva"), expiryDate: inDays(10), nextDueDate: inDays(10), autoRenew: true, recurringAmount: 999 });
    await runRenewalInvoicing(today);
    await runRenewalInvoicing(today);
    const items = await db.select().from(domainOrderItems).where(and(eq(domainOrderItems.domainId, domain.id), eq(domainOrderItems.action, "renew")));
    expect(items).toHaveLength(1);
    expect(items[0]!.state).toBe("awaiting_payment");
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, items[0]!.invoiceId));
    const attemptId = await openTestAttempt(user, [invoice!.id]);
    const deliver = () =>
      fulfilPaymentAttempt({ provider: "sandbox", eventId: `evt_${uniqueSuffix()}`, eventType: "checkout.session.completed", attemptId, amount: invoice!.total, currency: "EUR", gatewayReference: `pi_${attemptId}` });
    await Promise.all([deliver(), deliver(), runDomainAutomation(today, { clientIds: [user.clientId] })]);
    await runDomainAutomation(today, { clientIds: [user.clientId] });
    expect(double.callsOf("renew").filter((call) => (call.args[0] as { name: string }).name === domain.name)).toHaveLength(1);
    expect((await row(domain.id)).expiryDate).toBe(`${Number(inDays(10).slice(0, 4)) + 1}${inDays(10).slice(4)}`);
  });
});
