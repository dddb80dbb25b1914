import { and, eq } from "drizzle-orm";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, cancellationRequests, sentEmails, type Permission } from "@/db/schema";
import type { ReferenceIds } from "@/db/seed/reference-data";
import type { SessionUser } from "@/lib/auth/session";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { HostingPanelError } from "@/lib/hosting/hosting-panel";
import { catalogs } from "@/lib/i18n/messages";
import { requestCancellation } from "@/lib/services/cancellation";
import { exportServices } from "@/lib/services/export-section";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createSignedInOwner, createSubAccount, createTestDomain, createTestService, isoDate, sessionUserFor } from "@/tests/helpers/factories";
import { panelUnavailable, installHostingDouble } from "@/tests/helpers/hosting-double";
import { Forbidden, NotFound, Redirected } from "@/tests/helpers/next-navigation";
import { form } from "@/tests/helpers/form-data";

// The server actions and pages of Productos y servicios driven as a form post would drive them: the
// session and request headers are stubbed; the use cases and the database are real, and the hosting
// panel is a recording double.


const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  requireUser: async (permission?: Permission) => {
    const user = session.user!;
    if (permission && !user.isOwner && !user.permissions.includes(permission)) throw new Forbidden();
    return user;
  },
}));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));

const { panelLoginAction, createMailboxAction, withdrawCancellationAction } = await import("@/app/(portal)/productos/[serviceId]/actions");
const { changePanelPasswordAction } = await import("@/app/(portal)/productos/[serviceId]/contrasena/actions");
const { requestCancellationAction } = await import("@/app/(portal)/productos/[serviceId]/cancelar/actions");
const { default: ServicePage } = await import("@/app/(portal)/productos/[serviceId]/page");
const { default: PanelPasswordPage } = await import("@/app/(portal)/productos/[serviceId]/contrasena/page");
const { default: CancelServicePage } = await import("@/app/(portal)/productos/[serviceId]/cancelar/page");
const { PanelLoginButton } = await import("@/app/(portal)/productos/[serviceId]/_components/panel-login-button");
const { MailboxForm } = await import("@/app/(portal)/productos/[serviceId]/_components/mailbox-form");

let db: Database;
let reference: ReferenceIds;
const panel = installHostingDouble();
const outbox = captureEmails();
const STRONG = "Girasol-Tranvía-Otoño-2291";

beforeAll(async () => {
  db = await setupTestDatabase();
  reference = await seedReferenceDataOnce(db);
});

beforeEach(() => {
  session.user = null;
});

/** The action's answer, or the URL it redirected to. */
async function post<R>(action: (previous: null, data: FormData) => Promise<R>, values: Record<string, string>): Promise<R | { redirectedTo: string }> {
  try {
    return await action(null, form(values));
  } catch (error) {
    if (error instanceof Redirected) return { redirectedTo: error.url };
    throw error;
  }
}

/** A signed-in owner with an active hosting service on a server. */
async function customerWithService(overrides: Parameters<typeof createTestService>[2] = {}) {
  const user = await createSignedInOwner(db);
  const owner: SessionUser = { ...user, permissions: [] };
  session.user = owner;
  const service = await createTestService(db, user.clientId, { serverId: reference.serverIds.madrid1, ...overrides });
  return { user: owner, service };
}

async function asSubAccount(clientId: number, permissions: Permission[]): Promise<SessionUser> {
  const { contact } = await createSubAccount(db, clientId, permissions);
  session.user = sessionUserFor(contact);
  return session.user;
}

async function auditOf(clientId: number, action: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.clientId, clientId), eq(auditLog.action, action)));
}

async function requestsOf(serviceId: number) {
  return db.select().from(cancellationRequests).where(eq(cancellationRequests.serviceId, serviceId));
}

function spanish(key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogs.es);
  if (typeof value !== "string") throw new Error(`No Spanish message for ${key}`);
  return value;
}

function elementsIn(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elementsIn);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elementsIn(node.props.children as ReactNode)];
}

async function renderPage(page: (props: never) => Promise<ReactNode>, serviceId: number | string): Promise<ReactElement<Record<string, unknown>>[] | "not-found" | "forbidden"> {
  try {
    return elementsIn(await page({ params: Promise.resolve({ serviceId: String(serviceId) }), searchParams: Promise.resolve({}) } as never));
  } catch (error) {
    if (error instanceof NotFound) return "not-found";
    if (error instanceof Forbidden) return "forbidden";
    throw error;
  }
}

