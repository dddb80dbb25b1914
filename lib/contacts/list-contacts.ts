import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, contacts, type EmailPreferences, type Permission } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";

export type ContactSummary = {
  id: number;
  isOwner: boolean;
  hasAccess: boolean;
  firstName: string;
  lastName: string;
  companyName: string | null;
  email: string;
  /** Given access, but the invitation has not been accepted yet (no password). */
  invitationPending: boolean;
};

export type ContactDetails = ContactSummary & {
  phone: string | null;
  address1: string | null;
  city: string | null;
  province: string | null;
  postcode: string | null;
  country: string | null;
  permissions: Permission[];
  emailPreferences: EmailPreferences;
  isDefaultBilling: boolean;
  updatedAt: Date;
};

const summaryColumns = {
  id: contacts.id,
  isOwner: contacts.isOwner,
  hasAccess: contacts.hasAccess,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  companyName: contacts.companyName,
  email: contacts.email,
  invitationPending: sql<boolean>`(${contacts.hasAccess} and ${contacts.passwordHash} is null)`,
};

/** Every contact of the client, the owner first. */
export async function listContacts(scope: ClientScope, db?: Executor): Promise<ContactSummary[]> {
  const { clientId } = scope;
  const executor = db ?? (await getDb());
  return executor
    .select(summaryColumns)
    .from(contacts)
    .where(eq(contacts.clientId, clientId))
    .orderBy(desc(contacts.isOwner), asc(contacts.firstName), asc(contacts.lastName), asc(contacts.id));
}

/** One contact of this client; a contact of another client is null, exactly like a missing one. */
export async function getContact(scope: ClientScope, contactId: number, db?: Executor): Promise<ContactDetails | null> {
  const { clientId } = scope;
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({
      ...summaryColumns,
      phone: contacts.phone,
      address1: contacts.address1,
      city: contacts.city,
      province: contacts.province,
      postcode: contacts.postcode,
      country: contacts.country,
      permissions: contacts.permissions,
      emailPreferences: contacts.emailPreferences,
      isDefaultBilling: sql<boolean>`coalesce(${clients.defaultBillingContactId} = ${contacts.id}, false)`,
      updatedAt: contacts.updatedAt,
    })
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .where(and(eq(contacts.id, contactId), eq(contacts.clientId, clientId)))
    .limit(1);
  return row ?? null;
}
