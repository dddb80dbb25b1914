import { and, eq, inArray, sql, sum } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients, creditLedgerEntries, invoices } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { UNPAID_STATUSES } from "@/lib/billing/invoice-status";

export type Notifications = {
  currency: string;
  creditBalance: number;
  unpaidInvoiceCount: number;
  unpaidTotal: number;
};

/** The "Notificaciones" menu on every page: credit balance and unpaid invoices, in two queries. */
export async function getNotifications(scope: ClientScope, options: { canSeeInvoices: boolean }): Promise<Notifications> {
  const { clientId } = scope;
  const db = await getDb();
  const [creditRows, unpaidRows] = await Promise.all([
    db
      .select({ currency: clients.currency, balance: sum(creditLedgerEntries.amount).mapWith(Number) })
      .from(clients)
      .leftJoin(creditLedgerEntries, eq(creditLedgerEntries.clientId, clients.id))
      .where(eq(clients.id, clientId))
      .groupBy(clients.currency),
    options.canSeeInvoices
      ? db
          .select({
            count: sql<number>`count(*)`.mapWith(Number),
            due: sql<number>`coalesce(sum(${invoices.total} - ${invoices.amountPaid}), 0)`.mapWith(Number),
          })
          .from(invoices)
          .where(and(eq(invoices.clientId, clientId), inArray(invoices.status, UNPAID_STATUSES)))
      : Promise.resolve([{ count: 0, due: 0 }]),
  ]);
  return {
    currency: creditRows[0]?.currency ?? "EUR",
    creditBalance: creditRows[0]?.balance ?? 0,
    unpaidInvoiceCount: unpaidRows[0]?.count ?? 0,
    unpaidTotal: unpaidRows[0]?.due ?? 0,
  };
}
