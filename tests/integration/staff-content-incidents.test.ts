import { createTestStaff, signInAsStaff, type TestStaff } from "@/tests/helpers/staff-request";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { staffScopeFromSession } from "@/lib/auth/scope";
import { auditLog, networkIssueNotices, networkIssues, networkIssueServers, servers } from "@/db/schema";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createTestClient, createTestService, uniqueSuffix } from "@/tests/helpers/factories";
import { scopeOf } from "@/tests/helpers/scope";
import { contentWrites, form } from "@/tests/helpers/staff-content-fixtures";

const outbox = captureEmails();

const actions = await import("@/app/admin/(desk)/contenido/actions");
const { getStaffServer, listStaffServers } = await import("@/lib/staff/content/content-desk");
const { listIncidents, listServerStatus } = await import("@/lib/support/server-status");
const { sendIncidentNotices } = await import("@/lib/support/incident-notices");

let db: Database;
let admin: TestStaff;
let support: TestStaff;
const RUN = uniqueSuffix();

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  admin = await createTestStaff(db, "admin");
  support = await createTestStaff(db, "support");
});
afterAll(teardownTestDatabase);

const STAFF = () => [admin, support];
const writes = () => contentWrites(db, { marker: RUN, staffIds: STAFF().map((member) => member.id) });

const SERVER = { name: `Madrid ${RUN}`, hostname: `mad-${RUN}.example.es`, ipAddress: "192.0.2.30", nameservers: "ns1.example.es\nns2.example.es", port: "2087", username: "root", serverGroup: "default", maxAccounts: "150", location: "Madrid", active: "on" };

async function newServer(name: string) {
  const [row] = await db.insert(servers).values({ name: `${name} ${RUN}`, hostname: `${name.toLowerCase()}-${uniqueSuffix()}.test`, ipAddress: "192.0.2.40", nameservers: ["ns1.example.es"] }).returning();
  return row!;
}

