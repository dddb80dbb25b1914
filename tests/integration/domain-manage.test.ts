import { and, eq } from "drizzle-orm";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, domainContacts, domainPrivateNameservers, domains, sandboxRegistryDomains, sentEmails, type Permission } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { listDomains } from "@/lib/domains/manage/list-domains";
import { catalogs } from "@/lib/i18n/messages";
import { setProviderForTests } from "@/lib/providers";
import { DOMAIN_SETTINGS } from "@/lib/settings/settings-values";
import { seedReferenceDataOnce, setupTestDatabase } from "@/tests/helpers/database";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createSignedInOwner, createSubAccount, createTestDomain, isoDate, sessionUserFor, uniqueSuffix } from "@/tests/helpers/factories";
import { Forbidden, NotFound, Redirected } from "@/tests/helpers/next-navigation";
import { createRegistrarDouble, type RegistrarDouble } from "@/tests/helpers/registrar-double";
import { form } from "@/tests/helpers/form-data";

// Mis dominios and every management action of a domain, driven as a form post drives them: the
// session is stubbed; the use cases, the database, the sandbox registry behind a recording double
// and the email layer are real.

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

const actions = await import("@/app/(portal)/dominios/[domainId]/actions");
const { default: DomainsPage } = await import("@/app/(portal)/dominios/page");
const pages = {
  layout: (await import("@/app/(portal)/dominios/[domainId]/layout")).default,
  overview: (await import("@/app/(portal)/dominios/[domainId]/page")).default,
  autoRenew: (await import("@/app/(portal)/dominios/[domainId]/auto-renovar/page")).default,
  nameservers: (await import("@/app/(portal)/dominios/[domainId]/servidores-de-nombres/page")).default,
  lock: (await import("@/app/(portal)/dominios/[domainId]/bloqueo/page")).default,
  contacts: (await import("@/app/(portal)/dominios/[domainId]/contactos/page")).default,
  privateNameservers: (await import("@/app/(portal)/dominios/[domainId]/servidores-privados/page")).default,
  epp: (await import("@/app/(portal)/dominios/[domainId]/codigo-epp/page")).default,
};

let db: Database;
let registrar: RegistrarDouble;
const outbox = captureEmails();

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

beforeEach(() => {
  session.user = null;
  registrar = createRegistrarDouble({ db });
  setProviderForTests("registrar", registrar.registrar);
});

afterEach(() => {
  setProviderForTests("registrar", null);
});

async function post<R>(action: (previous: null, data: FormData) => Promise<R>, values: Record<string, string>): Promise<R | { redirectedTo: string }> {
  try {
    return await action(null, form(values));
  } catch (error) {
    if (error instanceof Redirected) return { redirectedTo: error.url };
    throw error;
  }
}

function spanish(key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogs.es);
  if (typeof value !== "string") throw new Error(`No Spanish message for ${key}`);
  return value;
}

/** A signed-in owner with an active .es domain (in the sandbox registry once first used). */
async function ownerWithDomain(overrides: Parameters<typeof createTestDomain>[2] = {}) {
  const user = await createSignedInOwner(db);
  const owner: SessionUser = { ...user, permissions: [] };
  session.user = owner;
  const domain = await createTestDomain(db, user.clientId, { name: `gestion-${uniqueSuffix()}.es`, ...overrides });
  return { user: owner, domain };
}

/** Another client's domain, and the session switched to a fresh owner who tries to touch it. */
async function intruderAndVictim() {
  const victim = await ownerWithDomain();
  const intruder = await createSignedInOwner(db);
  session.user = { ...intruder, permissions: [] };
  return { domain: victim.domain, intruder };
}

async function domainRow(id: number) {
  const [row] = await db.select().from(domains).where(eq(domains.id, id));
  return row!;
}

async function registryRow(name: string) {
  const [row] = await db.select().from(sandboxRegistryDomains).where(eq(sandboxRegistryDomains.name, name));
  return row;
}

