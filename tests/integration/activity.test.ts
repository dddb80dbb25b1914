import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, staffUsers, type Permission } from "@/db/schema";
import { activityActionLabel, listActivity, summarizeActivityDetails, type DetailTranslator } from "@/lib/account/activity";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/audit/record-audit";
import { translatorFor } from "@/lib/i18n/translator";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, uniqueEmail, uniqueSuffix } from "@/tests/helpers/factories";
import { scopeOf } from "@/tests/helpers/scope";
import { countingDatabase } from "@/tests/helpers/counting-database";

// The pages' own session check runs; only Auth.js's session lookup is replaced.
const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/config", () => ({ auth }));

const { default: ActivityPage } = await import("@/app/(portal)/cuenta/actividad/page");

type SignedIn = { clientId: number; contactId: number; email: string; isOwner: boolean; permissions: Permission[] };

let db: Database;
let clientId: number;
let ownerId: number;
let ownerName: string;
let subAccount: SignedIn;
let subAccountName: string;
let otherClientId: number;
let otherOwnerId: number;
const marker = uniqueSuffix();
// The catalog-typed translator, seen through the loose shape the page's getTranslations() also has.
const words = (locale: "es" | "en") => translatorFor(locale) as unknown as DetailTranslator;
const es = words("es");

function signInAs(user: SignedIn) {
  auth.mockResolvedValue({ contactId: user.contactId, clientId: user.clientId, isOwner: user.isOwner, permissions: user.permissions, user: { name: "Cliente", email: user.email } });
}


async function allRows(id: number) {
  const rows = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 20; guard += 1) {
    const page = await listActivity(scopeOf(id), { cursor, limit: 100 });
    rows.push(...page.rows);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return rows;
}

beforeAll(async () => {
  db = await setupTestDatabase();
  const a = await createTestClient(db, { client: { firstName: "Marta", lastName: `Titular ${marker}` } });
  clientId = a.client.id;
  ownerId = a.owner.id;
  ownerName = `${a.owner.firstName} ${a.owner.lastName}`;
  const sub = await createSubAccount(db, clientId, ["profile", "contacts", "invoices"], { firstName: "Pablo", lastName: `Subcuenta ${marker}` });
  subAccount = { clientId, contactId: sub.contact.id, email: sub.contact.email, isOwner: false, permissions: ["profile", "contacts", "invoices"] };
  subAccountName = `Pablo Subcuenta ${marker}`;
  const b = await createTestClient(db, { client: { firstName: "Bruno", lastName: `Ajeno ${marker}` } });
  otherClientId = b.client.id;
  otherOwnerId = b.owner.id;
  const [staff] = await db.insert(staffUsers).values({ email: uniqueEmail("soporte"), name: `Técnica ${marker}` }).returning({ id: staffUsers.id });

  // Oldest first, so the page (newest first) reads them back in reverse.
  await recordAudit(db, { clientId, contactId: ownerId, action: "login.success", ip: "203.0.113.1" });
  await recordAudit(db, { clientId, contactId: subAccount.contactId, action: "login.failure", details: { reason: "wrongPassword" }, ip: "203.0.113.2" });
  await recordAudit(db, { clientId, contactId: ownerId, action: "profile.updated", details: { fields: ["firstName", "postcode", "somethingNew"] }, ip: "203.0.113.3" });
  await db.insert(auditLog).values({ clientId, staffUserId: staff!.id, action: "profile.updated", details: { fields: ["taxId"] } });
  await db.insert(auditLog).values({ clientId, action: "invoice.reminderSent", details: { reference: `PRO-${marker}`, invoiceId: 12 } });
  // A contact id that belongs to another client must not lend that person's name to this account.
  await db.insert(auditLog).values({ clientId, contactId: otherOwnerId, action: "login.success", ip: "203.0.113.4" });
  await db.insert(auditLog).values({
    clientId,
    contactId: ownerId,
    action: "contact.permissions_changed",
    details: { contactId: subAccount.contactId, added: ["invoices"], removed: [], emailPreferences: { general: true, invoices: true, support: false } },
    ip: "203.0.113.5",
  });
  await db.insert(auditLog).values({ clientId, contactId: ownerId, action: "contact.updated", details: { contactId: otherOwnerId, fields: ["phone"] } });

  await recordAudit(db, { clientId: otherClientId, contactId: otherOwnerId, action: "profile.updated", details: { fields: ["city"], secret: `de B ${marker}` }, ip: "198.51.100.9" });
});

beforeEach(() => {
  auth.mockReset();
});

