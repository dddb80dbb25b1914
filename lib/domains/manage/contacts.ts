import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { clients, domainContacts, isFinishedDomainStatus } from "@/db/schema";
import { isCountryCode } from "@/lib/account/countries";
import { normalizePhone, normalizePostcode, phoneError, postcodeError } from "@/lib/account/postal-rules";
import { checkTaxId, normalizeTaxId } from "@/lib/account/tax-id";
import type { ClientScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import type { ClientDomain } from "@/lib/domains/client-domain";
import { getProvider } from "@/lib/providers";
import { contactFromClient, registryPhone } from "@/lib/registrar/contact-from-client";
import { CONTACT_ROLES, RegistrarError, type ContactRole, type DomainContact, type DomainContacts } from "@/lib/registrar/registrar";
import { rowIdField } from "@/lib/row-id";
import { CHECK_FIELDS, findManageableDomain, registrarRefusal, text, type ManageResult } from "./manageable-domain";

export const CONTACT_FIELDS = ["name", "company", "email", "phone", "address1", "address2", "city", "state", "postcode", "country", "taxId"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

// Registries whose registrant must give a Spanish (or EU) tax id.
const TAX_ID_TLDS = new Set(["es", "com.es", "nom.es", "org.es", "cat"]);
const LIMITS: Record<ContactField, number> = {
  name: 200,
  company: 200,
  email: 254,
  phone: 32,
  address1: 200,
  address2: 200,
  city: 100,
  state: 100,
  postcode: 16,
  country: 2,
  taxId: 32,
};
const REQUIRED: ReadonlySet<ContactField> = new Set(["name", "email", "phone", "address1", "city", "state", "postcode", "country"]);

/** The form as it comes: only these fields are read, each a string or nothing; checked by checkDomainContact. */
export const domainContactSchema = z.object({
  domainId: rowIdField(),
  role: z.enum(CONTACT_ROLES, { message: "errors.invalidValue" }),
  ...(Object.fromEntries(CONTACT_FIELDS.map((field) => [field, z.string().optional()])) as Record<ContactField, z.ZodOptional<z.ZodString>>),
});
export type DomainContactInput = z.infer<typeof domainContactSchema>;

const emailShape = z.email();

/**
 * One WHOIS contact checked as Mis datos checks an address (postcode, phone and tax id by the
 * country, lib/account), every bad field named in the same answer; the phone leaves as "+CC.NUMBER".
 */
export function checkDomainContact(
  input: Partial<Record<ContactField, string>>,
  options: { role: ContactRole; tld: string },
): { ok: true; contact: DomainContact } | { ok: false; fieldErrors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const values = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, text(input[field])])) as Record<ContactField, string>;
  values.country = values.country.toUpperCase();
  values.postcode = normalizePostcode(values.postcode);
  values.phone = normalizePhone(values.phone);
  values.taxId = normalizeTaxId(values.taxId);
  values.email = values.email.toLowerCase();
  for (const field of CONTACT_FIELDS) {
    if (REQUIRED.has(field) && values[field] === "") errors[field] = "errors.required";
    else if (values[field].length > LIMITS[field]) errors[field] = "account.errors.tooLong";
  }
  if (!errors.country && !isCountryCode(values.country)) errors.country = "account.errors.countryInvalid";
  if (!errors.email && !emailShape.safeParse(values.email).success) errors.email = "domainManage.errors.email";
  const country = errors.country ? "" : values.country;
  if (!errors.postcode) {
    const postcode = postcodeError(country, values.postcode);
    if (postcode) errors.postcode = postcode;
  }
  let phone: string | null = null;
  if (!errors.phone) {
    const problem = phoneError(country, values.phone);
    phone = problem ? null : registryPhone(values.phone, country);
    if (problem) errors.phone = problem;
    else if (!phone) errors.phone = "domainManage.errors.phoneUnknownCountry";
  }
  if (!errors.taxId) {
    if (values.taxId !== "") {
      const taxId = checkTaxId(values.taxId, country);
      if (!taxId.ok) errors.taxId = taxId.error;
    } else if (options.role === "registrant" && TAX_ID_TLDS.has(options.tld)) {
      errors.taxId = "domainManage.errors.taxIdRequired";
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    contact: {
      name: values.name,
      company: values.company || undefined,
      email: values.email,
      phone: phone!,
      address1: values.address1,
      address2: values.address2 || undefined,
      city: values.city,
      state: values.state,
      postcode: values.postcode,
      country: values.country,
      taxId: values.taxId || undefined,
    },
  };
}