describe("Acceder a cPanel / Webmail", () => {
  it("asks the panel for a one-time session on each click, redirects to it and logs who, which service and which app", async () => {
    const { user, service } = await customerWithService();
    const first = await post(panelLoginAction, { serviceId: String(service.id), panel: "cpanel", app: "fileManager" });
    expect(first).toEqual({ redirectedTo: expect.stringMatching(/^https:\/\/.+\/cpsess1\/login\/\?session=.+&app=FileManager_Home$/) });
    const second = await post(panelLoginAction, { serviceId: String(service.id), panel: "webmail" });
    expect(second).toEqual({ redirectedTo: expect.stringContaining("/cpsess2/") });
    expect(panel.callsOf("createSession").map((call) => call.args[0])).toEqual([
      { username: service.username, service: "cpaneld", app: "FileManager_Home", locale: "es" },
      { username: service.username, service: "webmaild", locale: "es" },
    ]);
    const audits = await auditOf(user.clientId, "service.panel_login");
    expect(audits.map((row) => ({ contactId: row.contactId, details: row.details, ip: row.ip }))).toEqual([
      { contactId: user.contactId, details: { serviceId: service.id, domain: service.domain, panel: "cpanel", app: "FileManager_Home" }, ip: "203.0.113.9" },
      { contactId: user.contactId, details: { serviceId: service.id, domain: service.domain, panel: "webmail" }, ip: "203.0.113.9" },
    ]);
    // The one-time URL is never kept: not in the audit row, not anywhere in the service's rows.
    expect(JSON.stringify(audits)).not.toContain("cpsess");
  });

  it("answers another client's service as not found, without asking the panel or logging", async () => {
    const { service } = await customerWithService();
    const stranger = await createSignedInOwner(db);
    session.user = stranger;
    expect(await post(panelLoginAction, { serviceId: String(service.id), panel: "cpanel" })).toEqual({ ok: false, error: "services.errors.notFound" });
    expect(await renderPage(ServicePage, service.id)).toBe("not-found");
    expect(await renderPage(PanelPasswordPage, service.id)).toBe("not-found");
    expect(await renderPage(CancelServicePage, service.id)).toBe("not-found");
    expect(await renderPage(ServicePage, "12abc")).toBe("not-found");
    expect(panel.calls).toEqual([]);
    expect(await auditOf(stranger.clientId, "service.panel_login")).toEqual([]);
  });

  it("is refused (403) to a sub-account without productsso, whose page shows no panel login at all", async () => {
    const { user, service } = await customerWithService();
    await asSubAccount(user.clientId, ["products", "manageproducts"]);
    expect(await post(panelLoginAction, { serviceId: String(service.id), panel: "cpanel" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(panel.calls).toEqual([]);
    const page = await renderPage(ServicePage, service.id);
    expect(Array.isArray(page) && page.some((element) => element.type === PanelLoginButton)).toBe(false);
    expect(Array.isArray(page) && page.some((element) => element.type === MailboxForm)).toBe(true);

    await asSubAccount(user.clientId, ["products", "productsso"]);
    const withSso = await renderPage(ServicePage, service.id);
    expect(Array.isArray(withSso) && withSso.filter((element) => element.type === PanelLoginButton).length).toBeGreaterThan(2);
    expect(Array.isArray(withSso) && withSso.some((element) => element.type === MailboxForm)).toBe(false);

    await asSubAccount(user.clientId, ["invoices"]);
    expect(await renderPage(ServicePage, service.id)).toBe("forbidden");
  });

  it("is only for active services, refuses unknown apps, and says so when the panel is down", async () => {
    const { service } = await customerWithService({ status: "suspended" });
    expect(await post(panelLoginAction, { serviceId: String(service.id), panel: "cpanel" })).toEqual({ ok: false, error: "services.errors.notActive" });
    const page = await renderPage(ServicePage, service.id);
    expect(Array.isArray(page) && page.some((element) => element.type === PanelLoginButton)).toBe(false);

    const { user, service: active } = await customerWithService();
    expect(await post(panelLoginAction, { serviceId: String(active.id), panel: "cpanel", app: "../../whm" })).toMatchObject({ ok: false, error: "errors.checkFields" });
    expect(await post(panelLoginAction, { serviceId: String(active.id), panel: "whostmgr" })).toMatchObject({ ok: false, error: "errors.checkFields" });
    panel.failWith("createSession", panelUnavailable());
    expect(await post(panelLoginAction, { serviceId: String(active.id), panel: "cpanel" })).toEqual({ ok: false, error: "hosting.errors.unavailable" });
    expect(await auditOf(user.clientId, "service.panel_login")).toEqual([]);
  });
});

describe("Cambiar contraseña del panel", () => {
  it("sends a password the portal's policy accepts to the panel, keeps it nowhere and logs the change", async () => {
    const { user, service } = await customerWithService();
    const result = await post(changePanelPasswordAction, { serviceId: String(service.id), password: STRONG, passwordConfirmation: STRONG });
    expect(result).toEqual({ ok: true, message: "services.password.saved" });
    expect(panel.callsOf("changePassword").map((call) => call.args)).toEqual([[service.username, STRONG]]);
    const audits = await auditOf(user.clientId, "service.panel_password_changed");
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toEqual({ serviceId: service.id, domain: service.domain });
    expect(JSON.stringify(audits)).not.toContain(STRONG);
  });

  it("refuses a weak or unconfirmed password by its field and calls nothing", async () => {
    const { service } = await customerWithService();
    expect(await post(changePanelPasswordAction, { serviceId: String(service.id), password: "12345678", passwordConfirmation: "12345678" })).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringMatching(/^security\.errors\./) },
    });
    expect(await post(changePanelPasswordAction, { serviceId: String(service.id), password: STRONG, passwordConfirmation: `${STRONG}x` })).toMatchObject({
      ok: false,
      fieldErrors: { passwordConfirmation: "security.errors.passwordMismatch" },
    });
    expect(panel.calls).toEqual([]);
  });

  it("counts the service's own domain name as guessable, as the meter on the page does", async () => {
    // Strong (zxcvbn 4) for anyone else; weak next to a site called floristeriavalenciana.es.
    const { service } = await customerWithService({ domain: `floristeriavalenciana.es`, username: `flor${Date.now() % 100000}` });
    const guessable = "floristeriavalenciana2026";
    expect(await post(changePanelPasswordAction, { serviceId: String(service.id), password: guessable, passwordConfirmation: guessable })).toMatchObject({
      ok: false,
      fieldErrors: { password: "security.errors.passwordWeak" },
    });
    expect(panel.calls).toEqual([]);
  });

  it("needs manageproducts, and is not found for another client's service", async () => {
    const { user, service } = await customerWithService();
    await asSubAccount(user.clientId, ["products", "productsso"]);
    expect(await post(changePanelPasswordAction, { serviceId: String(service.id), password: STRONG, passwordConfirmation: STRONG })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await renderPage(PanelPasswordPage, service.id)).toBe("forbidden");
    session.user = await createSignedInOwner(db);
    expect(await post(changePanelPasswordAction, { serviceId: String(service.id), password: STRONG, passwordConfirmation: STRONG })).toEqual({ ok: false, error: "services.errors.notFound" });
    expect(panel.calls).toEqual([]);
  });

  it("says the page is about the panel's password, not the portal's", async () => {
    const { service } = await customerWithService();
    const page = await renderPage(PanelPasswordPage, service.id);
    const texts = Array.isArray(page) ? page.flatMap((element) => [element.props.children].flat().filter((child) => typeof child === "string")) : [];
    expect(texts).toContain(spanish("services.password.notice"));
    expect(spanish("services.password.notice")).toMatch(/no la de su acceso al área de cliente/);
  });
});

