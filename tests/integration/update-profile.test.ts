import { mockActionRequest } from "@/tests/helpers/action-request";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, clients, contacts, type Permission } from "@/db/schema";
import { getBillingContactChoices, getProfile } from "@/lib/account/get-profile";
import { PROFILE_FIELDS, profileFormSchema, profileSchema, updateProfile, type ProfileInput } from "@/lib/account/update-profile";
import { parseForm } from "@/lib/actions";
import type { SessionUser } from "@/lib/auth/session";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, sessionUserFor, uniqueEmail, type TestClient } from "@/tests/helpers/factories";
import { scopeOf } from "@/tests/helpers/scope";
import { form } from "@/tests/helpers/form-data";

const request = mockActionRequest({ forwardedFor: "10.0.0.1, 198.51.100.23" });

const { updateProfileAction } = await import("@/app/(portal)/cuenta/actions");

let db: Database;
const IP = "203.0.113.7";

beforeAll(async () => {
  db = await setupTestDatabase();
});

async function subAccountSession(client: TestClient, permissions: Permission[]): Promise<SessionUser> {
  const { contact } = await createSubAccount(db, client.id, permissions);
  return sessionUserFor(contact);
}

function validInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    firstName: "Elena",
    lastName: "Navarro Gil",
    companyName: "Navarro Diseño S.L.",
    taxId: "B12345674",
    address1: "Calle de Alcalá, 100",
    address2: "3º B",
    city: "Madrid",
    province: "Madrid",
    postcode: "28009",
    country: "ES",
    phone: "+34 600 123 456",
    language: "es",
    marketingOptIn: "on",
    defaultBillingContactId: "",
    ...overrides,
  };
}

async function clientRow(id: number) {
  const [row] = await db.select().from(clients).where(eq(clients.id, id));
  return row!;
}

async function ownerRow(clientId: number) {
  const [row] = await db.select().from(contacts).where(and(eq(contacts.clientId, clientId), eq(contacts.isOwner, true)));
  return row!;
}

async function auditRows(clientId: number) {
  return db.select().from(auditLog).where(and(eq(auditLog.clientId, clientId), eq(auditLog.action, "profile.updated")));
}