const REGISTRANT = {
  name: "Lucía Prueba",
  company: "",
  email: "titular@test.local",
  phone: "612 345 678",
  address1: "Calle Mayor 1",
  address2: "",
  city: "Madrid",
  state: "Madrid",
  postcode: "28013",
  country: "ES",
  taxId: "12345678Z",
};

describe("Mis dominios (list)", () => {
  it("lists only the client's domains, filters by status and text, and pages by keyset", async () => {
    const { user, domain } = await ownerWithDomain({ name: `tienda-${uniqueSuffix()}.es`, registrationDate: isoDate(-10) });
    const expired = await createTestDomain(db, user.clientId, { name: `viejo-${uniqueSuffix()}.com`, tld: "com", status: "expired", registrationDate: isoDate(-800) });
    const other = await ownerWithDomain();
    const all = await listDomains(user.scope, { limit: 20 });
    expect(all.rows.map((row) => row.id)).toEqual([domain.id, expired.id]);
    expect(all.rows.map((row) => row.id)).not.toContain(other.domain.id);
    expect((await listDomains(user.scope, { status: "expired", limit: 20 })).rows.map((row) => row.id)).toEqual([expired.id]);
    expect((await listDomains(user.scope, { search: "TIENDA", limit: 20 })).rows.map((row) => row.id)).toEqual([domain.id]);
    // A LIKE wildcard typed in the box is a literal character, not "anything".
    expect((await listDomains(user.scope, { search: "%", limit: 20 })).rows).toEqual([]);
    const first = await listDomains(user.scope, { limit: 1 });
    expect(first.rows.map((row) => row.id)).toEqual([domain.id]);
    const second = await listDomains(user.scope, { limit: 1, cursor: first.nextCursor });
    expect(second.rows.map((row) => row.id)).toEqual([expired.id]);
    expect(second.nextCursor).toBeNull();
    expect((await listDomains(user.scope, { limit: 1, cursor: second.previousCursor })).rows.map((row) => row.id)).toEqual([domain.id]);
  });
});

function elementsIn(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elementsIn);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elementsIn(node.props.children as ReactNode)];
}

/** The list page's table element: its rows, and the empty state it shows in their place. */
async function renderList(searchParams: Record<string, string>) {
  const tree = elementsIn(await DomainsPage({ searchParams: Promise.resolve(searchParams) }));
  const table = tree.find((element) => Array.isArray(element.props.rows) && "empty" in element.props)!;
  const empty = table.props.empty as ReactElement<{ message: string }>;
  return { rows: table.props.rows as { id: number; name: string }[], emptyMessage: empty.props.message };
}

