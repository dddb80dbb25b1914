import { eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { clients, creditLedgerEntries, type CreditEntryKind } from "@/db/schema";
import { BillingError } from "./billing-error";
import type { CreditEntryDescription } from "./credit-entry-description";

/** The balance is the sum of the ledger; read it after lockClient when it decides a write. */
export async function getCreditBalance(executor: Executor, clientId: number): Promise<number> {
  const [row] = await executor
    .select({ balance: sql<number>`coalesce(sum(${creditLedgerEntries.amount}), 0)`.mapWith(Number) })
    .from(creditLedgerEntries)
    .where(eq(creditLedgerEntries.clientId, clientId));
  return row?.balance ?? 0;
}

/**
 * SELECT ... FOR UPDATE on the client row: every change to a client's credit or invoices takes this
 * lock first, then invoice rows, then the series counter, the one order that cannot deadlock.
 * Locking again in the same transaction is free. Null when the client does not exist.
 */
export async function lockClient(tx: Transaction, clientId: number) {
  const [client] = await tx
    .select({ id: clients.id, currency: clients.currency, country: clients.country, taxId: clients.taxId, language: clients.language })
    .from(clients)
    .where(eq(clients.id, clientId))
    .for("update");
  return client ?? null;
}

export type NewCreditEntry = {
  clientId: number;
  amount: number;
  kind: CreditEntryKind;
  invoiceId?: number | null;
  paymentAttemptId?: number | null;
  description: CreditEntryDescription;
  contactId?: number | null;
};

/**
 * Appends a ledger entry (positive adds credit, negative spends it) in the client's currency. It
 * takes the client lock itself, so no caller can change a balance without it. The description is a
 * catalog key with its parameters, rendered in the reader's language when the entry is shown.
 */
export async function addCreditEntry(tx: Transaction, entry: NewCreditEntry): Promise<{ id: number }> {
  if (!Number.isSafeInteger(entry.amount) || entry.amount === 0) throw new BillingError("billing.errors.invalidAmount", `ledger amount ${entry.amount}`);
  const client = await lockClient(tx, entry.clientId);
  if (!client) throw new BillingError("billing.errors.clientNotFound", `client ${entry.clientId}`);
  const [row] = await tx
    .insert(creditLedgerEntries)
    .values({
      clientId: entry.clientId,
      amount: entry.amount,
      currency: client.currency,
      kind: entry.kind,
      invoiceId: entry.invoiceId ?? null,
      paymentAttemptId: entry.paymentAttemptId ?? null,
      descriptionKey: entry.description.key,
      descriptionParams: entry.description.params,
      createdByContactId: entry.contactId ?? null,
    })
    .returning({ id: creditLedgerEntries.id });
  return row!;
}
