import { and, asc, eq } from "drizzle-orm";
import { clients, contacts } from "@/db/schema";
import type { DashboardPart } from "@/lib/dashboard/dashboard-part";

export type DashboardClient = {
  firstName: string;
  lastName: string;
  companyName: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string;
  postcode: string;
  country: string;
  email: string | null;
  currency: string;
};

/** "Su información": the client's address and its owner's email, for everyone on the account. */
export const clientInfoPart: DashboardPart<DashboardClient | null, null> = {
  permission: null,
  async load({ db, clientId }) {
    const [row] = await db
      .select({
        firstName: clients.firstName,
        lastName: clients.lastName,
        companyName: clients.companyName,
        address1: clients.address1,
        address2: clients.address2,
        city: clients.city,
        province: clients.province,
        postcode: clients.postcode,
        country: clients.country,
        email: contacts.email,
        currency: clients.currency,
      })
      .from(clients)
      .leftJoin(contacts, and(eq(contacts.clientId, clients.id), eq(contacts.isOwner, true)))
      .where(eq(clients.id, clientId))
      .orderBy(asc(contacts.id))
      .limit(1);
    return row ?? null;
  },
};
