import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { sandboxPanelAccounts, sandboxPanelSessions, servers } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { chooseHostingPanel } from "@/lib/hosting/choose-hosting-panel";
import type { PanelServer } from "@/lib/hosting/hosting-panel";
import { chooseServerForGroup, chooseServerForProduct, loadPanelServer } from "@/lib/hosting/panel-servers";
import { createSandboxPanel, openSandboxPanelSession } from "@/lib/hosting/sandbox-panel";
import { getProvider } from "@/lib/providers";
import { panelFailure } from "@/tests/helpers/panel-failure";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestProduct, createTestService, uniqueSuffix } from "@/tests/helpers/factories";
import { NotFound } from "@/tests/helpers/next-navigation";

// The sandbox panel on a real database (PGlite, or PostgreSQL with DATABASE_URL), its one-time test
// page rendered as Next renders it (the server component called with its params), and the choice
// of a server for a new account.

vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));

const { default: SandboxPanelPage } = await import("@/app/panel-de-pruebas/[token]/page");
const { StatusPage } = await import("@/app/_components/status-page");
const { default: SandboxPanelLinkGone } = await import("@/app/panel-de-pruebas/[token]/not-found");

let db: Database;
const panel = createSandboxPanel({ baseUrl: "https://portal.example.com/" });
const server: PanelServer = { id: 0, hostname: "sandbox.local", port: 2087, username: "root", token: null, nameservers: [] };

/** A sandbox username: lowercase, ≤16 characters, unique per run (files share a PostgreSQL database). */
const newUsername = () => `sb${uniqueSuffix()}`;

async function visit(token: string): Promise<string> {
  return renderToStaticMarkup(await SandboxPanelPage({ params: Promise.resolve({ token }) }));
}

beforeAll(async () => {
  db = await setupTestDatabase();
});

afterAll(async () => {
  await teardownTestDatabase();
});

