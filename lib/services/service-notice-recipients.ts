import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contacts } from "@/db/schema";

export type ServiceNoticeRecipient = { email: string; name: string; contactId: number };

/**
 * Who is told about a client's services (welcome, suspension, incidents on their servers): the
 * owner and every contact whose preferences ask for product emails ("Altas, renovaciones y avisos
 * de sus servicios"); each address once, owner first. One query, scoped by the client id.
 */
export async function serviceNoticeRecipients(executor: Executor, clientId: number): Promise<ServiceNoticeRecipient[]> {
  const rows = await executor
    .select({ id: contacts.id, email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(contacts)
    .where(and(eq(contacts.clientId, clientId), or(eq(contacts.isOwner, true), sql`(${contacts.emailPreferences} ->> 'products') = 'true'`)))
    .orderBy(desc(contacts.isOwner), asc(contacts.id));
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    const email = row.email.trim();
    if (!email || seen.has(email.toLowerCase())) return [];
    seen.add(email.toLowerCase());
    return [{ email, name: `${row.firstName} ${row.lastName}`.trim(), contactId: row.id }];
  });
}
