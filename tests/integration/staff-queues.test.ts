import { createTestStaff, customerSessionOf, signInAsStaff, staffRequest, type TestStaff } from "@/tests/helpers/staff-request";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, cancellationRequests, invoices, services } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { form } from "@/tests/helpers/form-data";
import { createSignedInOwner, createTestInvoice, createTestService } from "@/tests/helpers/factories";
import { Forbidden, NotFound } from "@/tests/helpers/next-navigation";
import { createTestPanelProduct, serviceRow, setUpProvisioningTestBed } from "@/tests/helpers/provisioning-fixtures";

// Colas (issue 10, item 7): the cancellation-requests and failed-provisioning queues. On a shared
// PostgreSQL database other files run the cron's jobs at the same time, so every request here is
// end-of-period with a date far ahead and every failed service has used up its attempts: nothing
// but this file's own calls may act on them.

const bed = setUpProvisioningTestBed();
const panel = bed.panel;
const outbox = captureEmails();

const actions = await import("@/app/admin/(desk)/colas/actions");
const { default: OverviewPage } = await import("@/app/admin/(desk)/colas/page");
const { default: CancellationsPage } = await import("@/app/admin/(desk)/colas/cancelaciones/page");
const { default: ProvisioningPage } = await import("@/app/admin/(desk)/colas/aprovisionamiento/page");
const { listOpenCancellations, listProvisioningFailures, queueCounts } = await import("@/lib/staff/queues/queue-lists");
const { carryOutCancellationRequest } = await import("@/lib/services/service-automation");
const { provisionService, MAX_PROVISION_ATTEMPTS } = await import("@/lib/services/provision");
const { requestCancellation } = await import("@/lib/services/cancellation");
const { staffScopeFromSession } = await import("@/lib/auth/scope");

const FAR_AHEAD = "2099-12-31";

let db: Database;
let admin: TestStaff;
let support: TestStaff;
let billing: TestStaff;

beforeAll(async () => {
  db = bed.db();
  admin = await createTestStaff(db, "admin");
  support = await createTestStaff(db, "support");
  billing = await createTestStaff(db, "billing");
});

async function signIn(member: TestStaff) {
  staffRequest.cookies.clear();
  await signInAsStaff(db, member);
}

/** An active service with its account on the panel double, an unpaid renewal invoice and an open end-of-period request. */
async function serviceWithOpenRequest(user?: SessionUser) {
  const owner = user ?? (await createSignedInOwner(db));
  const { server, product } = await createTestPanelProduct(db);
  const service = await createTestService(db, owner.clientId, { productId: product.id, serverId: server.id, status: "active" });
  panel.addForeignAccount(service.username!, server.id);
  const { invoice } = await createTestInvoice(db, owner.clientId, { invoice: { kind: "renewal" }, line: { serviceId: service.id } });
  const [request] = await db
    .insert(cancellationRequests)
    .values({ clientId: owner.clientId, serviceId: service.id, reason: "Nos mudamos a otro proveedor.", type: "end_of_period", effectiveDate: FAR_AHEAD })
    .returning();
  return { user: owner, service, invoice, request: request! };
}

/** A paid service whose provisioning failed and was given up (the cron will not touch it again). */
async function failedService(user?: SessionUser, attempts = MAX_PROVISION_ATTEMPTS) {
  const owner = user ?? (await createSignedInOwner(db));
  const { product } = await createTestPanelProduct(db);
  const service = await createTestService(db, owner.clientId, {
    productId: product.id,
    status: "pending",
    username: null,
    provisionState: "failed",
    provisionAttempts: attempts,
    provisionError: "unavailable: double: createAccount fails with unavailable",
  });
  return { user: owner, service };
}

async function requestRow(id: number) {
  const [row] = await db.select().from(cancellationRequests).where(eq(cancellationRequests.id, id));
  return row!;
}

async function auditOf(clientId: number, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.clientId, clientId), action ? eq(auditLog.action, action) : undefined));
}

/** Everything a queue action could write for this client. */
async function writes(clientId: number) {
  const [audit] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.clientId, clientId));
  const requests = await db.select({ id: cancellationRequests.id, status: cancellationRequests.status }).from(cancellationRequests).where(eq(cancellationRequests.clientId, clientId));
  const serviceRows = await db
    .select({ id: services.id, status: services.status, state: services.provisionState, attempts: services.provisionAttempts })
    .from(services)
    .where(eq(services.clientId, clientId));
  const invoiceRows = await db.select({ id: invoices.id, status: invoices.status }).from(invoices).where(eq(invoices.clientId, clientId));
  return { audit: audit!.n, requests, services: serviceRows, invoices: invoiceRows, panelCalls: panel.calls.length, emails: outbox.length };
}

