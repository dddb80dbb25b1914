import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients, contacts, domains, services } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";

export type ClientSearchRow = {
  id: number;
  firstName: string;
  lastName: string;
  companyName: string | null;
  taxId: string | null;
  status: string;
  ownerEmail: string | null;
};

const NEWEST_FIRST: KeysetOrder = { key: clients.id, id: clients.id, type: "integer", order: "desc", name: "clients" };

export const CLIENT_SEARCH_MAX = 100;

/** % and _ typed by staff are searched for as themselves. */
function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Clients whose name, company, NIF, any contact's email, or any domain (registered or of a hosting
 * service) contains the text, newest first, one statement per page (keyset on the client id). The
 * contact, domain and service matches are EXISTS subqueries on their client_id indexes, so a client
 * with many of them is still one row.
 */
export async function searchClients(_scope: StaffScope, options: { query?: string | null; cursor?: string | null; limit?: number }): Promise<Page<ClientSearchRow>> {
  const db = await getDb();
  const keyset = keysetPage(NEWEST_FIRST, options.cursor, pageSize(options.limit, 25));
  const query = (options.query ?? "").trim().slice(0, CLIENT_SEARCH_MAX);
  let match: SQL | undefined;
  if (query !== "") {
    const pattern = containsPattern(query);
    // A NIF is searched without its spaces, dots and dashes, the way it is stored.
    const taxPattern = containsPattern(query.replace(/[\s.-]/g, ""));
    match = sql`(
      lower(${clients.firstName} || ' ' || ${clients.lastName}) like ${pattern}
      or lower(coalesce(${clients.companyName}, '')) like ${pattern}
      or lower(coalesce(${clients.taxId}, '')) like ${taxPattern}
      or exists (select 1 from ${contacts} c where c.client_id = ${clients.id} and lower(c.email) like ${pattern})
      or exists (select 1 from ${domains} d where d.client_id = ${clients.id} and lower(d.name) like ${pattern})
      or exists (select 1 from ${services} s where s.client_id = ${clients.id} and lower(s.domain) like ${pattern})
    )`;
  }
  const fetched = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      companyName: clients.companyName,
      taxId: clients.taxId,
      status: clients.status,
      ownerEmail: contacts.email,
      cursorKey: cursorKey(NEWEST_FIRST),
    })
    .from(clients)
    .leftJoin(contacts, and(eq(contacts.clientId, clients.id), eq(contacts.isOwner, true)))
    .where(and(match, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, (row) => row);
}