describe("sandbox panel", () => {
  it("is the configured panel in development and tests", () => {
    expect(env.HOSTING_PANEL).toBeUndefined();
    expect(getProvider("hosting").name).toBe("sandbox");
  });

  it("creates, finds, suspends, reports usage, adds mailboxes, opens a one-time session and terminates an account", async () => {
    const username = newUsername();
    const domain = `${username}.es`;
    expect(await panel.accountExists(server, username)).toBe(false);

    expect(await panel.createAccount(server, { username, domain, plan: "basico", password: "Panel-Pass-2026!", contactEmail: "ana@cliente.test", quotaMb: 5120 })).toEqual({ ip: null });
    expect(await panel.accountExists(server, username)).toBe(true);
    const [created] = await db.select().from(sandboxPanelAccounts).where(eq(sandboxPanelAccounts.username, username));
    expect(created).toMatchObject({ domain, plan: "basico", status: "active", diskLimitMb: 5120 });
    // Only an argon2 hash is kept, never the password.
    expect(created!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(created)).not.toContain("Panel-Pass-2026!");
    expect(await verifyPassword(created!.passwordHash, "Panel-Pass-2026!")).toBe(true);

    // A live username cannot be taken twice.
    expect((await panelFailure(panel.createAccount(server, { username, domain: "otro.es", plan: "x", password: "y", contactEmail: "z@cliente.test" }))).code).toBe("already_exists");

    await panel.suspendAccount(server, username, "Factura vencida");
    await db.update(sandboxPanelAccounts).set({ diskUsedMb: 812, bandwidthUsedMb: 2048, bandwidthLimitMb: 51_200 }).where(eq(sandboxPanelAccounts.username, username));
    expect(await panel.getUsage(server, username)).toEqual({ diskUsedMb: 812, diskLimitMb: 5120, bandwidthUsedMb: 2048, bandwidthLimitMb: 51_200 });

    await panel.changePackage(server, username, "profesional");
    await panel.changePassword(server, username, "Otra-Clave-2026!");
    const [changed] = await db.select().from(sandboxPanelAccounts).where(eq(sandboxPanelAccounts.username, username));
    expect(changed).toMatchObject({ status: "suspended", plan: "profesional" });
    expect(await verifyPassword(changed!.passwordHash, "Otra-Clave-2026!")).toBe(true);

    await panel.unsuspendAccount(server, username);
    await panel.createMailbox(server, { username, domain, localPart: "info", password: "Mail-Pass-2026!", quotaMb: 1024 });
    await panel.createMailbox(server, { username, domain, localPart: "ventas", password: "Mail-Pass-2026!", quotaMb: 0 });
    expect((await panelFailure(panel.createMailbox(server, { username, domain, localPart: "INFO", password: "x", quotaMb: 1 }))).code).toBe("rejected");

    // The SSO link: our page, with a token stored only as its hash, valid 10 minutes.
    const { url } = await panel.createSession(server, { username, service: "webmaild", app: "Email_Accounts" });
    const match = /^https:\/\/portal\.example\.com\/panel-de-pruebas\/([A-Za-z0-9_-]{43})$/.exec(url);
    expect(match).not.toBeNull();
    const token = match![1]!;
    const [session] = await db.select().from(sandboxPanelSessions).where(eq(sandboxPanelSessions.tokenHash, hashToken(token)));
    expect(session).toMatchObject({ username, service: "webmaild", app: "Email_Accounts", usedAt: null });
    const minutes = (session!.expiresAt.getTime() - session!.createdAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThan(10.1);

    // The page: clearly labelled, the account's details, the service and app asked for.
    const html = await visit(token);
    expect(html).toContain("Panel de control (entorno de pruebas)");
    expect(html).toContain("Entorno de pruebas");
    expect(html).toContain(username);
    expect(html).toContain(domain);
    expect(html).toContain("profesional");
    expect(html).toContain("Activa");
    expect(html).toContain("Has entrado en Webmail.");
    expect(html).toContain("Aplicación solicitada: Email_Accounts");
    expect(html).toContain(`info@${domain}`);
    expect(html).toContain(`ventas@${domain}`);
    expect(html).toContain("cuota ilimitada");
    expect(html).toContain("812 MB de 5120 MB");

    // Single use: the second visit is a 404 whose page says why.
    await expect(visit(token)).rejects.toBeInstanceOf(NotFound);
    const goneElement = SandboxPanelLinkGone();
    expect(goneElement.type).toBe(StatusPage);
    const gone = renderToStaticMarkup(await StatusPage(goneElement.props as Parameters<typeof StatusPage>[0]));
    expect(gone).toContain("Enlace caducado o ya usado");

    await panel.terminateAccount(server, username);
    expect(await panel.accountExists(server, username)).toBe(false);
    expect((await panelFailure(panel.suspendAccount(server, username, "x"))).code).toBe("not_found");
    expect((await panelFailure(panel.createSession(server, { username, service: "cpaneld" }))).code).toBe("not_found");
    // As on WHM after removeacct, the username can be used again.
    await panel.createAccount(server, { username, domain, plan: "basico", password: "Panel-Pass-2026!", contactEmail: "ana@cliente.test" });
    const [again] = await db.select().from(sandboxPanelAccounts).where(eq(sandboxPanelAccounts.username, username));
    expect(again).toMatchObject({ status: "active", plan: "basico", mailboxes: [], diskLimitMb: null });
  });

  it("lets exactly one of two simultaneous visits use a token, and refuses expired or unknown ones", async () => {
    const username = newUsername();
    await panel.createAccount(server, { username, domain: `${username}.es`, plan: "basico", password: "Panel-Pass-2026!", contactEmail: "a@cliente.test" });
    const token = new URL((await panel.createSession(server, { username, service: "cpaneld" })).url).pathname.split("/").pop()!;
    const views = await Promise.all([openSandboxPanelSession(token), openSandboxPanelSession(token)]);
    expect(views.filter((view) => view !== null)).toHaveLength(1);
    expect(views.find((view) => view !== null)).toMatchObject({ username, service: "cpaneld", app: null });

    const expired = new URL((await panel.createSession(server, { username, service: "cpaneld" })).url).pathname.split("/").pop()!;
    await db.update(sandboxPanelSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sandboxPanelSessions.tokenHash, hashToken(expired)));
    expect(await openSandboxPanelSession(expired)).toBeNull();
    await expect(visit(expired)).rejects.toBeInstanceOf(NotFound);
    expect(await openSandboxPanelSession("x".repeat(43))).toBeNull();
    expect(await openSandboxPanelSession("x".repeat(500))).toBeNull();

    // cPanel, home page.
    const html = await visit(new URL((await panel.createSession(server, { username, service: "cpaneld" })).url).pathname.split("/").pop()!);
    expect(html).toContain("Has entrado en cPanel.");
    expect(html).toContain("Aplicación solicitada: página de inicio");
    expect(html).toContain("Esta cuenta aún no tiene cuentas de correo.");
    expect(html).toContain("0 MB de ilimitado");
  });
});