/** Every queue action, with input the allowed role could send, on rows of `clientId`'s own. */
async function everyAction() {
  const user = await createSignedInOwner(db);
  const { request } = await serviceWithOpenRequest(user);
  const { request: other } = await serviceWithOpenRequest(user);
  const { service } = await failedService(user);
  return {
    user,
    acts: [
      { name: "carry out", run: () => actions.carryOutCancellationAction(null, form({ requestId: String(request.id) })) },
      { name: "decline", run: () => actions.declineCancellationAction(null, form({ requestId: String(other.id), reason: "Tiene permanencia." })) },
      { name: "retry", run: () => actions.retryProvisioningAction(null, form({ serviceId: String(service.id) })) },
    ],
  };
}

describe("the queues to customers, visitors and the wrong staff", () => {
  it("answers 404 to every action and page without a staff session (signed out or a customer's), and writes nothing", async () => {
    const { user, acts } = await everyAction();
    const before = await writes(user.clientId);
    for (const session of [null, customerSessionOf(user)]) {
      staffRequest.customerSession = session;
      for (const action of acts) await expect(action.run(), action.name).rejects.toBeInstanceOf(NotFound);
      await expect(OverviewPage()).rejects.toBeInstanceOf(NotFound);
      await expect(CancellationsPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(NotFound);
      await expect(ProvisioningPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await writes(user.clientId)).toEqual(before);
  });

  it("answers 403 to support on the cancellation actions and to billing on the retry, writing nothing; every role sees both queues", async () => {
    const { user, acts } = await everyAction();
    const before = await writes(user.clientId);
    await signIn(support);
    await expect(acts[0]!.run()).rejects.toBeInstanceOf(Forbidden);
    await expect(acts[1]!.run()).rejects.toBeInstanceOf(Forbidden);
    await signIn(billing);
    await expect(acts[2]!.run()).rejects.toBeInstanceOf(Forbidden);
    expect(await writes(user.clientId)).toEqual(before);
    for (const member of [admin, support, billing]) {
      await signIn(member);
      await expect(OverviewPage(), member.role).resolves.toBeTruthy();
      await expect(CancellationsPage({ searchParams: Promise.resolve({}) }), member.role).resolves.toBeTruthy();
      await expect(ProvisioningPage({ searchParams: Promise.resolve({ cursor: "not-a-cursor" }) }), member.role).resolves.toBeTruthy();
    }
  });

  it("refuses malformed, unknown and non-queue ids with a clear message and writes nothing", async () => {
    const { user, request, service } = await serviceWithOpenRequest();
    const { request: withdrawn } = await serviceWithOpenRequest(user);
    await db.update(cancellationRequests).set({ status: "withdrawn" }).where(eq(cancellationRequests.id, withdrawn.id));
    const { service: healthy } = await failedService(user);
    await db.update(services).set({ status: "active", provisionState: "done" }).where(eq(services.id, healthy.id));
    const before = await writes(user.clientId);
    await signIn(admin);

    for (const bad of ["", "abc", "0", "-3", "1.5", "99999999999"]) {
      expect(await actions.carryOutCancellationAction(null, form({ requestId: bad }))).toEqual({
        ok: false,
        error: "errors.checkFields",
        fieldErrors: { requestId: "adminQueues.errors.cancellationNotFound" },
      });
      expect(await actions.declineCancellationAction(null, form({ requestId: bad, reason: "x" }))).toMatchObject({ ok: false, fieldErrors: { requestId: "adminQueues.errors.cancellationNotFound" } });
      expect(await actions.retryProvisioningAction(null, form({ serviceId: bad }))).toMatchObject({ ok: false, fieldErrors: { serviceId: "adminQueues.errors.serviceNotFound" } });
    }
    expect(await actions.carryOutCancellationAction(null, form({ requestId: "2147483000" }))).toEqual({ ok: false, error: "adminQueues.errors.cancellationNotFound" });
    expect(await actions.declineCancellationAction(null, form({ requestId: "2147483000", reason: "x" }))).toEqual({ ok: false, error: "adminQueues.errors.cancellationNotFound" });
    expect(await actions.retryProvisioningAction(null, form({ serviceId: "2147483000" }))).toEqual({ ok: false, error: "adminQueues.errors.serviceNotFound" });
    // Rows that exist but are not in a queue: a withdrawn request, an active service, a service with an open request.
    expect(await actions.carryOutCancellationAction(null, form({ requestId: String(withdrawn.id) }))).toEqual({ ok: false, error: "adminQueues.errors.cancellationNotOpen" });
    expect(await actions.declineCancellationAction(null, form({ requestId: String(withdrawn.id), reason: "x" }))).toEqual({ ok: false, error: "adminQueues.errors.cancellationNotOpen" });
    expect(await actions.retryProvisioningAction(null, form({ serviceId: String(healthy.id) }))).toEqual({ ok: false, error: "adminQueues.errors.notFailed" });
    expect(await actions.retryProvisioningAction(null, form({ serviceId: String(service.id) }))).toEqual({ ok: false, error: "adminQueues.errors.notFailed" });
    // A decline without a reason (or only spaces) is refused next to the field.
    for (const reason of ["", "   "]) {
      expect(await actions.declineCancellationAction(null, form({ requestId: String(request.id), reason }))).toEqual({
        ok: false,
        error: "errors.checkFields",
        fieldErrors: { reason: "adminQueues.errors.reasonRequired" },
      });
    }
    expect(await actions.declineCancellationAction(null, form({ requestId: String(request.id), reason: "x".repeat(2001) }))).toMatchObject({ fieldErrors: { reason: "adminQueues.errors.reasonTooLong" } });
    expect(await writes(user.clientId)).toEqual(before);
  });
});

describe("Cancelar ahora", () => {
  it("carries out the request as the cron would: terminated on the panel, renewal invoice cancelled, request done, audited for the client", async () => {
    const { user, service, invoice, request } = await serviceWithOpenRequest();
    await signIn(billing);
    expect(await actions.carryOutCancellationAction(null, form({ requestId: String(request.id) }))).toEqual({ ok: true, message: "adminQueues.cancellations.carryOut.done" });

    expect(panel.count("terminateAccount", service.username!)).toBe(1);
    expect(panel.accounts.has(service.username!)).toBe(false);
    expect((await serviceRow(db, service.id)).status).toBe("terminated");
    const done = await requestRow(request.id);
    expect(done.status).toBe("done");
    expect(done.processedAt).toBeInstanceOf(Date);
    const [renewal] = await db.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, invoice.id));
    expect(renewal!.status).toBe("cancelled");
    const audit = await auditOf(user.clientId, "staff.cancellation_carried_out");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staffUserId: billing.id, contactId: null, details: expect.objectContaining({ requestId: request.id, serviceId: service.id }) });
    expect(staffRequest.revalidatePath).toHaveBeenCalledWith("/admin/colas", "layout");
    // The account is told it is done, as when the cron carries a request out.
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.to).toContain(user.email);
    expect(outbox[0]!.subject).toBe(`Servicio cancelado: ${service.domain}`);
    expect(outbox[0]!.html).toContain(`/productos/${service.id}`);

    // Again: the request is no longer open; nothing more happens.
    expect(await actions.carryOutCancellationAction(null, form({ requestId: String(request.id) }))).toEqual({ ok: false, error: "adminQueues.errors.cancellationNotOpen" });
    expect(panel.count("terminateAccount")).toBe(1);
    expect(await auditOf(user.clientId, "staff.cancellation_carried_out")).toHaveLength(1);
    expect(outbox).toHaveLength(1);
  });

  it("acts once when two members of staff and the cron carry out the same request at the same moment", async () => {
    const { user, service, request } = await serviceWithOpenRequest();
    panel.slow(30);
    await signIn(admin);
    const results = await Promise.all([
      actions.carryOutCancellationAction(null, form({ requestId: String(request.id) })),
      actions.carryOutCancellationAction(null, form({ requestId: String(request.id) })),
      carryOutCancellationRequest(request),
    ]);
    const staffWins = results.slice(0, 2).filter((result) => "ok" in result && result.ok).length;
    const cronWon = (results[2] as { outcome: string }).outcome === "carried_out";
    expect(staffWins + (cronWon ? 1 : 0)).toBe(1);
    expect(panel.count("terminateAccount", service.username!)).toBe(1);
    expect((await serviceRow(db, service.id)).status).toBe("terminated");
    expect(await auditOf(user.clientId, "staff.cancellation_carried_out")).toHaveLength(staffWins);
    expect(outbox.filter((message) => message.subject === `Servicio cancelado: ${service.domain}`)).toHaveLength(1);
  });

  it("leaves the termination to the cron when the panel refuses it, with the books already done", async () => {
    const { service, request } = await serviceWithOpenRequest();
    panel.failNext("terminateAccount", "unavailable", 1, { username: service.username! });
    await signIn(billing);
    expect(await actions.carryOutCancellationAction(null, form({ requestId: String(request.id) }))).toEqual({ ok: true, message: "adminQueues.cancellations.carryOut.donePanelPending" });
    expect((await serviceRow(db, service.id)).status).toBe("cancelled");
    expect((await requestRow(request.id)).status).toBe("done");
  });
});