async function storedContacts(db: Executor, scope: ClientScope, domainId: number): Promise<DomainContacts | null> {
  const [row] = await db
    .select({ contacts: domainContacts.contacts })
    .from(domainContacts)
    .where(and(eq(domainContacts.domainId, domainId), eq(domainContacts.clientId, scope.clientId)));
  return row?.contacts ?? null;
}

async function accountContact(db: Executor, scope: ClientScope): Promise<DomainContact | null> {
  const [client] = await db.select().from(clients).where(eq(clients.id, scope.clientId));
  return client ? contactFromClient(db, client) : null;
}

/**
 * The three contacts as the registrar last accepted them through us, or as the registrar has them
 * (a domain nobody changed yet); the account's own details when the registrar cannot be asked, or
 * must not be: for a finished domain it would answer with whoever holds the name now.
 */
export async function currentDomainContacts(scope: ClientScope, domain: ClientDomain, options: { db?: Executor } = {}): Promise<DomainContacts> {
  const db = options.db ?? (await getDb());
  const stored = await storedContacts(db, scope, domain.id);
  if (stored) return stored;
  if (isFinishedDomainStatus(domain.status)) {
    const own = await accountContact(db, scope);
    if (own) return { registrant: own, admin: own, tech: own };
  }
  try {
    return await getProvider("registrar").getContacts(domain.name);
  } catch (error) {
    if (!(error instanceof RegistrarError)) throw error;
    const own = await accountContact(db, scope);
    if (!own) throw error;
    return { registrant: own, admin: own, tech: own };
  }
}

/** What the contacts page needs: the current three and the account's details for "copy from my account". */
export async function loadDomainContactsPage(scope: ClientScope, domain: ClientDomain): Promise<{ contacts: DomainContacts; account: DomainContact | null }> {
  const db = await getDb();
  const [contacts, account] = await Promise.all([currentDomainContacts(scope, domain, { db }), accountContact(db, scope)]);
  return { contacts, account };
}

/**
 * "Información de contactos" (walkthrough §5.1.2, §5.2.5): one role changed; the registrar gets all
 * three (its call replaces the set) and our copy is written only once it has accepted.
 */
export async function saveDomainContact(user: SessionUser, input: DomainContactInput, ip: string | null = null): Promise<ManageResult<{ role: ContactRole }>> {
  const db = await getDb();
  const found = await findManageableDomain(db, user.scope, input.domainId);
  if (!found.ok) return found;
  const checked = checkDomainContact(input, { role: input.role, tld: found.domain.tld });
  if (!checked.ok) return { ok: false, error: CHECK_FIELDS, fieldErrors: checked.fieldErrors };
  let contacts: DomainContacts;
  try {
    const current = await currentDomainContacts(user.scope, found.domain, { db });
    contacts = { ...current, [input.role]: checked.contact };
    await getProvider("registrar").saveContacts(found.domain.name, contacts);
  } catch (error) {
    return registrarRefusal(error);
  }
  const now = new Date();
  await db
    .insert(domainContacts)
    .values({ domainId: found.domain.id, clientId: user.clientId, contacts, updatedAt: now })
    .onConflictDoUpdate({ target: domainContacts.domainId, set: { contacts, updatedAt: now }, where: eq(domainContacts.clientId, user.clientId) });
  // The contact's own details are personal data: the trace names the role, not the values.
  await recordAudit(db, { clientId: user.clientId, contactId: user.contactId, action: "domain.contact_changed", details: { domainId: found.domain.id, domain: found.domain.name, role: input.role }, ip });
  return { ok: true, data: { role: input.role } };
}