describe("servers (admins only)", () => {
  it("creates and edits a server; the panel credential's variable is only set, replaced or cleared, never read back", async () => {
    await signInAsStaff(db, admin);
    const created = await actions.saveServerAction(null, form({ ...SERVER, tokenEnv: "WHM_TOKEN_MAD1" }));
    expect(created).toMatchObject({ ok: true, message: "adminContent.servers.saved" });
    const id = created.ok ? created.data!.id : 0;
    const [row] = await db.select().from(servers).where(eq(servers.id, id));
    expect(row).toMatchObject({ hostname: SERVER.hostname, nameservers: ["ns1.example.es", "ns2.example.es"], maxAccounts: 150, tokenEnv: "WHM_TOKEN_MAD1", active: true });
    // What the pages read says a credential is set, and never which.
    const shown = await getStaffServer(staffScopeFromSession({ staffUserId: admin.id, role: "admin" }), id);
    expect(shown).toMatchObject({ credentialSet: true });
    expect(JSON.stringify(shown)).not.toContain("WHM_TOKEN_MAD1");
    expect(JSON.stringify(await listStaffServers(staffScopeFromSession({ staffUserId: admin.id, role: "admin" })))).not.toContain("WHM_TOKEN_MAD1");
    // It shows on the customers' server status page.
    expect((await listServerStatus(null)).map((entry) => entry.id)).toContain(id);

    // Blank keeps the variable; a new one replaces it; "clear" removes it.
    await actions.saveServerAction(null, form({ ...SERVER, id: String(id), name: `Madrid 2 ${RUN}` }));
    expect((await db.select().from(servers).where(eq(servers.id, id)))[0]).toMatchObject({ name: `Madrid 2 ${RUN}`, tokenEnv: "WHM_TOKEN_MAD1" });
    await actions.saveServerAction(null, form({ ...SERVER, id: String(id), tokenEnv: "WHM_TOKEN_MAD2" }));
    expect((await db.select().from(servers).where(eq(servers.id, id)))[0]!.tokenEnv).toBe("WHM_TOKEN_MAD2");
    await actions.saveServerAction(null, form({ ...SERVER, id: String(id), clearTokenEnv: "on" }));
    expect((await db.select().from(servers).where(eq(servers.id, id)))[0]!.tokenEnv).toBeNull();
    // Unticked "active": out of the status page.
    await actions.saveServerAction(null, form({ ...SERVER, active: "", id: String(id) }));
    expect((await listServerStatus(null)).map((entry) => entry.id)).not.toContain(id);

    const trail = await db.select().from(auditLog).where(and(eq(auditLog.staffUserId, admin.id), eq(auditLog.action, "staff.server_saved")));
    expect(trail.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(trail.map((entry) => entry.details))).not.toContain("WHM_TOKEN_");
  });

  it("refuses bad input with a message next to the field and writes nothing", async () => {
    await signInAsStaff(db, admin);
    const before = await writes();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ name: "" }, { name: "adminContent.errors.nameRequired" }],
      [{ hostname: "no es un host" }, { hostname: "adminContent.errors.hostnameInvalid" }],
      [{ ipAddress: "999.1.1.1" }, { ipAddress: "adminContent.errors.ipInvalid" }],
      [{ nameservers: "" }, { nameservers: "adminContent.errors.nameserversInvalid" }],
      [{ nameservers: "ns1.example.es\nmal nombre" }, { nameservers: "adminContent.errors.nameserversInvalid" }],
      [{ port: "70000" }, { port: "adminContent.errors.portInvalid" }],
      [{ username: "root; rm" }, { username: "adminContent.errors.usernameInvalid" }],
      [{ tokenEnv: "AWS_SECRET_ACCESS_KEY" }, { tokenEnv: "adminContent.errors.tokenEnvInvalid" }],
      [{ serverGroup: "grupo con espacios" }, { serverGroup: "adminContent.errors.serverGroupInvalid" }],
      [{ maxAccounts: "0" }, { maxAccounts: "adminContent.errors.maxAccountsInvalid" }],
    ];
    for (const [change, fieldErrors] of cases) {
      expect(await actions.saveServerAction(null, form({ ...SERVER, ...change })), JSON.stringify(change)).toEqual({ ok: false, error: "errors.checkFields", fieldErrors });
    }
    expect(await actions.saveServerAction(null, form({ ...SERVER, id: "999999999" }))).toEqual({ ok: false, error: "adminContent.errors.serverNotFound" });
    expect(await writes()).toEqual(before);
  });
});