describe("Rechazar", () => {
  it("declines with the reason emailed to the customer, audited, and lets the customer ask again", async () => {
    const { user, service, request } = await serviceWithOpenRequest();
    await signIn(billing);
    const reason = "El contrato tiene permanencia hasta 2099; llámenos si quiere hablarlo.";
    expect(await actions.declineCancellationAction(null, form({ requestId: String(request.id), reason: `  ${reason}  ` }))).toEqual({ ok: true, message: "adminQueues.cancellations.decline.done" });

    const declined = await requestRow(request.id);
    expect(declined.status).toBe("declined");
    expect((await serviceRow(db, service.id)).status).toBe("active");
    expect(panel.count("terminateAccount")).toBe(0);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.to).toContain(user.email);
    expect(outbox[0]!.subject).toBe(`Solicitud de cancelación rechazada: ${service.domain}`);
    expect(outbox[0]!.html).toContain(reason);
    expect(outbox[0]!.html).toContain(`/productos/${service.id}`);
    const audit = await auditOf(user.clientId, "staff.cancellation_declined");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staffUserId: billing.id, details: expect.objectContaining({ requestId: request.id, reason }) });

    // Declined, it no longer blocks a new request of the same service, and it is out of the queue.
    const again = await requestCancellation(user, { serviceId: service.id, reason: "Insisto.", type: "end_of_period" }, null, { today: "2003-01-01" });
    expect(again.ok).toBe(true);
    const page = await listOpenCancellations(staffScopeFromSession({ staffUserId: billing.id, role: "billing" }), { limit: 100 });
    expect(page.rows.some((row) => row.id === request.id)).toBe(false);
    // Carrying out the declined one is refused.
    expect(await actions.carryOutCancellationAction(null, form({ requestId: String(request.id) }))).toEqual({ ok: false, error: "adminQueues.errors.cancellationNotOpen" });
  });
});

