import type { Database } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { startPayment } from "@/lib/billing/start-payment";
import { createSignedInOwner, createTestInvoice } from "./factories";

/**
 * A customer (a new owner unless one is given) with one unpaid invoice per amount in `lines` (cents
 * before 21 % IVA) who pressed "Pagar": the attempt the current payment gateway opened for them all.
 */
export async function startTestPayment(db: Database, lines: number[] = [1000], user?: SessionUser) {
  const customer = user ?? (await createSignedInOwner(db));
  const invoiceIds: number[] = [];
  for (const unitAmount of lines) invoiceIds.push((await createTestInvoice(db, customer.clientId, { line: { unitAmount } })).invoice.id);
  const result = await startPayment(customer, invoiceIds);
  if (!result.ok) throw new Error(`startPayment failed: ${result.error}`);
  return { user: customer, invoiceIds, attemptId: result.attemptId, redirectUrl: result.redirectUrl };
}