describe("updateProfile", () => {
  it("saves the details, keeps the owner contact in step and writes one audit row naming the changed fields", async () => {
    const { client, owner } = await createTestClient(db);
    const before = await clientRow(client.id);

    const result = await updateProfile(sessionUserFor(owner), validInput({ language: "en" }), IP);

    expect(result).toMatchObject({ ok: true, language: "en" });
    const after = await clientRow(client.id);
    expect(after).toMatchObject({
      firstName: "Elena",
      lastName: "Navarro Gil",
      companyName: "Navarro Diseño S.L.",
      taxId: "B12345674",
      address1: "Calle de Alcalá, 100",
      address2: "3º B",
      city: "Madrid",
      province: "Madrid",
      postcode: "28009",
      country: "ES",
      phone: "+34 600 123 456",
      language: "en",
      marketingOptIn: true,
    });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(await ownerRow(client.id)).toMatchObject({ firstName: "Elena", lastName: "Navarro Gil", phone: "+34 600 123 456", postcode: "28009" });

    const audits = await auditRows(client.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ contactId: owner.id, ip: IP });
    // The factory client already lives in Madrid, ES, with postcode 28013: those that did not change are not listed.
    expect((audits[0]!.details as { fields: string[] }).fields.sort()).toEqual(
      ["address1", "address2", "companyName", "firstName", "language", "lastName", "marketingOptIn", "phone", "postcode", "taxId"].sort(),
    );
  });

  it("normalises what people type: tax id without spaces or hyphens in capitals, country code in capitals, empty optional fields as null", async () => {
    const { client, owner } = await createTestClient(db);
    const result = await updateProfile(
      sessionUserFor(owner),
      validInput({ taxId: " b-1234 5674 ", country: "es", companyName: "  ", address2: "", phone: "  (+34)   600-123-456 ", marketingOptIn: undefined }),
      IP,
    );
    expect(result.ok).toBe(true);
    expect(await clientRow(client.id)).toMatchObject({
      taxId: "B12345674",
      country: "ES",
      companyName: null,
      address2: null,
      phone: "(+34) 600-123-456",
      marketingOptIn: false,
    });
  });

  it.each(["53000", "00999", "2800", "280013", "ABCDE"])("refuses the Spanish postcode %s and changes nothing", async (postcode) => {
    const { client, owner } = await createTestClient(db);
    const before = await clientRow(client.id);
    const ownerBefore = await ownerRow(client.id);

    const result = await updateProfile(sessionUserFor(owner), validInput({ postcode }), IP);

    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { postcode: "account.errors.postcodeSpain" } });
    expect(await clientRow(client.id)).toEqual(before);
    expect(await ownerRow(client.id)).toEqual(ownerBefore);
    expect(await auditRows(client.id)).toHaveLength(0);
  });

  it("takes other countries' postcodes in their own format", async () => {
    const { client, owner } = await createTestClient(db);
    expect((await updateProfile(sessionUserFor(owner), validInput({ country: "GB", postcode: "sw1a  1aa", province: "London", city: "London" }), IP)).ok).toBe(true);
    expect(await clientRow(client.id)).toMatchObject({ country: "GB", postcode: "SW1A 1AA" });
    expect((await updateProfile(sessionUserFor(owner), validInput({ country: "PT", postcode: "1100-148", taxId: "PT501964843" }), IP)).ok).toBe(true);
  });

  it("answers every bad field at once, each with its own message key", async () => {
    const { client, owner } = await createTestClient(db);
    const before = await clientRow(client.id);
    const result = await updateProfile(
      sessionUserFor(owner),
      validInput({
        firstName: " ",
        lastName: "x".repeat(101),
        taxId: "B-123.456",
        address1: "",
        city: "",
        province: "",
        postcode: "",
        country: "XX",
        phone: "llámeme",
        language: "fr",
      }),
      IP,
    );
    expect(result).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: {
        firstName: "errors.required",
        lastName: "account.errors.tooLong",
        taxId: "account.errors.taxIdInvalid",
        address1: "errors.required",
        city: "errors.required",
        province: "errors.required",
        postcode: "errors.required",
        country: "account.errors.countryInvalid",
        phone: "account.errors.phoneInvalid",
        language: "errors.invalidValue",
      },
    });
    expect(await clientRow(client.id)).toEqual(before);
    expect(await auditRows(client.id)).toHaveLength(0);
  });

  it.each([
    ["ES", "12345", "account.errors.phoneSpain"],
    ["ES", "500 123 456", "account.errors.phoneSpain"],
    ["ES", "+34 500 123 456", "account.errors.phoneSpain"],
    ["ES", "+34 600 123 456 789 012 345 6", "account.errors.phoneInvalid"],
    ["ES", "+1 234", "account.errors.phoneInvalid"],
    ["ES", "600 1+23 456", "account.errors.phoneInvalid"],
    ["PT", "812 345 678", "account.errors.phonePortugal"],
    ["FR", "123456789", "account.errors.phoneFrance"],
    ["GB", "12345", "account.errors.phoneInvalid"],
  ])("refuses, with the address in %s, the phone %s", async (country, phone, message) => {
    const { client, owner } = await createTestClient(db);
    const before = await clientRow(client.id);
    const postcode = { ES: "28009", PT: "1100-148", FR: "75001", GB: "SW1A 1AA" }[country]!;
    const result = await updateProfile(sessionUserFor(owner), validInput({ country, postcode, taxId: "", phone }), IP);
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { phone: message } });
    expect(await clientRow(client.id)).toEqual(before);
  });

  it.each([
    ["ES", "28009", "600 123 456"],
    ["ES", "28009", "0034 912 345 678"],
    ["ES", "28009", "+1 212 555 0100"],
    ["PT", "1100-148", "912 345 678"],
    ["PT", "1100-148", "+351 212 345 678"],
    ["FR", "75001", "01 23 45 67 89"],
    ["FR", "75001", "+33 1 23 45 67 89"],
    ["DE", "10115", "030 1234567"],
    ["GB", "SW1A 1AA", "020 7946 0958"],
  ])("takes, with the address in %s, the phone %s", async (country, postcode, phone) => {
    const { client, owner } = await createTestClient(db);
    expect((await updateProfile(sessionUserFor(owner), validInput({ country, postcode, taxId: "", phone }), IP)).ok).toBe(true);
    expect((await clientRow(client.id)).phone).toBe(phone);
  });

  it.each([
    ["PT", "1100148", "account.errors.postcodePortugal"],
    ["PT", "11000-148", "account.errors.postcodePortugal"],
    ["FR", "7500", "account.errors.postcodeFiveDigits"],
    ["DE", "1011A", "account.errors.postcodeFiveDigits"],
    ["IT", "001000", "account.errors.postcodeFiveDigits"],
    ["GB", "A", "account.errors.postcodeInvalid"],
    ["NL", "1234 AB 12345", "account.errors.postcodeInvalid"],
    ["US", "-1234", "account.errors.postcodeInvalid"],
  ])("refuses, in %s, the postcode %s", async (country, postcode, message) => {
    const { client, owner } = await createTestClient(db);
    const before = await clientRow(client.id);
    const result = await updateProfile(sessionUserFor(owner), validInput({ country, postcode, taxId: "", phone: "" }), IP);
    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { postcode: message } });
    expect(await clientRow(client.id)).toEqual(before);
  });

  it("writes nothing when nothing changed", async () => {
    const { client, owner } = await createTestClient(db);
    const session = sessionUserFor(owner);
    expect((await updateProfile(session, validInput(), IP)).ok).toBe(true);
    const saved = await clientRow(client.id);

    expect(await updateProfile(session, validInput(), IP)).toEqual({ ok: true, changedFields: [], language: "es" });
    expect(await clientRow(client.id)).toEqual(saved);
    expect(await auditRows(client.id)).toHaveLength(1);
  });

  it("ignores a client id, status, credit or currency sent with the form, and leaves the other client alone", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    const otherBefore = await clientRow(other.client.id);
    const mineBefore = await clientRow(mine.client.id);

    const parsed = parseForm(
      profileFormSchema,
      form({ ...(validInput() as Record<string, string>), clientId: String(other.client.id), id: String(other.client.id), status: "closed", currency: "USD", creditBalance: "100000" }),
    );
    expect(parsed.success).toBe(true);
    const result = await updateProfile(sessionUserFor(mine.owner), parsed.data!, IP);

    expect(result.ok).toBe(true);
    const mineAfter = await clientRow(mine.client.id);
    expect(mineAfter).toMatchObject({ id: mineBefore.id, firstName: "Elena", status: mineBefore.status, currency: mineBefore.currency });
    expect(await clientRow(other.client.id)).toEqual(otherBefore);
    expect(await auditRows(other.client.id)).toHaveLength(0);
  });

  it("only ever changes the session's own client", async () => {
    const a = await createTestClient(db);
    const b = await createTestClient(db);
    const bBefore = await clientRow(b.client.id);
    const bOwnerBefore = await ownerRow(b.client.id);

    // Whatever the input says, the client comes from the SessionUser.
    const input = { ...validInput({ firstName: "Intruso" }), clientId: b.client.id } as ProfileInput;
    expect((await updateProfile(sessionUserFor(a.owner), input, IP)).ok).toBe(true);

    expect(await clientRow(a.client.id)).toMatchObject({ firstName: "Intruso" });
    expect(await clientRow(b.client.id)).toEqual(bBefore);
    expect(await ownerRow(b.client.id)).toEqual(bOwnerBefore);
    expect(await auditRows(b.client.id)).toHaveLength(0);
  });

  it("refuses a sub-account without the profile permission and changes nothing", async () => {
    const { client } = await createTestClient(db);
    const before = await clientRow(client.id);
    const session = await subAccountSession(client, ["invoices", "quotes"]);

    expect(await updateProfile(session, validInput(), IP)).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await clientRow(client.id)).toEqual(before);
    expect(await auditRows(client.id)).toHaveLength(0);
  });

  it("lets a sub-account with the profile permission save, and the audit row names that sub-account", async () => {
    const { client } = await createTestClient(db);
    const session = await subAccountSession(client, ["profile"]);

    expect((await updateProfile(session, validInput({ city: "Alcalá de Henares" }), IP)).ok).toBe(true);
    const [audit] = await auditRows(client.id);
    expect(audit).toMatchObject({ contactId: session.contactId, clientId: client.id });
  });
});