describe("Reintentar", () => {
  it("provisions a given-up service once the panel recovers: active, welcome email, audited", async () => {
    const { user, service } = await failedService();
    await signIn(support);
    expect(await actions.retryProvisioningAction(null, form({ serviceId: String(service.id) }))).toEqual({ ok: true, message: "adminQueues.provisioning.provisioned" });
    const row = await serviceRow(db, service.id);
    expect(row).toMatchObject({ status: "active", provisionState: "done", provisionError: null, provisionAttempts: MAX_PROVISION_ATTEMPTS + 1 });
    expect(panel.count("createAccount")).toBe(1);
    expect(panel.accounts.has(row.username!)).toBe(true);
    expect(outbox.filter((message) => message.subject.includes(service.domain))).toHaveLength(1);
    expect(outbox[0]!.subject).toBe(`Su servicio ${service.domain} ya está activo`);
    const audit = await auditOf(user.clientId, "staff.provisioning_retried");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staffUserId: support.id, details: expect.objectContaining({ serviceId: service.id, outcome: "provisioned" }) });
    // No longer in the queue, and a second retry is refused.
    expect(await actions.retryProvisioningAction(null, form({ serviceId: String(service.id) }))).toEqual({ ok: false, error: "adminQueues.errors.notFailed" });
  });

  it("shows the panel's new error when it fails again, and keeps the service in the queue", async () => {
    const { user, service } = await failedService();
    panel.failNext("createAccount", "rejected", 1);
    await signIn(admin);
    expect(await actions.retryProvisioningAction(null, form({ serviceId: String(service.id) }))).toEqual({ ok: false, error: "adminQueues.provisioning.failedAgain" });
    const row = await serviceRow(db, service.id);
    expect(row).toMatchObject({ status: "pending", provisionState: "failed", provisionAttempts: MAX_PROVISION_ATTEMPTS + 1 });
    expect(row.provisionError).toContain("rejected: double: createAccount");
    expect(outbox).toHaveLength(0);
    // The page is refreshed even on a failure, so the row shows the new error.
    expect(staffRequest.revalidatePath).toHaveBeenCalledWith("/admin/colas", "layout");
    const audit = await auditOf(user.clientId, "staff.provisioning_retried");
    expect(audit[0]).toMatchObject({ details: expect.objectContaining({ outcome: "failed", error: row.provisionError }) });
    const page = await listProvisioningFailures(staffScopeFromSession({ staffUserId: admin.id, role: "admin" }), { limit: 100 });
    const listed = page.rows.find((entry) => entry.id === service.id);
    expect(listed).toMatchObject({ provisionError: row.provisionError, provisionAttempts: MAX_PROVISION_ATTEMPTS + 1, clientId: user.clientId });
  });

  it("provisions once when two retries and the cron's provisionService run at the same moment", async () => {
    const { user, service } = await failedService(undefined, MAX_PROVISION_ATTEMPTS - 1);
    panel.slow(40);
    await signIn(support);
    const results = await Promise.all([
      actions.retryProvisioningAction(null, form({ serviceId: String(service.id) })),
      actions.retryProvisioningAction(null, form({ serviceId: String(service.id) })),
      provisionService(service.id),
    ]);
    expect(panel.count("createAccount")).toBe(1);
    expect((await serviceRow(db, service.id)).status).toBe("active");
    expect(outbox.filter((message) => message.subject.includes(service.domain))).toHaveLength(1);
    const staffWins = results.slice(0, 2).filter((result) => typeof result === "object" && result.ok).length;
    expect(staffWins + (results[2] === "provisioned" ? 1 : 0)).toBe(1);
    expect(await auditOf(user.clientId, "staff.provisioning_retried")).toHaveLength(staffWins);
  });
});