describe("listActivity", () => {
  it("lists the account's rows newest first, naming who acted: a person, support, or the system", async () => {
    const rows = await allRows(clientId);
    expect(rows.map((row) => row.action)).toEqual([
      "contact.updated",
      "contact.permissions_changed",
      "login.success",
      "invoice.reminderSent",
      "profile.updated",
      "profile.updated",
      "login.failure",
      "login.success",
    ]);
    expect(rows.map((row) => row.actor)).toEqual([
      { kind: "contact", name: ownerName },
      { kind: "contact", name: ownerName },
      { kind: "removedContact" },
      { kind: "system" },
      { kind: "staff" },
      { kind: "contact", name: ownerName },
      { kind: "contact", name: subAccountName },
      { kind: "contact", name: ownerName },
    ]);
    expect(rows.map((row) => row.ip)).toEqual([null, "203.0.113.5", "203.0.113.4", null, null, "203.0.113.3", "203.0.113.2", "203.0.113.1"]);
    expect(rows[1]!.subjectName).toBe(subAccountName);
    // Another client's contact named in the details stays anonymous.
    expect(rows[0]!.subjectName).toBeNull();
  });

  it("never shows another client's rows or names", async () => {
    const rows = await allRows(clientId);
    const text = JSON.stringify(rows);
    expect(text).not.toContain("Ajeno");
    expect(text).not.toContain(`de B ${marker}`);
    expect(text).not.toContain("198.51.100.9");
    const theirs = await allRows(otherClientId);
    expect(theirs).toHaveLength(1);
    expect(JSON.stringify(theirs)).not.toContain(`Titular ${marker}`);
    expect(JSON.stringify(theirs)).not.toContain("Subcuenta");
  });

  it("pages with cursors in one statement per page, each naming the client", async () => {
    const first = countingDatabase(db);
    const page1 = await listActivity(scopeOf(clientId), { limit: 3, db: first.db });
    expect(first.statements).toHaveLength(1);
    expect(first.statements[0]).toMatch(/"audit_log"\."client_id" = \$\d+/);
    expect(first.statements[0]).not.toMatch(/offset/i);
    expect(page1.rows).toHaveLength(3);
    expect(page1.previousCursor).toBeNull();

    const second = countingDatabase(db);
    const page2 = await listActivity(scopeOf(clientId), { limit: 3, cursor: page1.nextCursor, db: second.db });
    expect(second.statements).toHaveLength(1);
    const back = await listActivity(scopeOf(clientId), { limit: 3, cursor: page2.previousCursor });
    expect(back.rows.map((row) => row.id)).toEqual(page1.rows.map((row) => row.id));

    const all = await allRows(clientId);
    expect([...page1.rows, ...page2.rows].map((row) => row.id)).toEqual(all.slice(0, 6).map((row) => row.id));
    expect(await listActivity(scopeOf(clientId), { limit: 20 }).then((page) => page.nextCursor)).toBeNull();
  });
});

describe("activity in words", () => {
  it("has a Spanish and an English label for every action the code can record", () => {
    const en = words("en");
    for (const action of AUDIT_ACTIONS) {
      expect(es.has(`records.actions.${action}`), action).toBe(true);
      expect(typeof es.raw(`records.actions.${action}`), action).toBe("string");
      expect(typeof en.raw(`records.actions.${action}`), action).toBe("string");
    }
  });

  it("labels known actions and still says something for an unknown one or a branch name", () => {
    expect(activityActionLabel("profile.updated", es)).toBe("Ha modificado los datos de la cuenta");
    expect(activityActionLabel("invoice.reminderSent", es)).toBe("Otra acción (invoice.reminderSent)");
    expect(activityActionLabel("login", es)).toBe("Otra acción (login)");
    expect(activityActionLabel("login..success", es)).toBe("Otra acción (login..success)");
  });

  it("summarises the details: fields, permissions, preferences, reasons and plain values, without ids", async () => {
    const rows = await allRows(clientId);
    const byAction = (action: string) => rows.find((row) => row.action === action)!;
    expect(summarizeActivityDetails(rows[4]!, es)).toEqual(["Campos: NIF, NIE o CIF"]);
    expect(summarizeActivityDetails(rows[5]!, es)).toEqual(["Campos: Nombre, Código postal, somethingNew"]);
    expect(summarizeActivityDetails(byAction("login.failure"), es)).toEqual(["Motivo: contraseña incorrecta"]);
    expect(summarizeActivityDetails(byAction("invoice.reminderSent"), es)).toEqual([`Referencia: PRO-${marker}`]);
    expect(summarizeActivityDetails(byAction("contact.permissions_changed"), es)).toEqual([
      `Contacto: ${subAccountName}`,
      "Permisos añadidos: facturas",
      "Permisos retirados: ninguno",
      "Preferencias de correo: generales, facturas",
    ]);
    expect(summarizeActivityDetails(byAction("login.success"), es)).toEqual([]);
  });

  it("puts the codes other use cases store into words: refusals, methods, questions, addresses", () => {
    const summary = (details: Record<string, unknown>, locale: "es" | "en" = "es") =>
      summarizeActivityDetails({ details, subjectName: null }, words(locale));
    expect(summary({ context: "signIn", reason: "twoFactor.errors.codeAlreadyUsed" })).toEqual(["Momento: al acceder", "Motivo: código ya usado"]);
    expect(summary({ method: "backup" })).toEqual(["Método: código de respaldo"]);
    expect(summary({ question: "firstPet" })).toEqual(["Pregunta: Nombre de su primera mascota"]);
    expect(summary({ from: "antes@test.local", to: "despues@test.local" })).toEqual(["Correo anterior: antes@test.local", "Correo nuevo: despues@test.local"]);
    expect(summary({ contactId: 5, name: "Ana Ruiz", hadAccess: true, wasDefaultBilling: false })).toEqual([
      "Nombre: Ana Ruiz",
      "Tenía acceso: sí",
      "Era el contacto de facturación por defecto: no",
    ]);
    expect(summary({ reason: "some.unknown.code", odd: { nested: true }, "con espacio": "x" })).toEqual(["Motivo: code", "con espacio: x"]);
    expect(summary({ fields: ["phone"], added: ["emails"] }, "en")).toEqual(["Fields: Phone", "Permissions added: emails"]);
  });
});

describe("/cuenta/actividad", () => {
  it("is forbidden to a sub-account, whatever its permissions", async () => {
    // What next.config's experimental.authInterrupts sets in the app, so forbidden() throws its 403.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    signInAs(subAccount);
    const error = await ActivityPage({ searchParams: Promise.resolve({}) }).then(
      () => null,
      (thrown: unknown) => thrown as { digest?: string },
    );
    vi.unstubAllEnvs();
    expect(error?.digest).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });
});
