import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { accountTokens, clients, contacts } from "@/db/schema";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { profileColumns } from "./client-columns";
import type { ClientScope } from "@/lib/auth/scope";

export type Profile = {
  firstName: string;
  lastName: string;
  companyName: string | null;
  taxId: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string;
  postcode: string;
  country: string;
  phone: string | null;
  language: Locale;
  marketingOptIn: boolean;
  defaultBillingContactId: number | null;
  /** The owner's sign-in address, where the account's mail goes. */
  email: string | null;
  /** A new address asked for and not yet confirmed from its mailbox; the old one counts until then. */
  pendingEmail: string | null;
};

/** What "Mis datos" shows; null when the client does not exist. */
export async function getProfile(scope: ClientScope, db?: Executor): Promise<Profile | null> {
  const { clientId } = scope;
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({
      ...profileColumns,
      ownerId: contacts.id,
      email: contacts.email,
    })
    .from(clients)
    .leftJoin(contacts, and(eq(contacts.clientId, clients.id), eq(contacts.isOwner, true)))
    .where(eq(clients.id, clientId))
    .limit(1);
  if (!row) return null;
  const { ownerId, ...profile } = row;
  const pendingEmail = ownerId === null ? null : await pendingEmailOf(executor, ownerId);
  return { ...profile, language: toLocale(row.language), pendingEmail };
}

async function pendingEmailOf(executor: Executor, contactId: number): Promise<string | null> {
  const [token] = await executor
    .select({ payload: accountTokens.payload })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.contactId, contactId),
        eq(accountTokens.purpose, "email_change"),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(accountTokens.createdAt), desc(accountTokens.id))
    .limit(1);
  return token?.payload?.newEmail ?? null;
}

export type BillingContactChoice = { id: number; name: string; email: string };

/** The contacts the "Contacto de facturación por defecto" select offers: this client's, except the owner. */
export async function getBillingContactChoices(scope: ClientScope, db?: Executor): Promise<BillingContactChoice[]> {
  const { clientId } = scope;
  const executor = db ?? (await getDb());
  const rows = await executor
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.clientId, clientId), eq(contacts.isOwner, false)))
    .orderBy(asc(contacts.firstName), asc(contacts.lastName), asc(contacts.id));
  return rows.map((row) => ({ id: row.id, name: `${row.firstName} ${row.lastName}`.trim(), email: row.email }));
}
