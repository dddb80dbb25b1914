import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientNotes, clients, contacts, creditLedgerEntries, domains, invoices, products, services, staffUsers, tickets } from "@/db/schema";
import { profileColumns } from "@/lib/account/client-columns";
import type { StaffScope } from "@/lib/auth/scope";
import { formatInvoiceNumber } from "@/lib/billing/invoice-number";
import { isRowId } from "@/lib/row-id";

const LIST = 10;

export type ClientSummary = Awaited<ReturnType<typeof loadClientSummary>>;

/**
 * Everything the client page shows, in eight statements whatever the client holds: the details
 * (with the owner contact), the newest services, domains, invoices and tickets (each with its count),
 * the credit balance and the staff notes. Null for a client that does not exist.
 */
export async function getClientSummary(_scope: StaffScope, clientId: number) {
  if (!isRowId(clientId)) return null;
  return loadClientSummary(clientId);
}

async function loadClientSummary(clientId: number) {
  const db = await getDb();
  const total = sql<number>`count(*) over ()`.mapWith(Number);
  const [clientRows, serviceRows, domainRows, invoiceRows, ticketRows, creditRows, noteRows] = await Promise.all([
    db
      .select({ id: clients.id, ...profileColumns, status: clients.status, currency: clients.currency, createdAt: clients.createdAt, ownerEmail: contacts.email, ownerHasAccess: contacts.hasAccess })
      .from(clients)
      .leftJoin(contacts, and(eq(contacts.clientId, clients.id), eq(contacts.isOwner, true)))
      .where(eq(clients.id, clientId))
      .limit(1),
    db
      .select({ id: services.id, domain: services.domain, status: services.status, productName: products.name, total })
      .from(services)
      .innerJoin(products, eq(products.id, services.productId))
      .where(eq(services.clientId, clientId))
      .orderBy(desc(services.id))
      .limit(LIST),
    db
      .select({ id: domains.id, name: domains.name, status: domains.status, expiryDate: domains.expiryDate, total })
      .from(domains)
      .where(eq(domains.clientId, clientId))
      .orderBy(desc(domains.id))
      .limit(LIST),
    db
      .select({
        id: invoices.id,
        proformaReference: invoices.proformaReference,
        series: invoices.series,
        number: invoices.number,
        status: invoices.status,
        dueDate: invoices.dueDate,
        total: invoices.total,
        amountPaid: invoices.amountPaid,
        currency: invoices.currency,
        count: total,
      })
      .from(invoices)
      .where(eq(invoices.clientId, clientId))
      .orderBy(desc(invoices.id))
      .limit(LIST),
    db
      .select({ id: tickets.id, reference: tickets.reference, subject: tickets.subject, status: tickets.status, total })
      .from(tickets)
      .where(eq(tickets.clientId, clientId))
      .orderBy(desc(tickets.lastReplyAt), desc(tickets.id))
      .limit(LIST),
    db
      .select({ balance: sql<number>`coalesce(sum(${creditLedgerEntries.amount}), 0)`.mapWith(Number) })
      .from(creditLedgerEntries)
      .where(eq(creditLedgerEntries.clientId, clientId)),
    db
      .select({ id: clientNotes.id, body: clientNotes.body, createdAt: clientNotes.createdAt, staffName: staffUsers.name })
      .from(clientNotes)
      .innerJoin(staffUsers, eq(staffUsers.id, clientNotes.staffUserId))
      .where(eq(clientNotes.clientId, clientId))
      .orderBy(desc(clientNotes.createdAt), desc(clientNotes.id))
      .limit(50),
  ]);
  const client = clientRows[0];
  if (!client) return null;
  return {
    client,
    services: { rows: serviceRows, total: serviceRows[0]?.total ?? 0 },
    domains: { rows: domainRows, total: domainRows[0]?.total ?? 0 },
    invoices: {
      rows: invoiceRows.map((row) => ({ ...row, reference: row.series !== null && row.number !== null ? formatInvoiceNumber(row.series, row.number) : row.proformaReference })),
      total: invoiceRows[0]?.count ?? 0,
    },
    tickets: { rows: ticketRows, total: ticketRows[0]?.total ?? 0 },
    creditBalance: creditRows[0]?.balance ?? 0,
    notes: noteRows,
  };
}