describe("updateProfile: tax ids", () => {
  it.each([
    ["12345678A", "account.errors.taxIdNifLetter"],
    ["X1234567X", "account.errors.taxIdNieLetter"],
    ["B12345675", "account.errors.taxIdCifControl"],
    ["Q28260008", "account.errors.taxIdCifControl"],
    ["1234567Z", "account.errors.taxIdSpainFormat"],
    ["FR40303265045", "account.errors.taxIdSpainFormat"],
  ])("refuses the Spanish tax id %s with its message, and changes nothing", async (taxId, message) => {
    const { client, owner } = await createTestClient(db, { client: { taxId: "12345678Z" } });
    const before = await clientRow(client.id);
    const ownerBefore = await ownerRow(client.id);

    const result = await updateProfile(sessionUserFor(owner), validInput({ taxId, firstName: "Otro nombre" }), IP);

    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { taxId: message } });
    expect(await clientRow(client.id)).toEqual(before);
    expect(await ownerRow(client.id)).toEqual(ownerBefore);
    expect(await auditRows(client.id)).toHaveLength(0);
  });

  it.each([
    ["12345678-z", "12345678Z"],
    ["x 1234567 l", "X1234567L"],
    ["Z1234567R", "Z1234567R"],
    ["B12345674", "B12345674"],
    ["Q2826000H", "Q2826000H"],
    ["J9921658B", "J9921658B"],
    ["J99216582", "J99216582"],
    ["ES B12345674", "ESB12345674"],
  ])("saves the valid Spanish tax id %s as %s", async (taxId, stored) => {
    const { client, owner } = await createTestClient(db);
    expect((await updateProfile(sessionUserFor(owner), validInput({ taxId }), IP)).ok).toBe(true);
    expect((await clientRow(client.id)).taxId).toBe(stored);
  });

  it("checks other EU countries by VAT shape and leaves the rest of the world alone", async () => {
    const { client, owner } = await createTestClient(db);
    const session = sessionUserFor(owner);
    const french = { country: "FR", postcode: "75001", city: "Paris", province: "Île-de-France", phone: "+33 1 23 45 67 89" };
    expect(await updateProfile(session, validInput({ ...french, taxId: "40303265045" }), IP)).toMatchObject({
      fieldErrors: { taxId: "account.errors.taxIdVatFormat" },
    });
    expect((await updateProfile(session, validInput({ ...french, taxId: "fr 40 303265045" }), IP)).ok).toBe(true);
    expect((await clientRow(client.id)).taxId).toBe("FR40303265045");
    expect((await updateProfile(session, validInput({ country: "US", postcode: "10001", taxId: "12-3456789", phone: "+1 212 555 0100" }), IP)).ok).toBe(true);
    expect((await clientRow(client.id)).taxId).toBe("123456789");
  });

  it("reports a bad tax id together with the other bad fields", async () => {
    const { client, owner } = await createTestClient(db);
    const before = await clientRow(client.id);
    const result = await updateProfile(sessionUserFor(owner), validInput({ firstName: "", taxId: "12345678A", postcode: "99999", phone: "500" }), IP);
    expect(result).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: {
        firstName: "errors.required",
        taxId: "account.errors.taxIdNifLetter",
        postcode: "account.errors.postcodeSpain",
        phone: "account.errors.phoneSpain",
      },
    });
    expect(await clientRow(client.id)).toEqual(before);
  });
});

