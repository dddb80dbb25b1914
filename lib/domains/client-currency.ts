import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";

/** Prices are quoted in the client's own currency (EUR, the column default, if the row cannot be read). */
export async function getClientCurrency(scope: ClientScope): Promise<string> {
  const { clientId } = scope;
  const db = await getDb();
  const [row] = await db.select({ currency: clients.currency }).from(clients).where(eq(clients.id, clientId));
  return row?.currency ?? "EUR";
}