describe("Mis dominios (page)", () => {
  it("shows the empty state to a client with no domains, and the search's own empty state", async () => {
    session.user = { ...(await createSignedInOwner(db)), permissions: [] };
    expect(await renderList({})).toEqual({ rows: [], emptyMessage: spanish("domainManage.list.empty.all") });
    const { domain } = await ownerWithDomain();
    expect((await renderList({})).rows.map((row) => row.name)).toEqual([domain.name]);
    expect(await renderList({ q: "nada-parecido" })).toEqual({ rows: [], emptyMessage: spanish("domainManage.list.empty.search").replace("{search}", "nada-parecido") });
    expect((await renderList({ estado: "vencidos" })).emptyMessage).toBe(spanish("domainManage.list.empty.expired"));
  });

  it("needs the domains permission", async () => {
    const { user } = await ownerWithDomain();
    const { contact } = await createSubAccount(db, user.clientId, ["invoices"]);
    session.user = sessionUserFor(contact);
    await expect(DomainsPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("Servidores de nombres", () => {
  it("sends three custom name servers to the registrar and saves them once accepted, then goes back to the defaults", async () => {
    const { domain } = await ownerWithDomain();
    const custom = { domainId: String(domain.id), mode: "custom", ns1: "NS1.Otro-Proveedor.com.", ns2: "ns2.otro-proveedor.com", ns3: "ns3.otro-proveedor.com", ns4: "", ns5: "" };
    const saved = await post(actions.saveNameserversAction, custom);
    expect(saved).toEqual({ ok: true, data: { nameservers: ["ns1.otro-proveedor.com", "ns2.otro-proveedor.com", "ns3.otro-proveedor.com"] } });
    expect(registrar.callsOf("saveNameservers").map((call) => call.args)).toEqual([[domain.name, ["ns1.otro-proveedor.com", "ns2.otro-proveedor.com", "ns3.otro-proveedor.com"]]]);
    let row = await domainRow(domain.id);
    expect({ nameservers: row.nameservers, useDefault: row.useDefaultNameservers }).toEqual({ nameservers: ["ns1.otro-proveedor.com", "ns2.otro-proveedor.com", "ns3.otro-proveedor.com"], useDefault: false });
    expect((await registryRow(domain.name))!.nameservers).toHaveLength(3);

    expect(await post(actions.saveNameserversAction, { domainId: String(domain.id), mode: "default" })).toEqual({ ok: true, data: { nameservers: DOMAIN_SETTINGS.defaultNameservers } });
    row = await domainRow(domain.id);
    expect({ nameservers: row.nameservers, useDefault: row.useDefaultNameservers }).toEqual({ nameservers: [], useDefault: true });
    expect((await registryRow(domain.name))!.nameservers).toEqual(DOMAIN_SETTINGS.defaultNameservers);
  });

  it("changes nothing when the registrar refuses, and shows its Spanish message (a host under .invalid)", async () => {
    const { domain } = await ownerWithDomain();
    const result = await post(actions.saveNameserversAction, { domainId: String(domain.id), mode: "custom", ns1: "ns1.no-existe.invalid", ns2: "ns2.no-existe.invalid" });
    expect(result).toEqual({ ok: false, error: "domains.errors.registrar.invalid_nameserver" });
    expect(spanish("domains.errors.registrar.invalid_nameserver")).toMatch(/servidores de nombres/);
    registrar.refuseNext("saveNameservers", "unavailable");
    expect(await post(actions.saveNameserversAction, { domainId: String(domain.id), mode: "custom", ns1: "ns1.bien.com", ns2: "ns2.bien.com" })).toEqual({ ok: false, error: "domains.errors.registrar.unavailable" });
    const row = await domainRow(domain.id);
    expect({ nameservers: row.nameservers, useDefault: row.useDefaultNameservers }).toEqual({ nameservers: [], useDefault: true });
  });

  it("puts a message next to each bad box and asks the registrar nothing", async () => {
    const { domain } = await ownerWithDomain();
    expect(await post(actions.saveNameserversAction, { domainId: String(domain.id), mode: "custom", ns1: "no es un host", ns2: "" })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { ns1: "domainManage.errors.hostName", ns2: "domainManage.errors.nameserverRequired" },
    });
    expect(await post(actions.saveNameserversAction, { domainId: String(domain.id), mode: "custom", ns1: "ns1.a.com", ns2: "ns1.a.com" })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { ns2: "domainManage.errors.nameserverDuplicate" },
    });
    expect(await post(actions.saveNameserversAction, { domainId: String(domain.id), mode: "otro" })).toMatchObject({ ok: false, fieldErrors: { mode: "errors.invalidValue" } });
    expect(registrar.calls).toEqual([]);
    for (const key of ["domainManage.errors.hostName", "domainManage.errors.nameserverRequired", "domainManage.errors.nameserverDuplicate"]) expect(spanish(key)).toBeTruthy();
  });
});

describe("Bloquear registro", () => {
  it("turns the lock off and on at the registrar first, saving each once accepted", async () => {
    const { domain } = await ownerWithDomain();
    expect(await post(actions.setRegistrarLockAction, { domainId: String(domain.id), locked: "off" })).toEqual({ redirectedTo: `/dominios/${domain.id}/bloqueo?aviso=desactivado` });
    expect((await domainRow(domain.id)).registrarLock).toBe(false);
    expect((await registryRow(domain.name))!.locked).toBe(false);
    expect(await post(actions.setRegistrarLockAction, { domainId: String(domain.id), locked: "on" })).toEqual({ redirectedTo: `/dominios/${domain.id}/bloqueo?aviso=activado` });
    expect((await domainRow(domain.id)).registrarLock).toBe(true);
    expect(registrar.callsOf("setLock").map((call) => call.args)).toEqual([
      [domain.name, false],
      [domain.name, true],
    ]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.clientId, domain.clientId), eq(auditLog.action, "domain.lock_changed")));
    expect(audits.map((row) => row.details)).toEqual([
      { domainId: domain.id, domain: domain.name, locked: false },
      { domainId: domain.id, domain: domain.name, locked: true },
    ]);
  });

  it("keeps the lock as it was when the registrar refuses or the input is bad", async () => {
    const { domain } = await ownerWithDomain();
    registrar.refuseNext("setLock", "rejected");
    // (a refusal leaves no trace in the activity log either: checked below)
    expect(await post(actions.setRegistrarLockAction, { domainId: String(domain.id), locked: "off" })).toEqual({ ok: false, error: "domains.errors.registrar.rejected" });
    expect(await post(actions.setRegistrarLockAction, { domainId: String(domain.id), locked: "quizá" })).toMatchObject({ ok: false, fieldErrors: { locked: "errors.invalidValue" } });
    expect((await domainRow(domain.id)).registrarLock).toBe(true);
    expect(registrar.callsOf("setLock")).toHaveLength(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.clientId, domain.clientId))).toEqual([]);
  });

  it("does not touch a domain that is not held for the client (pending transfer)", async () => {
    const { domain } = await ownerWithDomain({ status: "pending_transfer" });
    expect(await post(actions.setRegistrarLockAction, { domainId: String(domain.id), locked: "off" })).toEqual({ ok: false, error: "domainManage.errors.notManageable" });
    expect(registrar.calls).toEqual([]);
  });
});