describe("choosing the panel", () => {
  const base = { WHM_TIMEOUT_MS: 1000, NODE_ENV: "development" as const, embeddedDatabase: true };

  it("is WHM when HOSTING_PANEL=whm and the sandbox when asked or in development", () => {
    expect(chooseHostingPanel({ ...base, HOSTING_PANEL: "whm" }).name).toBe("whm");
    expect(chooseHostingPanel({ ...base, HOSTING_PANEL: "sandbox", NODE_ENV: "production", embeddedDatabase: false }).name).toBe("sandbox");
    expect(chooseHostingPanel({ ...base, HOSTING_PANEL: undefined }).name).toBe("sandbox");
    expect(chooseHostingPanel({ ...base, HOSTING_PANEL: undefined, NODE_ENV: "production" }).name).toBe("sandbox");
  });

  it("turns panel calls off in production on PostgreSQL unless a panel is chosen", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const off = chooseHostingPanel({ ...base, HOSTING_PANEL: undefined, NODE_ENV: "production", embeddedDatabase: false });
    expect(off.name).toBe("off");
    const error = await panelFailure(off.createAccount(server, { username: "x", domain: "x.es", plan: "p", password: "p", contactEmail: "a@cliente.test" }));
    expect(error.code).toBe("unavailable");
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe("servers", () => {
  async function addServer(group: string, values: Partial<typeof servers.$inferInsert> = {}) {
    const [row] = await db
      .insert(servers)
      .values({ name: `srv-${uniqueSuffix()}`, hostname: `srv-${uniqueSuffix()}.example.net`, ipAddress: "192.0.2.1", nameservers: ["ns1.example.net"], serverGroup: group, ...values })
      .returning();
    return row!;
  }

  it("places an account on the least full active server of the product's group, in one statement", async () => {
    const group = `g${uniqueSuffix()}`;
    const { client } = await createTestClient(db);
    const product = await createTestProduct(db, { serverGroup: group });
    const addServices = async (serverId: number, count: number, status: "active" | "suspended" | "pending" | "terminated" | "cancelled") => {
      for (let i = 0; i < count; i++) await createTestService(db, client.id, { productId: product.id, serverId, status });
    };

    // a: 2 live of 10 (20%; its 4 terminated/cancelled accounts do not count). b: 30 of 100 (30%, more
    // room in absolute terms but fuller). c: empty but inactive. d: full. e: another group, empty.
    const a = await addServer(group, { maxAccounts: 10 });
    const b = await addServer(group, { maxAccounts: 100 });
    const c = await addServer(group, { maxAccounts: 100, active: false });
    const d = await addServer(group, { maxAccounts: 1 });
    await addServer(`${group}x`, { maxAccounts: 100 });
    await addServices(a.id, 1, "active");
    await addServices(a.id, 1, "suspended");
    await addServices(a.id, 2, "terminated");
    await addServices(a.id, 2, "cancelled");
    await addServices(b.id, 30, "active");
    await addServices(d.id, 1, "pending");

    expect(await chooseServerForGroup(db, group)).toMatchObject({ id: a.id, accounts: 2 });
    expect(await chooseServerForProduct(db, product.id)).toMatchObject({ id: a.id, accounts: 2 });

    // Fill a to 40% (4 of 10): b (30%) is now the least full.
    await addServices(a.id, 2, "pending");
    expect(await chooseServerForGroup(db, group)).toMatchObject({ id: b.id, accounts: 30 });
    expect(c.active).toBe(false);

    // No room anywhere: null.
    const full = `g${uniqueSuffix()}`;
    const only = await addServer(full, { maxAccounts: 1 });
    expect(await chooseServerForGroup(db, full)).toMatchObject({ id: only.id, accounts: 0 });
    await createTestService(db, client.id, { productId: product.id, serverId: only.id, status: "active" });
    expect(await chooseServerForGroup(db, full)).toBeNull();
    expect(await chooseServerForGroup(db, `g${uniqueSuffix()}`)).toBeNull();
  });

  it("uses the default group for a product that names none", async () => {
    const product = await createTestProduct(db, { serverGroup: null });
    await addServer("default", { maxAccounts: 1_000_000 });
    await addServer(`g${uniqueSuffix()}`, { maxAccounts: 1_000_000 });
    // Whatever else lives in "default" on a shared database, the answer is from that group.
    expect((await chooseServerForProduct(db, product.id))?.serverGroup).toBe("default");
  });

  it("loads a server with its token from the WHM_TOKEN_* variable it names, and only from such a name", async () => {
    const name = `WHM_TOKEN_T${uniqueSuffix().toUpperCase()}`;
    process.env[name] = "tok-0123456789";
    try {
      const named = await addServer("tokens", { tokenEnv: name, port: 2087, username: "reseller1" });
      expect(await loadPanelServer(db, named.id)).toEqual({
        id: named.id,
        hostname: named.hostname,
        port: 2087,
        username: "reseller1",
        token: "tok-0123456789",
        nameservers: ["ns1.example.net"],
      });
      const sneaky = await addServer("tokens", { tokenEnv: "DATABASE_URL" });
      expect((await loadPanelServer(db, sneaky.id))?.token).toBeNull();
      const unset = await addServer("tokens", { tokenEnv: "WHM_TOKEN_NOT_SET_ANYWHERE" });
      expect((await loadPanelServer(db, unset.id))?.token).toBeNull();
      expect(await loadPanelServer(db, 2_000_000_000)).toBeNull();
    } finally {
      delete process.env[name];
    }
  });
});
