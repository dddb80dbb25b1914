import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, contacts } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, uniqueEmail, uniqueSuffix } from "@/tests/helpers/factories";

let db: Database;
let ipCounter = 0;
// Each test has its own address, unique per run too, so no per-IP limit leaks between tests or files.
const run = uniqueSuffix().slice(0, 4);
const nextIp = () => `2001:db8:${run}::${(ipCounter += 1)}`;

beforeAll(async () => {
  db = await setupTestDatabase();
});

async function auditRows(contactId: number) {
  return db.select().from(auditLog).where(eq(auditLog.contactId, contactId));
}

describe("verifyCredentials", () => {
  it("accepts the right password, whatever the case and spacing of the email", async () => {
    const { client, owner, password } = await createTestClient(db);
    const ip = nextIp();
    const result = await verifyCredentials({ email: `  ${owner.email.toUpperCase()} `, password, ip });
    expect(result).toEqual({
      ok: true,
      contact: { id: owner.id, clientId: client.id, sessionVersion: owner.sessionVersion },
    });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, owner.id));
    expect(row!.lastLoginAt).toBeInstanceOf(Date);
    const audit = await auditRows(owner.id);
    expect(audit.map((entry) => entry.action)).toEqual(["login.success"]);
    expect(audit[0]).toMatchObject({ clientId: client.id, contactId: owner.id, ip });
  });

  it("refuses a wrong password and logs the failure", async () => {
    const { client, owner } = await createTestClient(db);
    const ip = nextIp();
    expect(await verifyCredentials({ email: owner.email, password: "no-es-esta-2026", ip })).toEqual({
      ok: false,
      error: "errors.invalidCredentials",
    });
    const audit = await auditRows(owner.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "login.failure", clientId: client.id, ip });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, owner.id));
    expect(row!.lastLoginAt).toBeNull();
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const result = await verifyCredentials({ email: uniqueEmail("nadie"), password: "lo-que-sea-2026", ip: nextIp() });
    expect(result).toEqual({ ok: false, error: "errors.invalidCredentials" });
  });

  it("refuses contacts that cannot sign in, even with their password", async () => {
    const { client, password } = await createTestClient(db);
    const [noAccess] = await db
      .insert(contacts)
      .values({
        clientId: client.id,
        hasAccess: false,
        firstName: "Sin",
        lastName: "Acceso",
        email: `sin-acceso-${client.id}@example.test`,
        passwordHash: await hashPassword(password),
      })
      .returning();
    const [noPassword] = await db
      .insert(contacts)
      .values({ clientId: client.id, hasAccess: true, firstName: "Sin", lastName: "Clave", email: `sin-clave-${client.id}@example.test` })
      .returning();
    for (const contact of [noAccess!, noPassword!]) {
      expect(await verifyCredentials({ email: contact.email, password, ip: nextIp() })).toEqual({
        ok: false,
        error: "errors.invalidCredentials",
      });
    }
  });

  it("throttles an account after 10 failures: 20 wrong passwords in a row, then even the right one", async () => {
    const { owner, password } = await createTestClient(db);
    const ip = nextIp();
    const answers: string[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const result = await verifyCredentials({ email: owner.email, password: `incorrecta-${attempt}`, ip });
      answers.push(result.ok ? "ok" : result.error);
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill("errors.invalidCredentials"));
    expect(answers.slice(10)).toEqual(Array(10).fill("errors.rateLimited"));

    expect(await verifyCredentials({ email: owner.email, password, ip })).toEqual({ ok: false, error: "errors.rateLimited" });
    // From another address too: the account itself is throttled.
    expect(await verifyCredentials({ email: owner.email, password, ip: nextIp() })).toEqual({
      ok: false,
      error: "errors.rateLimited",
    });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, owner.id));
    expect(row!.lastLoginAt).toBeNull();
    expect(
      await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "login.success"))),
    ).toHaveLength(0);
  });

  it("does not throttle a contact of another client signing in from the same address", async () => {
    const attacked = await createTestClient(db);
    const other = await createTestClient(db);
    const ip = nextIp();
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await verifyCredentials({ email: attacked.owner.email, password: `incorrecta-${attempt}`, ip });
    }
    expect(await verifyCredentials({ email: attacked.owner.email, password: attacked.password, ip })).toMatchObject({
      ok: false,
      error: "errors.rateLimited",
    });
    const result = await verifyCredentials({ email: other.owner.email, password: other.password, ip });
    expect(result).toMatchObject({ ok: true, contact: { id: other.owner.id, clientId: other.client.id } });
  });

  it("throttles an address after 30 failures across accounts", async () => {
    const ip = nextIp();
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const result = await verifyCredentials({ email: uniqueEmail(`desconocido-${attempt}`), password: "x", ip });
      expect(result).toEqual({ ok: false, error: "errors.invalidCredentials" });
    }
    const { owner, password } = await createTestClient(db);
    expect(await verifyCredentials({ email: owner.email, password, ip })).toEqual({ ok: false, error: "errors.rateLimited" });
    expect(await verifyCredentials({ email: owner.email, password, ip: nextIp() })).toMatchObject({ ok: true });
  });

  it("clears the account's failures after a successful sign-in", async () => {
    const { owner, password } = await createTestClient(db);
    const ip = nextIp();
    for (let attempt = 0; attempt < 9; attempt += 1) {
      await verifyCredentials({ email: owner.email, password: `incorrecta-${attempt}`, ip });
    }
    expect(await verifyCredentials({ email: owner.email, password, ip })).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < 9; attempt += 1) {
      expect(await verifyCredentials({ email: owner.email, password: `otra-${attempt}`, ip })).toMatchObject({
        error: "errors.invalidCredentials",
      });
    }
    expect(await verifyCredentials({ email: owner.email, password, ip })).toMatchObject({ ok: true });
  });
});