describe("Auto-renovar", () => {
  it("switches auto-renewal off and on for the client's own domain", async () => {
    const { domain } = await ownerWithDomain();
    expect(await post(actions.setAutoRenewAction, { domainId: String(domain.id), autoRenew: "off" })).toEqual({ redirectedTo: `/dominios/${domain.id}/auto-renovar?aviso=desactivada` });
    expect((await domainRow(domain.id)).autoRenew).toBe(false);
    expect(await post(actions.setAutoRenewAction, { domainId: String(domain.id), autoRenew: "on" })).toEqual({ redirectedTo: `/dominios/${domain.id}/auto-renovar?aviso=activada` });
    expect((await domainRow(domain.id)).autoRenew).toBe(true);
    expect(await post(actions.setAutoRenewAction, { domainId: String(domain.id), autoRenew: "" })).toMatchObject({ ok: false, fieldErrors: { autoRenew: "errors.invalidValue" } });
    expect((await domainRow(domain.id)).autoRenew).toBe(true);
  });
});

describe("Información de contactos", () => {
  it("saves the registrant with its phone as +CC.NUMBER once the registrar accepts, keeping the other two", async () => {
    const { domain } = await ownerWithDomain();
    const result = await post(actions.saveDomainContactAction, { domainId: String(domain.id), role: "registrant", ...REGISTRANT });
    expect(result).toEqual({ ok: true, data: { role: "registrant" } });
    const [sent] = registrar.callsOf("saveContacts").map((call) => call.args);
    expect(sent![0]).toBe(domain.name);
    const contacts = sent![1] as Record<string, { phone: string; email: string }>;
    expect(contacts.registrant).toMatchObject({ phone: "+34.612345678", email: "titular@test.local", taxId: "12345678Z" });
    // The other two came from the registrar (the account's details) and are sent back unchanged.
    expect(contacts.admin!.email).toMatch(/@test\.local$/);
    const [stored] = await db.select().from(domainContacts).where(eq(domainContacts.domainId, domain.id));
    expect(stored!.contacts.registrant.phone).toBe("+34.612345678");
    expect(stored!.contacts.admin).toEqual(contacts.admin);
    expect((await registryRow(domain.name))!.contacts).toEqual(stored!.contacts);
  });

  it("writes nothing when the registrar refuses, and shows its message", async () => {
    const { domain } = await ownerWithDomain();
    registrar.refuseNext("saveContacts", "invalid_contact");
    expect(await post(actions.saveDomainContactAction, { domainId: String(domain.id), role: "admin", ...REGISTRANT })).toEqual({ ok: false, error: "domains.errors.registrar.invalid_contact" });
    expect(await db.select().from(domainContacts).where(eq(domainContacts.domainId, domain.id))).toEqual([]);
  });

  it("checks postcode, phone, email and tax id by the country, every field in one answer, and writes nothing", async () => {
    const { domain } = await ownerWithDomain();
    const bad = { ...REGISTRANT, postcode: "99999", phone: "12345", email: "no-es-correo", taxId: "", name: "" };
    expect(await post(actions.saveDomainContactAction, { domainId: String(domain.id), role: "registrant", ...bad })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: {
        name: "errors.required",
        email: "domainManage.errors.email",
        postcode: "account.errors.postcodeSpain",
        phone: "account.errors.phoneSpain",
        taxId: "domainManage.errors.taxIdRequired",
      },
    });
    // Portugal's rules for a Portuguese address; the tax id is only required of a .es registrant.
    const portuguese = { ...REGISTRANT, country: "PT", postcode: "28013", phone: "+351 212 345 678", taxId: "" };
    expect(await post(actions.saveDomainContactAction, { domainId: String(domain.id), role: "tech", ...portuguese })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { postcode: "account.errors.postcodePortugal" },
    });
    expect(await post(actions.saveDomainContactAction, { domainId: String(domain.id), role: "owner", ...REGISTRANT })).toMatchObject({ ok: false, fieldErrors: { role: "errors.invalidValue" } });
    expect(registrar.callsOf("saveContacts")).toEqual([]);
    expect(await db.select().from(domainContacts).where(eq(domainContacts.domainId, domain.id))).toEqual([]);
    expect(spanish("domainManage.errors.taxIdRequired")).toMatch(/NIF/);
  });
});