describe("the queue lists", () => {
  it("list open requests oldest first with client, service, type, reason and dates, page by page, and count both queues", async () => {
    const scope = staffScopeFromSession({ staffUserId: admin.id, role: "admin" });
    const countsBefore = await queueCounts(scope);
    const user = await createSignedInOwner(db);
    const first = await serviceWithOpenRequest(user);
    const second = await serviceWithOpenRequest(user);
    await db.update(cancellationRequests).set({ createdAt: new Date("2001-01-01T10:00:00Z") }).where(eq(cancellationRequests.id, first.request.id));
    await db.update(cancellationRequests).set({ createdAt: new Date("2001-01-02T10:00:00Z") }).where(eq(cancellationRequests.id, second.request.id));
    const { service: failed } = await failedService(user);
    const counts = await queueCounts(scope);
    // Other files may add rows meanwhile on a shared database: at least ours are counted.
    expect(counts.cancellations).toBeGreaterThanOrEqual(countsBefore.cancellations + 2);
    expect(counts.provisioning).toBeGreaterThanOrEqual(countsBefore.provisioning + 1);

    const page1 = await listOpenCancellations(scope, { limit: 1 });
    const page2 = await listOpenCancellations(scope, { limit: 1, cursor: page1.nextCursor });
    const ours = [...page1.rows, ...page2.rows];
    expect(ours.map((row) => row.id)).toEqual([first.request.id, second.request.id]);
    expect(ours[0]).toMatchObject({ clientId: user.clientId, serviceId: first.service.id, domain: first.service.domain, type: "end_of_period", reason: "Nos mudamos a otro proveedor.", effectiveDate: FAR_AHEAD });
    expect(ours[0]!.clientName).toContain("Lucía");
    const back = await listOpenCancellations(scope, { limit: 1, cursor: page2.previousCursor });
    expect(back.rows.map((row) => row.id)).toEqual([first.request.id]);

    const failures = await listProvisioningFailures(scope, { limit: 100 });
    expect(failures.rows.find((row) => row.id === failed.id)).toMatchObject({ clientId: user.clientId, provisionAttempts: MAX_PROVISION_ATTEMPTS, provisionError: expect.stringContaining("unavailable") });
  });
});
