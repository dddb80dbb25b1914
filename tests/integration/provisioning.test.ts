import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { creditLedgerEntries, orders, sentEmails, services } from "@/db/schema";
import { applyCredit } from "@/lib/billing/apply-credit";
import { fulfilPaymentAttempt } from "@/lib/billing/fulfil-payment";
import {
  firstFreeUsername,
  MAX_PROVISION_ATTEMPTS,
  provisionService,
  runProvisioningRetries,
  serviceDisplayStatus,
  usernameBase,
} from "@/lib/services/provision";
import { runServiceAutomation } from "@/lib/services/service-automation";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createSignedInOwner, uniqueSuffix } from "@/tests/helpers/factories";
import { createTestPanelProduct, createUnpaidOrder, openTestAttempt, serviceRow, setUpProvisioningTestBed } from "@/tests/helpers/provisioning-fixtures";

const bed = setUpProvisioningTestBed();
const panel = bed.panel;
const outbox = captureEmails();
let db: Database;

beforeAll(() => {
  db = bed.db();
});

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

async function welcomeEmails(clientId: number) {
  return db.select().from(sentEmails).where(and(eq(sentEmails.clientId, clientId), eq(sentEmails.template, "service-welcome")));
}

describe("user names", () => {
  it("follows WHM's rules: lowercase letters and digits, no leading digit nor 'test', at most 16 characters", () => {
    expect(usernameBase("www.Mi-Dominio.es")).toBe("midomini");
    expect(usernameBase("123tienda.com")).toBe("tienda");
    expect(usernameBase("testing-shop.es")).toBe("utesting");
    expect(usernameBase("999.es")).toBe("cuenta");
    expect(usernameBase("root.es")).toBe("uroot");
    expect(firstFreeUsername("midomini", new Set(["midomini", "midomini1"]))).toBe("midomini2");
    for (const domain of ["a.es", "ñandú-online.es", "x".repeat(60) + ".com", "0test.es"]) {
      const name = usernameBase(domain);
      expect(name).toMatch(/^[a-z][a-z0-9]{0,15}$/);
      expect(name.startsWith("test")).toBe(false);
    }
  });

  it("shows a pending service being set up (or whose setup failed) as 'en preparación', never as an error", () => {
    expect(serviceDisplayStatus({ status: "pending", provisionState: "queued" })).toBe("preparing");
    expect(serviceDisplayStatus({ status: "pending", provisionState: "in_progress" })).toBe("preparing");
    expect(serviceDisplayStatus({ status: "pending", provisionState: "failed" })).toBe("preparing");
    expect(serviceDisplayStatus({ status: "pending", provisionState: null })).toBe("pending");
    expect(serviceDisplayStatus({ status: "active", provisionState: "done" })).toBe("active");
  });
});

