import { getDb } from "@/db/client";
import { getCreditBalance } from "@/lib/billing/credit";
import type { ClientScope } from "@/lib/auth/scope";

/** The client's credit balance for a page; pages never open the database themselves. */
export async function getClientCreditBalance(scope: ClientScope): Promise<number> {
  const { clientId } = scope;
  return getCreditBalance(await getDb(), clientId);
}
