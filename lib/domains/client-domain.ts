import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { domains } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";

export type ClientDomain = typeof domains.$inferSelect;

/** One of the client's domains by id; null when the id is another client's or nobody's (the page answers 404). */
export async function getClientDomain(scope: ClientScope, domainId: number, options: { db?: Executor } = {}): Promise<ClientDomain | null> {
  const db = options.db ?? (await getDb());
  const [domain] = await db
    .select()
    .from(domains)
    .where(and(eq(domains.id, domainId), eq(domains.clientId, scope.clientId)));
  return domain ?? null;
}