describe("incidents", () => {
  it("creates an incident that emails each affected client once, only them, and shows on their server status", async () => {
    await signInAsStaff(db, support);
    const affectedServer = await newServer("Afectado");
    const otherServer = await newServer("Sano");
    const affected = await createTestClient(db);
    await createTestService(db, affected.client.id, { serverId: affectedServer.id, domain: `tienda-${RUN}.es` });
    await createTestService(db, affected.client.id, { serverId: affectedServer.id, domain: `blog-${RUN}.es` });
    const elsewhere = await createTestClient(db);
    await createTestService(db, elsewhere.client.id, { serverId: otherServer.id });
    const cancelled = await createTestClient(db);
    await createTestService(db, cancelled.client.id, { serverId: affectedServer.id, status: "terminated" });

    const title = `Lentitud en Madrid ${RUN}`;
    const result = await actions.createIncidentAction(
      null,
      form({ title, description: "Estamos investigando la lentitud.", status: "investigating", priority: "high", startsAt: "2026-07-01T10:00", serverIds: [String(affectedServer.id)] }),
    );
    expect(result).toMatchObject({ ok: true, message: "adminContent.incidents.created", data: { emails: 1 } });
    const issueId = result.ok ? result.data!.id : 0;
    const [issue] = await db.select().from(networkIssues).where(eq(networkIssues.id, issueId));
    // 10:00 in Madrid in summer is 08:00 UTC.
    expect(issue).toMatchObject({ title, status: "investigating", priority: "high", startsAt: new Date("2026-07-01T08:00:00Z"), endsAt: null });
    expect(await db.select().from(networkIssueServers).where(eq(networkIssueServers.issueId, issueId))).toEqual([{ issueId, serverId: affectedServer.id }]);

    const mine = outbox.filter((email) => email.subject.includes(RUN));
    expect(mine.map((email) => email.to)).toEqual([affected.owner.email]);
    expect(mine[0]!.subject).toBe(`Incidencia en su servidor: ${title}`);
    expect(mine[0]!.text).toContain(`blog-${RUN}.es`);
    expect(mine[0]!.text).toContain(`tienda-${RUN}.es`);
    expect(await db.select({ clientId: networkIssueNotices.clientId }).from(networkIssueNotices).where(eq(networkIssueNotices.issueId, issueId))).toEqual([{ clientId: affected.client.id }]);

    const status = await listIncidents(scopeOf(affected.client.id));
    expect(status.open.find((entry) => entry.id === issueId)).toMatchObject({ title, servers: [affectedServer.name], myServices: [`blog-${RUN}.es`, `tienda-${RUN}.es`] });
    expect((await listIncidents(scopeOf(elsewhere.client.id))).open.find((entry) => entry.id === issueId)?.myServices).toEqual([]);

    // The cron's run after it, and an update, email nobody again.
    expect(await sendIncidentNotices({ issueIds: [issueId] })).toEqual({ notices: 0, emails: 0 });
    const update = await actions.postIncidentUpdateAction(null, form({ issueId: String(issueId), status: "in_progress", message: "Sustituyendo un disco." }));
    expect(update).toMatchObject({ ok: true, data: { emails: 0 } });
    expect(outbox.filter((email) => email.subject.includes(RUN))).toHaveLength(1);
    const withUpdate = (await listIncidents(scopeOf(affected.client.id))).open.find((entry) => entry.id === issueId);
    expect(withUpdate).toMatchObject({ status: "in_progress", updates: [{ status: "in_progress", message: "Sustituyendo un disco." }] });

    // A client whose service arrived on the server since is told on the next update, once.
    const newcomer = await createTestClient(db);
    await createTestService(db, newcomer.client.id, { serverId: affectedServer.id });
    expect(await actions.postIncidentUpdateAction(null, form({ issueId: String(issueId), status: "outage", message: "Servidor caído." }))).toMatchObject({ ok: true, data: { emails: 1 } });
    expect(outbox.filter((email) => email.subject.includes(RUN)).map((email) => email.to)).toEqual([affected.owner.email, newcomer.owner.email]);

    // Resolved: in the resolved list with its end, nobody emailed, no more updates.
    expect(await actions.resolveIncidentAction(null, form({ issueId: String(issueId), resolution: "Disco sustituido." }))).toEqual({ ok: true, message: "adminContent.incidents.resolved" });
    const page = await listIncidents(scopeOf(affected.client.id), { limit: 100 });
    expect(page.open.map((entry) => entry.id)).not.toContain(issueId);
    const resolved = page.resolved.rows.find((entry) => entry.id === issueId);
    expect(resolved).toMatchObject({ status: "resolved" });
    expect(resolved!.endsAt).not.toBeNull();
    expect(resolved!.updates.map((entry) => entry.status)).toEqual(["resolved", "outage", "in_progress"]);
    expect(outbox.filter((email) => email.subject.includes(RUN))).toHaveLength(2);
    expect(await actions.postIncidentUpdateAction(null, form({ issueId: String(issueId), status: "in_progress", message: "Otra vez" }))).toEqual({ ok: false, error: "adminContent.errors.incidentResolved" });
    expect(await actions.resolveIncidentAction(null, form({ issueId: String(issueId), resolution: "Otra vez" }))).toEqual({ ok: false, error: "adminContent.errors.incidentResolved" });

    const trail = (await db.select().from(auditLog).where(eq(auditLog.staffUserId, support.id)).orderBy(asc(auditLog.id))).filter((entry) => (entry.details as { issueId?: number } | null)?.issueId === issueId);
    expect(trail.map((entry) => entry.action)).toEqual(["staff.incident_created", "staff.incident_updated", "staff.incident_updated", "staff.incident_resolved"]);
  });

  it("sends one notice per client when the same incident is updated twice at once", async () => {
    await signInAsStaff(db, support);
    const target = await newServer("Carrera");
    const { client, owner } = await createTestClient(db);
    const [issue] = await db.insert(networkIssues).values({ title: `Carrera ${RUN}`, status: "outage", description: "Caída.", startsAt: new Date() }).returning();
    await db.insert(networkIssueServers).values({ issueId: issue!.id, serverId: target.id });
    await createTestService(db, client.id, { serverId: target.id });
    const post = () => actions.postIncidentUpdateAction(null, form({ issueId: String(issue!.id), status: "in_progress", message: "Trabajando" }));
    const results = await Promise.all([post(), post()]);
    expect(results.every((entry) => entry.ok)).toBe(true);
    expect(outbox.filter((email) => email.subject.includes(`Carrera ${RUN}`)).map((email) => email.to)).toEqual([owner.email]);
  });

  it("refuses bad input with a message next to the field and writes nothing, not even a notice", async () => {
    await signInAsStaff(db, support);
    const target = await newServer("Malo");
    const { client } = await createTestClient(db);
    await createTestService(db, client.id, { serverId: target.id });
    const before = await writes();
    const valid = { title: `Caída ${RUN}`, description: "Sin servicio", status: "outage", priority: "medium", startsAt: "2026-07-01T10:00", serverIds: String(target.id) };
    const cases: [Record<string, string | string[]>, Record<string, string>][] = [
      [{ title: "" }, { title: "adminContent.errors.titleRequired" }],
      [{ description: "" }, { description: "adminContent.errors.bodyRequired" }],
      [{ status: "resolved" }, { status: "adminContent.errors.statusInvalid" }],
      [{ priority: "urgentísima" }, { priority: "adminContent.errors.priorityInvalid" }],
      [{ startsAt: "" }, { startsAt: "adminContent.errors.startsAtInvalid" }],
      [{ endsAt: "2026-07-01T09:00" }, { endsAt: "adminContent.errors.endsBeforeStart" }],
      [{ endsAt: "ayer" }, { endsAt: "adminContent.errors.dateInvalid" }],
      [{ serverIds: [] }, { serverIds: "adminContent.errors.serversRequired" }],
      [{ serverIds: "uno" }, { serverIds: "adminContent.errors.serversRequired" }],
      [{ serverIds: [String(target.id), "999999999"] }, { serverIds: "adminContent.errors.serversRequired" }],
    ];
    for (const [change, fieldErrors] of cases) {
      expect(await actions.createIncidentAction(null, form({ ...valid, ...change })), JSON.stringify(change)).toEqual({ ok: false, error: "errors.checkFields", fieldErrors });
    }
    const [issue] = await db.insert(networkIssues).values({ title: `Abierta ${RUN}`, status: "reported", description: "x", startsAt: new Date() }).returning();
    const afterIssue = await writes();
    expect(await actions.postIncidentUpdateAction(null, form({ issueId: String(issue!.id), status: "in_progress", message: "" }))).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { message: "adminContent.errors.messageRequired" },
    });
    expect(await actions.postIncidentUpdateAction(null, form({ issueId: String(issue!.id), status: "cerrada", message: "x" }))).toMatchObject({ fieldErrors: { status: "adminContent.errors.statusInvalid" } });
    expect(await actions.postIncidentUpdateAction(null, form({ issueId: "999999999", status: "in_progress", message: "x" }))).toEqual({ ok: false, error: "adminContent.errors.incidentNotFound" });
    expect(await actions.resolveIncidentAction(null, form({ issueId: String(issue!.id), resolution: " " }))).toMatchObject({ fieldErrors: { resolution: "adminContent.errors.messageRequired" } });
    expect(await writes()).toEqual(afterIssue);
    expect({ ...afterIssue, issues: afterIssue.issues - 1 }).toEqual(before);
    expect(outbox).toHaveLength(0);
  });
});
