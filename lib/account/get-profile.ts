import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, contacts } from "@/db/schema";
import { toLocale, type Locale } from "@/lib/i18n/locales";

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
  /** The owner's sign-in address, where the account's mail goes. */
  email: string | null;
};

/** What "Mis datos" shows; null when the client does not exist. */
export async function getProfile(clientId: number, db?: Executor): Promise<Profile | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({
      firstName: clients.firstName,
      lastName: clients.lastName,
      companyName: clients.companyName,
      taxId: clients.taxId,
      address1: clients.address1,
      address2: clients.address2,
      city: clients.city,
      province: clients.province,
      postcode: clients.postcode,
      country: clients.country,
      phone: clients.phone,
      language: clients.language,
      marketingOptIn: clients.marketingOptIn,
      email: contacts.email,
    })
    .from(clients)
    .leftJoin(contacts, and(eq(contacts.clientId, clients.id), eq(contacts.isOwner, true)))
    .where(eq(clients.id, clientId))
    .limit(1);
  if (!row) return null;
  return { ...row, language: toLocale(row.language) };
}
