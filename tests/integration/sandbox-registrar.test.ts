import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { sandboxRegistryDomains } from "@/db/schema";
import { RegistrarError, type DomainContacts, type RegistrarErrorCode } from "@/lib/registrar/registrar";
import { createSandboxRegistrar, sandboxHashSaysTaken, SANDBOX_LOCKED_ELSEWHERE_SUFFIX } from "@/lib/registrar/sandbox-registrar";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestDomain, isoDate, uniqueSuffix } from "@/tests/helpers/factories";

let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
});

afterAll(async () => {
  await teardownTestDatabase();
});

const NAMESERVERS = ["ns1.example-hosting.es", "ns2.example-hosting.es"];
const CONTACT = { name: "Lucía Prueba", email: "lucia@test.local", phone: "+34.612345678", address1: "Calle Mayor 1", city: "Madrid", state: "Madrid", postcode: "28013", country: "ES" };
const CONTACTS: DomainContacts = { registrant: CONTACT, admin: CONTACT, tech: CONTACT };

/** A name the sandbox's hash leaves free, so register accepts it. */
function freeName(tld = "es"): string {
  for (;;) {
    const name = `libre-${uniqueSuffix()}.${tld}`;
    if (!sandboxHashSaysTaken(name)) return name;
  }
}

/** A name the sandbox counts as registered elsewhere, so it can be transferred in. */
function takenName(labelEnd = ""): string {
  for (;;) {
    const name = `ajeno-${uniqueSuffix()}${labelEnd}.com`;
    if (sandboxHashSaysTaken(name)) return name;
  }
}

async function refusal(promise: Promise<unknown>): Promise<RegistrarErrorCode> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RegistrarError);
  return (error as RegistrarError).code;
}