describe("provisioning a paid order", () => {
  it("creates exactly one panel account when the same payment is reported 5 times at once and 5 workers run", async () => {
    const { server, product } = await createTestPanelProduct(db);
    const { user, invoice, order, service } = await createUnpaidOrder(db, product.id);
    const attemptId = await openTestAttempt(user, [invoice.id]);
    panel.slow(40);

    // Five deliveries of the paid event while five workers (the cron, late hooks) keep trying the same service.
    const worker = async () => {
      const outcomes: string[] = [];
      for (let round = 0; round < 20; round += 1) {
        outcomes.push(await provisionService(service.id));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return outcomes;
    };
    const [results, workers] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => delivery(attemptId, invoice.total))),
      Promise.all([...Array.from({ length: 5 }, worker), runProvisioningRetries()]),
    ]);
    expect(results.filter((result) => result.status === "applied")).toHaveLength(1);
    expect(workers.flat().filter((outcome) => outcome === "failed")).toEqual([]);

    expect(panel.count("createAccount")).toBe(1);
    const created = panel.calls.find((call) => call.method === "createAccount")!;
    expect(created.serverId).toBe(server.id);
    expect(created.input).toMatchObject({ domain: service.domain, plan: "plan_profesional", username: usernameBase(service.domain) });
    expect(created.input!.password).toMatch(/^.{20}$/);

    const row = await serviceRow(db, service.id);
    expect(row).toMatchObject({ status: "active", provisionState: "done", provisionError: null, provisionAttempts: 1, serverId: server.id, username: created.username });
    expect(row.provisionedAt).toBeInstanceOf(Date);
    const [orderRow] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(orderRow!.status).toBe("active");

    // One welcome email: the panel user and the set-password link, never the generated password.
    expect(await welcomeEmails(user.clientId)).toHaveLength(1);
    const welcome = outbox.filter((message) => message.subject.includes(service.domain));
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.text).toContain(created.username);
    expect(welcome[0]!.html).toContain(`/productos/${service.id}/contrasena`);
    expect(welcome[0]!.html).not.toContain(created.input!.password);
    expect(welcome[0]!.text).not.toContain(created.input!.password);
  });

  it("lets exactly one of 5 parallel workers claim a queued service while the panel is slow", async () => {
    const { product } = await createTestPanelProduct(db);
    const { service } = await createUnpaidOrder(db, product.id);
    await db.update(services).set({ provisionState: "queued" }).where(eq(services.id, service.id));
    panel.slow(100);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => provisionService(service.id)));
    expect(outcomes.sort()).toEqual(["not_claimed", "not_claimed", "not_claimed", "not_claimed", "provisioned"]);
    expect(panel.count("createAccount")).toBe(1);
    expect(await serviceRow(db, service.id)).toMatchObject({ status: "active", provisionAttempts: 1 });
  });

  it("queues a service once: a second paid report and later cron runs never provision it again", async () => {
    const { product } = await createTestPanelProduct(db);
    const { user, invoice, service } = await createUnpaidOrder(db, product.id);
    const attemptId = await openTestAttempt(user, [invoice.id]);
    expect((await delivery(attemptId, invoice.total)).status).toBe("applied");
    expect((await delivery(attemptId, invoice.total)).status).toBe("not_open");
    await runServiceAutomation("2004-01-01");
    await runServiceAutomation("2004-01-01");
    expect(panel.count("createAccount")).toBe(1);
    expect((await serviceRow(db, service.id)).provisionAttempts).toBe(1);
  });

  it("provisions an order paid with credit, through the same hook", async () => {
    const { product } = await createTestPanelProduct(db);
    const { user, invoice, service } = await createUnpaidOrder(db, product.id);
    await db.insert(creditLedgerEntries).values({ clientId: user.clientId, amount: invoice.total, kind: "adjustment", description: "Saldo de prueba" });
    expect(await applyCredit(user, invoice.id)).toMatchObject({ ok: true, paid: true });
    expect(panel.count("createAccount")).toBe(1);
    expect((await serviceRow(db, service.id)).status).toBe("active");
  });

  it("leaves the service pending with the reason when the panel fails, and the cron's retry makes it active", async () => {
    const { product } = await createTestPanelProduct(db);
    const { user, invoice, service } = await createUnpaidOrder(db, product.id);
    const attemptId = await openTestAttempt(user, [invoice.id]);
    panel.failNext("createAccount", "rejected", 1);

    expect((await delivery(attemptId, invoice.total)).status).toBe("applied");
    const failed = await serviceRow(db, service.id);
    expect(failed).toMatchObject({ status: "pending", provisionState: "failed", provisionAttempts: 1 });
    expect(failed.provisionError).toMatch(/^rejected: /);
    expect(serviceDisplayStatus(failed)).toBe("preparing");
    expect(await welcomeEmails(user.clientId)).toHaveLength(0);

    const run = await runServiceAutomation("2004-01-01");
    expect(run.provisioning.provisioned).toBeGreaterThanOrEqual(1);
    expect(await serviceRow(db, service.id)).toMatchObject({ status: "active", provisionState: "done", provisionError: null, provisionAttempts: 2 });
    expect(panel.count("createAccount")).toBe(2);
    expect(panel.accounts.size).toBe(1);
    expect(await welcomeEmails(user.clientId)).toHaveLength(1);
  });

  it("adopts the account when createAccount timed out after the panel made it (accountExists decides)", async () => {
    const { product } = await createTestPanelProduct(db);
    const { user, invoice, service } = await createUnpaidOrder(db, product.id);
    const attemptId = await openTestAttempt(user, [invoice.id]);
    panel.failNext("createAccount", "unavailable", 1, { afterEffect: true });

    await delivery(attemptId, invoice.total);
    const row = await serviceRow(db, service.id);
    expect(row).toMatchObject({ status: "active", provisionState: "done", provisionAttempts: 1 });
    expect(panel.count("createAccount")).toBe(1);
    expect(panel.count("accountExists", row.username!)).toBe(1);
  });

  it("retries a timed-out create on the same server and user, and finds the account made the first time", async () => {
    const { product } = await createTestPanelProduct(db);
    const { user, invoice, service } = await createUnpaidOrder(db, product.id);
    const attemptId = await openTestAttempt(user, [invoice.id]);
    // The create goes through but its answer is lost, and the check that would tell us is down too.
    panel.failNext("createAccount", "unavailable", 1, { afterEffect: true });
    panel.failNext("accountExists", "unavailable", 1);
    await delivery(attemptId, invoice.total);
    const failed = await serviceRow(db, service.id);
    expect(failed).toMatchObject({ status: "pending", provisionState: "failed" });
    expect(failed.username).not.toBeNull();

    await runProvisioningRetries();
    const row = await serviceRow(db, service.id);
    expect(row).toMatchObject({ status: "active", provisionState: "done", username: failed.username, serverId: failed.serverId });
    expect(panel.accounts.size).toBe(1);
  });

  it("stops retrying after the bounded number of attempts", async () => {
    const { product } = await createTestPanelProduct(db);
    const { user, invoice, service } = await createUnpaidOrder(db, product.id);
    const attemptId = await openTestAttempt(user, [invoice.id]);
    panel.failNext("createAccount", "rejected", 100);
    await delivery(attemptId, invoice.total);
    for (let run = 0; run < MAX_PROVISION_ATTEMPTS + 2; run += 1) await runProvisioningRetries();
    expect(await serviceRow(db, service.id)).toMatchObject({ status: "pending", provisionState: "failed", provisionAttempts: MAX_PROVISION_ATTEMPTS });
    expect(panel.count("createAccount")).toBe(MAX_PROVISION_ATTEMPTS);
  });

  it("fails with the reason when the product's group has no server with room, and does not touch the panel", async () => {
    const { product } = await createTestPanelProduct(db, { maxAccounts: 0 });
    const { user, invoice, service } = await createUnpaidOrder(db, product.id);
    const attemptId = await openTestAttempt(user, [invoice.id]);
    await delivery(attemptId, invoice.total);
    const row = await serviceRow(db, service.id);
    expect(row).toMatchObject({ status: "pending", provisionState: "failed" });
    expect(row.provisionError).toMatch(/^no_server/);
    expect(panel.calls).toHaveLength(0);
  });

  it("gives each service its own user name: taken by another service, or by an account outside the portal", async () => {
    const { server, product } = await createTestPanelProduct(db);
    const domain = `colision${uniqueSuffix().slice(0, 4)}.es`;
    const base = usernameBase(domain);
    panel.addForeignAccount(base, server.id);
    const first = await createUnpaidOrder(db, product.id, { domain });
    const second = await createUnpaidOrder(db, product.id, { domain: `www.${domain}` });
    await delivery(await openTestAttempt(first.user, [first.invoice.id]), first.invoice.total);
    await delivery(await openTestAttempt(second.user, [second.invoice.id]), second.invoice.total);

    const names = [(await serviceRow(db, first.service.id)).username, (await serviceRow(db, second.service.id)).username];
    expect(names).toEqual([`${base}1`, `${base}2`]);
    expect((await serviceRow(db, first.service.id)).status).toBe("active");
    expect(panel.accounts.get(base)!.domain).toBe("ajeno.example");
  });

  it("never provisions an unpaid order, nor another client's service through someone else's invoice", async () => {
    const { product } = await createTestPanelProduct(db);
    const unpaid = await createUnpaidOrder(db, product.id);
    const victim = await createUnpaidOrder(db, product.id);
    // The victim's service forged onto the payer's order: paying that order must not provision it.
    const payer = await createSignedInOwner(db);
    const payerOrder = await createUnpaidOrder(db, product.id, { user: payer });
    await db.update(services).set({ orderId: payerOrder.order.id }).where(eq(services.id, victim.service.id));
    await delivery(await openTestAttempt(payer, [payerOrder.invoice.id]), payerOrder.invoice.total);
    await runProvisioningRetries();

    expect((await serviceRow(db, payerOrder.service.id)).status).toBe("active");
    expect(await serviceRow(db, victim.service.id)).toMatchObject({ status: "pending", provisionState: null });
    expect(await serviceRow(db, unpaid.service.id)).toMatchObject({ status: "pending", provisionState: null });
    expect(panel.count("createAccount")).toBe(1);
  });
});