describe("Crear una cuenta de correo electrónico", () => {
  it("creates name@domain with the quota on the panel and logs it without the password", async () => {
    const { user, service } = await customerWithService();
    const result = await post(createMailboxAction, { serviceId: String(service.id), localPart: " Info.Ventas ", password: STRONG, passwordConfirmation: STRONG, quotaMb: "2048" });
    expect(result).toEqual({ ok: true, data: { email: `info.ventas@${service.domain}` } });
    expect(panel.callsOf("createMailbox").map((call) => call.args[0])).toEqual([
      { username: service.username, domain: service.domain, localPart: "info.ventas", password: STRONG, quotaMb: 2048 },
    ]);
    const audits = await auditOf(user.clientId, "service.mailbox_created");
    expect(audits.map((row) => row.details)).toEqual([{ serviceId: service.id, email: `info.ventas@${service.domain}`, quotaMb: 2048 }]);
    expect(JSON.stringify(audits)).not.toContain(STRONG);
  });

  it("answers bad names, quotas and passwords by their fields and calls nothing", async () => {
    const { service } = await customerWithService({ diskLimitMb: 1024 });
    const base = { serviceId: String(service.id), password: STRONG, passwordConfirmation: STRONG, quotaMb: "500" };
    expect(await post(createMailboxAction, { ...base, localPart: "" })).toMatchObject({ ok: false, fieldErrors: { localPart: "errors.required" } });
    expect(await post(createMailboxAction, { ...base, localPart: "josé" })).toMatchObject({ ok: false, fieldErrors: { localPart: "services.errors.mailboxNameInvalid" } });
    expect(await post(createMailboxAction, { ...base, localPart: ".info" })).toMatchObject({ ok: false, fieldErrors: { localPart: "services.errors.mailboxNameInvalid" } });
    expect(await post(createMailboxAction, { ...base, localPart: "info", quotaMb: "0" })).toMatchObject({ ok: false, fieldErrors: { quotaMb: "services.errors.quotaInvalid" } });
    expect(await post(createMailboxAction, { ...base, localPart: "info", quotaMb: "2048" })).toMatchObject({ ok: false, fieldErrors: { quotaMb: "services.errors.quotaAboveDisk" } });
    expect(await post(createMailboxAction, { ...base, localPart: "info", password: "corta" })).toMatchObject({ ok: false, fieldErrors: { password: "security.errors.passwordTooShort" } });
    expect(panel.calls).toEqual([]);
    for (const key of ["services.errors.mailboxNameInvalid", "services.errors.quotaInvalid", "services.errors.quotaAboveDisk"]) expect(spanish(key)).toBeTruthy();
  });

  it("tells the customer a mailbox of that name exists, by the name", async () => {
    const { service } = await customerWithService();
    panel.failWith("createMailbox", new HostingPanelError("already_exists", "stand-in: exists"));
    expect(await post(createMailboxAction, { serviceId: String(service.id), localPart: "info", password: STRONG, passwordConfirmation: STRONG, quotaMb: "100" })).toMatchObject({
      ok: false,
      fieldErrors: { localPart: "services.errors.mailboxExists" },
    });
  });

  it("needs manageproducts and an active service of the client", async () => {
    const { user, service } = await customerWithService();
    const values = { serviceId: String(service.id), localPart: "info", password: STRONG, passwordConfirmation: STRONG, quotaMb: "100" };
    await asSubAccount(user.clientId, ["products", "productsso"]);
    expect(await post(createMailboxAction, values)).toEqual({ ok: false, error: "errors.forbidden" });
    session.user = await createSignedInOwner(db);
    expect(await post(createMailboxAction, values)).toEqual({ ok: false, error: "services.errors.notFound" });
    const { service: pending } = await customerWithService({ status: "pending" });
    expect(await post(createMailboxAction, { ...values, serviceId: String(pending.id) })).toEqual({ ok: false, error: "services.errors.notActive" });
    expect(panel.calls).toEqual([]);
  });
});

