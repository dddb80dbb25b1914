import { getDb } from "@/db/client";
import { getCreditBalance } from "@/lib/billing/credit";

/** The client's credit balance for a page; pages never open the database themselves. */
export async function getClientCreditBalance(clientId: number): Promise<number> {
  return getCreditBalance(await getDb(), clientId);
}