function addYearsTo(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

describe("sandbox registrar", () => {
  it("registers a free name once, then counts it taken and refuses it again", async () => {
    const registrar = createSandboxRegistrar(db);
    const name = freeName();
    const { expiryDate } = await registrar.register({ name, years: 2, nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: false });
    expect(expiryDate.slice(0, 4)).toBe(String(Number(isoDate().slice(0, 4)) + 2));
    expect(await registrar.checkAvailability([name])).toEqual([{ name, status: "taken" }]);
    expect(await refusal(registrar.register({ name, years: 1, nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: false }))).toBe("name_taken");
    expect(await registrar.getContacts(name)).toEqual(CONTACTS);
    expect(await registrar.getLock(name)).toBe(true);
  });

  it("refuses fewer than two, more than five, repeated or unresolvable name servers", async () => {
    const registrar = createSandboxRegistrar(db);
    const name = freeName();
    for (const nameservers of [["ns1.a.es"], ["a.es", "b.es", "c.es", "d.es", "e.es", "f.es"], ["ns1.a.es", "ns1.a.es"], ["ns1.a.es", "ns2.nada.invalid"], ["ns1.a.es", "no valido"]]) {
      expect(await refusal(registrar.register({ name, years: 1, nameservers, contacts: CONTACTS, idProtection: false }))).toBe("invalid_nameserver");
    }
    expect(await db.select().from(sandboxRegistryDomains).where(eq(sandboxRegistryDomains.name, name))).toEqual([]);
  });

  it("renews only from the expiry date the caller believes in, so a repeated renewal cannot renew twice", async () => {
    const registrar = createSandboxRegistrar(db);
    const name = freeName();
    const { expiryDate } = await registrar.register({ name, years: 1, nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: false });
    const renewed = await registrar.renew({ name, years: 2, currentExpiryDate: expiryDate });
    expect(renewed.expiryDate).toBe(addYearsTo(expiryDate, 2));
    expect(await refusal(registrar.renew({ name, years: 2, currentExpiryDate: expiryDate }))).toBe("rejected");
    expect((await registrar.sync(name)).expiryDate).toBe(renewed.expiryDate);
    expect(await refusal(registrar.renew({ name: freeName(), years: 1, currentExpiryDate: expiryDate }))).toBe("not_found");
  });

  it("starts a transfer with a valid code and completes it on the next sync", async () => {
    const registrar = createSandboxRegistrar(db);
    const name = takenName();
    expect(await refusal(registrar.transfer({ name, eppCode: "123", nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: false }))).toBe("invalid_epp_code");
    expect(await refusal(registrar.transfer({ name: freeName("com"), eppCode: "Cod1go-Valido", nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: false }))).toBe("not_found");
    expect(await refusal(registrar.transfer({ name: takenName(SANDBOX_LOCKED_ELSEWHERE_SUFFIX), eppCode: "Cod1go-Valido", nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: false }))).toBe(
      "domain_locked",
    );

    expect(await registrar.transfer({ name, eppCode: "Cod1go-Valido", nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: true })).toEqual({ status: "pending_transfer" });
    expect(await refusal(registrar.transfer({ name, eppCode: "Cod1go-Valido", nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: true }))).toBe("rejected");
    const synced = await registrar.sync(name);
    expect(synced).toMatchObject({ name, status: "active", idProtection: true, nameservers: NAMESERVERS });
    expect(synced.expiryDate).toBe(addYearsTo(isoDate(), 1));
  });

  it("adopts a client's existing domain with its own settings, and answers the client's details as contacts", async () => {
    const registrar = createSandboxRegistrar(db);
    const { client, owner } = await createTestClient(db, { client: { phone: "612 345 678" } });
    const domain = await createTestDomain(db, client.id, { registrarLock: false, useDefaultNameservers: false, nameservers: ["ns1.propio.es", "ns2.propio.es"] });
    expect(await registrar.getLock(domain.name)).toBe(false);
    expect(await registrar.getNameservers(domain.name)).toEqual(["ns1.propio.es", "ns2.propio.es"]);
    const contacts = await registrar.getContacts(domain.name);
    expect(contacts.registrant).toMatchObject({ email: owner.email, phone: "+34.612345678", country: "ES", city: client.city });
    expect((await registrar.sync(domain.name)).expiryDate).toBe(domain.expiryDate);
  });

  it("keeps locks, an EPP code, ID protection and glue records per domain", async () => {
    const registrar = createSandboxRegistrar(db);
    const name = freeName();
    await registrar.register({ name, years: 1, nameservers: NAMESERVERS, contacts: CONTACTS, idProtection: false });
    await registrar.setLock(name, false);
    await registrar.setIdProtection(name, true);
    const code = await registrar.getEppCode(name);
    expect(code.length).toBeGreaterThanOrEqual(12);
    expect(await registrar.getEppCode(name)).toBe(code);
    expect(await registrar.sync(name)).toMatchObject({ locked: false, idProtection: true });

    await registrar.registerPrivateNameserver(name, { host: `ns1.${name}`, ipv4: ["192.0.2.10"], ipv6: [] });
    expect(await refusal(registrar.registerPrivateNameserver(name, { host: `ns1.${name}`, ipv4: ["192.0.2.11"], ipv6: [] }))).toBe("rejected");
    expect(await refusal(registrar.registerPrivateNameserver(name, { host: "ns1.otro.es", ipv4: ["192.0.2.11"], ipv6: [] }))).toBe("invalid_nameserver");
    expect(await refusal(registrar.registerPrivateNameserver(name, { host: `ns2.${name}`, ipv4: ["2001:db8::1"], ipv6: [] }))).toBe("invalid_nameserver");
    await registrar.modifyPrivateNameserver(name, { host: `ns1.${name}`, ipv4: ["192.0.2.20"], ipv6: ["2001:db8::20"] });
    expect(await registrar.listPrivateNameservers(name)).toEqual([{ host: `ns1.${name}`, ipv4: ["192.0.2.20"], ipv6: ["2001:db8::20"] }]);
    await registrar.deletePrivateNameserver(name, `ns1.${name}`);
    expect(await registrar.listPrivateNameservers(name)).toEqual([]);
    expect(await refusal(registrar.deletePrivateNameserver(name, `ns1.${name}`))).toBe("not_found");
  });

  it("answers not_found for a name nobody holds", async () => {
    const registrar = createSandboxRegistrar(db);
    expect(await refusal(registrar.getLock(freeName()))).toBe("not_found");
  });
});
