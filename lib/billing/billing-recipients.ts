import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients, contacts } from "@/db/schema";

export type InvoiceRecipient = { email: string; name: string; contactId: number };

/**
 * Who receives a client's billing emails: the owner, every contact whose preferences ask for
 * invoices, and the client's default billing contact; each address once (owner first). One query,
 * scoped by clientId, so a default billing contact id pointing at another client's contact is ignored.
 */
export async function invoiceRecipients(executor: Executor, clientId: number): Promise<InvoiceRecipient[]> {
  const defaultBillingContact = executor
    .select({ id: clients.defaultBillingContactId })
    .from(clients)
    .where(eq(clients.id, clientId));
  const rows = await executor
    .select({ id: contacts.id, email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName, isOwner: contacts.isOwner })
    .from(contacts)
    .where(
      and(
        eq(contacts.clientId, clientId),
        or(
          eq(contacts.isOwner, true),
          sql`(${contacts.emailPreferences} ->> 'invoices') = 'true'`,
          sql`${contacts.id} = (${defaultBillingContact})`,
        ),
      ),
    )
    .orderBy(desc(contacts.isOwner), asc(contacts.id));

  const seen = new Set<string>();
  const recipients: InvoiceRecipient[] = [];
  for (const row of rows) {
    const email = row.email.trim();
    const key = email.toLowerCase();
    if (!email || seen.has(key)) continue;
    seen.add(key);
    recipients.push({ email, name: `${row.firstName} ${row.lastName}`.trim(), contactId: row.id });
  }
  return recipients;
}