describe("Servidores privados de nombres", () => {
  it("registers, modifies and deletes a glue record at the registrar, mirrored in our table only after each acceptance", async () => {
    const { user, domain } = await ownerWithDomain();
    const id = String(domain.id);
    expect(await post(actions.registerPrivateNameserverAction, { domainId: id, host: "ns1", ipv4: "192.0.2.10, 192.0.2.11", ipv6: "2001:DB8::10" })).toEqual({ ok: true, data: { host: `ns1.${domain.name}` } });
    const stored = () => db.select().from(domainPrivateNameservers).where(and(eq(domainPrivateNameservers.domainId, domain.id), eq(domainPrivateNameservers.clientId, user.clientId)));
    expect((await stored()).map((row) => [row.host, row.ipv4, row.ipv6])).toEqual([[`ns1.${domain.name}`, ["192.0.2.10", "192.0.2.11"], ["2001:db8::10"]]]);
    expect((await registryRow(domain.name))!.privateNameservers).toEqual([{ host: `ns1.${domain.name}`, ipv4: ["192.0.2.10", "192.0.2.11"], ipv6: ["2001:db8::10"] }]);

    expect(await post(actions.registerPrivateNameserverAction, { domainId: id, host: `ns1.${domain.name}`, ipv4: "192.0.2.12" })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { host: "domainManage.errors.privateHostExists" },
    });

    registrar.refuseNext("modifyPrivateNameserver", "rejected");
    expect(await post(actions.modifyPrivateNameserverAction, { domainId: id, host: `ns1.${domain.name}`, ipv4: "198.51.100.1" })).toEqual({ ok: false, error: "domains.errors.registrar.rejected" });
    expect((await stored())[0]!.ipv4).toEqual(["192.0.2.10", "192.0.2.11"]);
    expect(await post(actions.modifyPrivateNameserverAction, { domainId: id, host: `ns1.${domain.name}`, ipv4: "198.51.100.1" })).toEqual({
      redirectedTo: `/dominios/${domain.id}/servidores-privados?aviso=modificado&servidor=${encodeURIComponent(`ns1.${domain.name}`)}`,
    });
    expect((await stored()).map((row) => [row.ipv4, row.ipv6])).toEqual([[["198.51.100.1"], []]]);

    registrar.refuseNext("deletePrivateNameserver", "unavailable");
    expect(await post(actions.deletePrivateNameserverAction, { domainId: id, host: `ns1.${domain.name}` })).toEqual({ ok: false, error: "domains.errors.registrar.unavailable" });
    expect(await stored()).toHaveLength(1);
    expect(await post(actions.deletePrivateNameserverAction, { domainId: id, host: `ns1.${domain.name}` })).toMatchObject({ redirectedTo: expect.stringContaining("aviso=eliminado") });
    expect(await stored()).toEqual([]);
    expect((await registryRow(domain.name))!.privateNameservers).toEqual([]);
  });

  it("names bad hosts and addresses next to their fields and asks the registrar nothing", async () => {
    const { domain } = await ownerWithDomain();
    expect(await post(actions.registerPrivateNameserverAction, { domainId: String(domain.id), host: "ns1.otro-dominio.com", ipv4: "300.1.1.1", ipv6: "2001:db8::g" })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { host: "domainManage.errors.privateHostOutside", ipv4: "domainManage.errors.ipv4", ipv6: "domainManage.errors.ipv6" },
    });
    expect(await post(actions.registerPrivateNameserverAction, { domainId: String(domain.id), host: "ns2", ipv4: "", ipv6: "" })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { ipv4: "domainManage.errors.addressRequired" },
    });
    expect(await post(actions.registerPrivateNameserverAction, { domainId: String(domain.id), host: "ns2", ipv4: "192.0.2.1" })).toEqual({ ok: true, data: { host: `ns2.${domain.name}` } });
    registrar.refuseNext("registerPrivateNameserver", "invalid_nameserver");
    expect(await post(actions.registerPrivateNameserverAction, { domainId: String(domain.id), host: "ns3", ipv4: "192.0.2.3" })).toEqual({ ok: false, error: "domains.errors.registrar.invalid_nameserver" });
    expect((await db.select().from(domainPrivateNameservers).where(eq(domainPrivateNameservers.domainId, domain.id))).map((row) => row.host)).toEqual([`ns2.${domain.name}`]);
  });
});

