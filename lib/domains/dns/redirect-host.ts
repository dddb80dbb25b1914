import { and, eq, notInArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { dnsRedirects, domains, FINISHED_DOMAIN_STATUSES, type RedirectKind } from "@/db/schema";

/** A Host header as a stored hostname: lower-case, without port or trailing dot; null for anything else. */
export function hostnameFromHostHeader(host: string | null): string | null {
  if (!host) return null;
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  if (name.length === 0 || name.length > 253 || !/^[a-z0-9.-]+$/.test(name)) return null;
  return name;
}

/**
 * The redirect saved for this Host, or null. Only rows in dns_redirects (each written by its
 * domain's owner through the DNS editor) ever answer: nothing in the request chooses the target. A
 * finished domain's rows never do: the name may belong to someone else by now.
 */
export async function findRedirectForHost(host: string | null, options: { db?: Executor } = {}): Promise<{ kind: RedirectKind; target: string } | null> {
  const hostname = hostnameFromHostHeader(host);
  if (!hostname) return null;
  const db = options.db ?? (await getDb());
  const [row] = await db
    .select({ kind: dnsRedirects.kind, target: dnsRedirects.target })
    .from(dnsRedirects)
    .innerJoin(domains, eq(domains.id, dnsRedirects.domainId))
    .where(and(eq(dnsRedirects.hostname, hostname), notInArray(domains.status, [...FINISHED_DOMAIN_STATUSES])));
  return row ?? null;
}