describe("updateProfile: default billing contact", () => {
  async function plainContact(clientId: number) {
    const [row] = await db
      .insert(contacts)
      .values({ clientId, firstName: "Carmen", lastName: "Facturas", email: uniqueEmail("facturas") })
      .returning();
    return row!;
  }

  it("saves one of the client's own contacts, and clears it with none", async () => {
    const { client, owner } = await createTestClient(db);
    const contact = await plainContact(client.id);

    const result = await updateProfile(sessionUserFor(owner), validInput({ defaultBillingContactId: String(contact.id) }), IP);
    expect(result).toMatchObject({ ok: true, changedFields: expect.arrayContaining(["defaultBillingContactId"]) });
    expect((await clientRow(client.id)).defaultBillingContactId).toBe(contact.id);

    // Absent from the input (a caller without the select) keeps it.
    const { defaultBillingContactId: _omitted, ...withoutSelect } = validInput();
    void _omitted;
    expect((await updateProfile(sessionUserFor(owner), withoutSelect, IP)).ok).toBe(true);
    expect((await clientRow(client.id)).defaultBillingContactId).toBe(contact.id);

    expect((await updateProfile(sessionUserFor(owner), validInput({ defaultBillingContactId: "" }), IP)).ok).toBe(true);
    expect((await clientRow(client.id)).defaultBillingContactId).toBeNull();
  });

  it("refuses a contact of another client, the owner or a made-up id, and saves nothing at all", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    const theirs = await plainContact(other.client.id);
    const before = await clientRow(mine.client.id);

    for (const id of [theirs.id, mine.owner.id, 999_999_999]) {
      const result = await updateProfile(sessionUserFor(mine.owner), validInput({ firstName: "Cambiado", defaultBillingContactId: String(id) }), IP);
      expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { defaultBillingContactId: "account.errors.billingContactInvalid" } });
    }
    expect(await clientRow(mine.client.id)).toEqual(before);
    expect(await auditRows(mine.client.id)).toHaveLength(0);
    expect((await clientRow(other.client.id)).defaultBillingContactId).toBeNull();
  });

  it("refuses what is not an id", async () => {
    const { owner } = await createTestClient(db);
    expect(await updateProfile(sessionUserFor(owner), validInput({ defaultBillingContactId: "1 OR 1=1" }), IP)).toMatchObject({
      fieldErrors: { defaultBillingContactId: "errors.invalidValue" },
    });
  });

  it("lists only the client's own contacts, without the owner, for the select", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    const contact = await plainContact(mine.client.id);
    await plainContact(other.client.id);
    const choices = await getBillingContactChoices(scopeOf(mine.client.id));
    expect(choices).toEqual([{ id: contact.id, name: "Carmen Facturas", email: contact.email }]);
  });
});