describe("Obtener código EPP", () => {
  it("emails the registrar's code to the registrant; the sent-email log has the message without the code", async () => {
    const { user, domain } = await ownerWithDomain();
    await post(actions.saveDomainContactAction, { domainId: String(domain.id), role: "registrant", ...REGISTRANT });
    const result = await post(actions.requestEppCodeAction, { domainId: String(domain.id) });
    expect(result).toEqual({ ok: true, data: { email: "titular@test.local" } });
    const code = (await registryRow(domain.name))!.eppCode;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.to).toBe("titular@test.local");
    expect(outbox[0]!.text).toContain(code);
    expect(outbox[0]!.html).toContain(code.replace("#", "#"));
    const logged = await db.select().from(sentEmails).where(and(eq(sentEmails.clientId, user.clientId), eq(sentEmails.template, "domain-epp-code")));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.subject).toContain(domain.name);
    expect(logged[0]!.text).not.toContain(code);
    expect(logged[0]!.html).not.toContain(code);
    expect(logged[0]!.text).toContain(spanish("email.layout.secretWithheld"));
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.clientId, user.clientId), eq(auditLog.action, "domain.epp_code_requested")));
    expect(audit!.details).toEqual({ domainId: domain.id, domain: domain.name, sentTo: "titular@test.local" });
    // The answer the page shows says where it went, never the code.
    expect(JSON.stringify(result)).not.toContain(code);
  });

  it("sends at most three codes per domain and hour", async () => {
    const { domain } = await ownerWithDomain();
    for (let request = 0; request < 3; request += 1) expect(await post(actions.requestEppCodeAction, { domainId: String(domain.id) })).toMatchObject({ ok: true });
    expect(await post(actions.requestEppCodeAction, { domainId: String(domain.id) })).toEqual({ ok: false, error: "domainManage.errors.tooManyRequests" });
    expect(outbox).toHaveLength(3);
    expect(registrar.callsOf("getEppCode")).toHaveLength(3);
  });

  it("sends nothing when the registrar refuses", async () => {
    const { user, domain } = await ownerWithDomain();
    registrar.refuseNext("getEppCode", "unavailable");
    expect(await post(actions.requestEppCodeAction, { domainId: String(domain.id) })).toEqual({ ok: false, error: "domains.errors.registrar.unavailable" });
    expect(outbox).toEqual([]);
    expect(await db.select().from(sentEmails).where(eq(sentEmails.clientId, user.clientId))).toEqual([]);
  });
});