describe("Solicitar cancelación", () => {
  it("records an end-of-period request for the due date, emails the customer and can be withdrawn", async () => {
    const { user, service } = await customerWithService({ nextDueDate: isoDate(40) });
    const result = await post(requestCancellationAction, { serviceId: String(service.id), reason: "Me cambio de proveedor", type: "end_of_period" });
    expect(result).toEqual({ redirectedTo: `/productos/${service.id}?aviso=cancelacion` });
    const [request] = await requestsOf(service.id);
    expect(request).toMatchObject({ clientId: user.clientId, status: "open", type: "end_of_period", effectiveDate: isoDate(40), keepDomainRenewal: 1, reason: "Me cambio de proveedor", requestedByContactId: user.contactId });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: user.email, subject: `Solicitud de cancelación recibida: ${service.domain}` });
    expect(outbox[0]!.text).toContain("al final del periodo de facturación");
    expect(await db.select().from(sentEmails).where(and(eq(sentEmails.clientId, user.clientId), eq(sentEmails.template, "cancellation-requested")))).toHaveLength(1);
    expect(await auditOf(user.clientId, "service.cancellation_requested")).toHaveLength(1);

    // A second one while the first is open is refused with a Spanish message.
    expect(await post(requestCancellationAction, { serviceId: String(service.id), reason: "Otra vez", type: "immediate" })).toEqual({ ok: false, error: "services.errors.cancellationAlreadyOpen" });
    expect(spanish("services.errors.cancellationAlreadyOpen")).toMatch(/Ya hay una solicitud/);
    expect(await requestsOf(service.id)).toHaveLength(1);

    // The page offers to withdraw it; withdrawing leaves it "withdrawn" and a new request possible.
    const page = await renderPage(ServicePage, service.id);
    expect(Array.isArray(page) && page.some((element) => element.props.action === withdrawCancellationAction)).toBe(true);
    expect(await post(withdrawCancellationAction, { serviceId: String(service.id), requestId: String(request!.id) })).toEqual({ redirectedTo: `/productos/${service.id}?aviso=retirada` });
    expect((await requestsOf(service.id)).map((row) => row.status)).toEqual(["withdrawn"]);
    expect(await post(withdrawCancellationAction, { serviceId: String(service.id), requestId: String(request!.id) })).toEqual({ ok: false, error: "services.errors.cancellationNotOpen" });
    expect(await auditOf(user.clientId, "service.cancellation_withdrawn")).toHaveLength(1);

    const again = await post(requestCancellationAction, { serviceId: String(service.id), reason: "Ahora sí", type: "immediate", skipDomainRenewal: "on" });
    expect(again).toEqual({ redirectedTo: `/productos/${service.id}?aviso=cancelacion` });
    expect((await requestsOf(service.id)).find((row) => row.status === "open")).toMatchObject({ type: "immediate", effectiveDate: madridToday(), keepDomainRenewal: 0 });

    // "Descargar mis datos" carries both requests with the service.
    const exported = await exportServices(db, { scope: user.scope, contactId: user.contactId });
    const exportedRequests = exported.services.find((row) => row.id === service.id)?.cancellationRequests;
    expect(exportedRequests?.map((row) => [row.status, row.type, row.keepDomainRenewal])).toEqual([
      ["withdrawn", "end_of_period", true],
      ["open", "immediate", false],
    ]);
  });

  it("lets only one of two simultaneous requests through", async () => {
    const { user, service } = await customerWithService();
    const input = { serviceId: service.id, reason: "Cierre", type: "end_of_period" as const };
    const results = await Promise.all([requestCancellation(user, input, null), requestCancellation(user, input, null)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: "services.errors.cancellationAlreadyOpen" });
    expect(await requestsOf(service.id)).toHaveLength(1);
  });

  it("writes nothing for a missing reason or type, another client's service, or a user without manageproducts", async () => {
    const { user, service } = await customerWithService();
    expect(await post(requestCancellationAction, { serviceId: String(service.id), reason: "   ", type: "immediate" })).toMatchObject({ ok: false, fieldErrors: { reason: "errors.required" } });
    expect(await post(requestCancellationAction, { serviceId: String(service.id), reason: "Motivo", type: "mañana" })).toMatchObject({ ok: false, fieldErrors: { type: "services.errors.cancellationTypeRequired" } });
    await asSubAccount(user.clientId, ["products", "productsso"]);
    expect(await post(requestCancellationAction, { serviceId: String(service.id), reason: "Motivo", type: "immediate" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await renderPage(CancelServicePage, service.id)).toBe("forbidden");
    session.user = await createSignedInOwner(db);
    expect(await post(requestCancellationAction, { serviceId: String(service.id), reason: "Motivo", type: "immediate" })).toEqual({ ok: false, error: "services.errors.notFound" });
    expect(await requestsOf(service.id)).toEqual([]);
    expect(outbox).toEqual([]);
  });

  it("does not let another client withdraw a request, nor cancel a service that is over", async () => {
    const { user, service } = await customerWithService();
    const result = await requestCancellation(user, { serviceId: service.id, reason: "Cierre", type: "immediate" }, null);
    if (!result.ok) throw new Error(result.error);
    session.user = await createSignedInOwner(db);
    expect(await post(withdrawCancellationAction, { serviceId: String(service.id), requestId: String(result.requestId) })).toEqual({ ok: false, error: "services.errors.cancellationNotOpen" });
    expect((await requestsOf(service.id)).map((row) => row.status)).toEqual(["open"]);

    const { service: terminated } = await customerWithService({ status: "terminated" });
    expect(await post(requestCancellationAction, { serviceId: String(terminated.id), reason: "Motivo", type: "immediate" })).toEqual({ ok: false, error: "services.errors.notCancellable" });
  });

  it("offers not to renew the associated domain only when the client has it with us", async () => {
    const { user, service } = await customerWithService();
    const formOf = async () => {
      const page = await renderPage(CancelServicePage, service.id);
      return Array.isArray(page) ? page.find((element) => "ownsDomain" in element.props) : undefined;
    };
    expect((await formOf())?.props.ownsDomain).toBe(false);
    await createTestDomain(db, user.clientId, { name: service.domain });
    expect((await formOf())?.props.ownsDomain).toBe(true);
  });
});