describe("parseForm with the profile schemas", () => {
  const extra = { clientId: "999999", status: "closed", creditBalance: "5000", $ACTION_ID_abc: "" };

  it("reads only the profile fields: a client id sent in the form is dropped", () => {
    const parsed = parseForm(profileFormSchema, form({ ...(validInput() as Record<string, string>), ...extra }));
    expect(parsed.success).toBe(true);
    expect(Object.keys(parsed.data!).sort()).toEqual([...PROFILE_FIELDS].sort());
    expect(parsed.data).not.toHaveProperty("clientId");
    expect(parsed.data).not.toHaveProperty("status");
  });

  it("gives the validated values without the extra fields through profileSchema too", () => {
    const parsed = parseForm(profileSchema, form({ ...(validInput() as Record<string, string>), ...extra }));
    expect(parsed.success).toBe(true);
    expect(parsed.data).not.toHaveProperty("clientId");
    expect(parsed.data).toMatchObject({ firstName: "Elena", marketingOptIn: true });
  });
});

describe("updateProfileAction", () => {
  function signInAs(user: SessionUser | null) {
    request.auth.mockResolvedValue(
      user && { contactId: user.contactId, clientId: user.clientId, isOwner: user.isOwner, permissions: user.permissions, user: { name: user.name, email: user.email } },
    );
  }

  it("saves the session's client from the form, ignores a client id sent with it, and switches the language cookie", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    const otherBefore = await clientRow(other.client.id);
    signInAs(sessionUserFor(mine.owner));

    const result = await updateProfileAction(
      null,
      form({ ...(validInput({ language: "en" }) as Record<string, string>), clientId: String(other.client.id), status: "closed" }),
    );

    expect(result).toEqual({ ok: true, message: "account.details.saved" });
    expect(await clientRow(mine.client.id)).toMatchObject({ firstName: "Elena", language: "en", status: "active" });
    expect(await clientRow(other.client.id)).toEqual(otherBefore);
    const [audit] = await auditRows(mine.client.id);
    expect(audit).toMatchObject({ contactId: mine.owner.id, ip: "198.51.100.23" });
    expect(request.cookiesSet).toHaveBeenCalledWith("NEXT_LOCALE", "en", expect.objectContaining({ path: "/" }));
    expect(request.revalidatePath).toHaveBeenCalledWith("/cuenta");
  });

  it("returns the field errors as message keys and leaves the cookie alone", async () => {
    const { client, owner } = await createTestClient(db);
    const before = await clientRow(client.id);
    signInAs(sessionUserFor(owner));

    const result = await updateProfileAction(null, form(validInput({ postcode: "99999", language: "en" }) as Record<string, string>));

    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { postcode: "account.errors.postcodeSpain" } });
    expect(await clientRow(client.id)).toEqual(before);
    expect(request.cookiesSet).not.toHaveBeenCalled();
    expect(request.revalidatePath).not.toHaveBeenCalled();
  });

  it("refuses, through the form, a default billing contact of another client", async () => {
    const mine = await createTestClient(db);
    const other = await createTestClient(db);
    const [theirs] = await db.insert(contacts).values({ clientId: other.client.id, firstName: "Ajeno", lastName: "Contacto", email: uniqueEmail("ajeno") }).returning();
    const before = await clientRow(mine.client.id);
    signInAs(sessionUserFor(mine.owner));

    const result = await updateProfileAction(null, form(validInput({ defaultBillingContactId: String(theirs!.id) }) as Record<string, string>));

    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { defaultBillingContactId: "account.errors.billingContactInvalid" } });
    expect(await clientRow(mine.client.id)).toEqual(before);
    expect(request.revalidatePath).not.toHaveBeenCalled();
  });

  it("answers forbidden to a sub-account without the profile permission", async () => {
    const { client } = await createTestClient(db);
    const before = await clientRow(client.id);
    signInAs(await subAccountSession(client, ["tickets"]));

    expect(await updateProfileAction(null, form(validInput() as Record<string, string>))).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await clientRow(client.id)).toEqual(before);
  });

  it("answers signed out without a session", async () => {
    signInAs(null);
    expect(await updateProfileAction(null, form(validInput() as Record<string, string>))).toEqual({ ok: false, error: "errors.signedOut" });
  });
});

describe("getProfile", () => {
  it("returns the client's details and the owner's email, and nothing of another client", async () => {
    const a = await createTestClient(db, { client: { companyName: "Alfa S.L.", taxId: "B11111111" } });
    const b = await createTestClient(db, { client: { companyName: "Beta S.L." } });

    const profile = await getProfile(scopeOf(a.client.id));
    expect(profile).toMatchObject({ firstName: a.client.firstName, companyName: "Alfa S.L.", taxId: "B11111111", email: a.owner.email, language: "es" });
    expect(await getProfile(scopeOf(b.client.id))).toMatchObject({ companyName: "Beta S.L.", email: b.owner.email });
  });

  it("answers null for a client that does not exist", async () => {
    expect(await getProfile(scopeOf(2_000_000_000))).toBeNull();
  });
});