describe("another client's domain and permissions", () => {
  it("answers every action as not found, asking the registrar nothing and changing nothing", async () => {
    const { domain } = await intruderAndVictim();
    const id = String(domain.id);
    const notFound = { ok: false, error: "domainManage.errors.notFound" };
    expect(await post(actions.setAutoRenewAction, { domainId: id, autoRenew: "off" })).toEqual(notFound);
    expect(await post(actions.setRegistrarLockAction, { domainId: id, locked: "off" })).toEqual(notFound);
    expect(await post(actions.saveNameserversAction, { domainId: id, mode: "custom", ns1: "ns1.a.com", ns2: "ns2.a.com" })).toEqual(notFound);
    expect(await post(actions.saveDomainContactAction, { domainId: id, role: "registrant", ...REGISTRANT })).toEqual(notFound);
    expect(await post(actions.registerPrivateNameserverAction, { domainId: id, host: "ns1", ipv4: "192.0.2.1" })).toEqual(notFound);
    expect(await post(actions.modifyPrivateNameserverAction, { domainId: id, host: "ns1", ipv4: "192.0.2.1" })).toEqual(notFound);
    expect(await post(actions.deletePrivateNameserverAction, { domainId: id, host: "ns1" })).toEqual(notFound);
    expect(await post(actions.requestEppCodeAction, { domainId: id })).toEqual(notFound);
    expect(registrar.calls).toEqual([]);
    expect(outbox).toEqual([]);
    const row = await domainRow(domain.id);
    expect({ autoRenew: row.autoRenew, lock: row.registrarLock, useDefault: row.useDefaultNameservers }).toEqual({ autoRenew: true, lock: true, useDefault: true });
    expect(await db.select().from(domainContacts).where(eq(domainContacts.domainId, domain.id))).toEqual([]);
  });

  it("answers every page (and the layout) 404 for another client's domain", async () => {
    const { domain } = await intruderAndVictim();
    const props = { params: Promise.resolve({ domainId: String(domain.id) }), searchParams: Promise.resolve({}) };
    for (const [name, page] of Object.entries(pages)) {
      const outcome = await (page as (props: unknown) => Promise<ReactNode>)({ ...props, children: null }).then(
        () => "rendered",
        (error: unknown) => (error instanceof NotFound ? "not-found" : error),
      );
      expect([name, outcome]).toEqual([name, "not-found"]);
    }
    expect(registrar.calls).toEqual([]);
  });

  it("lets a sub-account with domains only view; managing needs managedomains", async () => {
    const { user, domain } = await ownerWithDomain();
    const { contact } = await createSubAccount(db, user.clientId, ["domains"]);
    session.user = sessionUserFor(contact);
    expect(await post(actions.setRegistrarLockAction, { domainId: String(domain.id), locked: "off" })).toEqual({ ok: false, error: "errors.forbidden" });
    const props = { params: Promise.resolve({ domainId: String(domain.id) }), searchParams: Promise.resolve({}) };
    await expect(pages.overview(props)).resolves.toBeTruthy();
    await expect(pages.lock(props)).rejects.toBeInstanceOf(Forbidden);
    expect((await domainRow(domain.id)).registrarLock).toBe(true);
  });
});
