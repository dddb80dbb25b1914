import { and, eq, ilike, inArray, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { domains, type DomainStatus } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";

/** The filters of "Mis dominios" (walkthrough §5.1). */
export const DOMAIN_FILTERS = ["all", "active", "pending", "expired", "cancelled"] as const;
export type DomainFilter = (typeof DOMAIN_FILTERS)[number];

const FILTER_STATUSES: Record<Exclude<DomainFilter, "all">, DomainStatus[]> = {
  active: ["active"],
  pending: ["pending", "pending_transfer"],
  expired: ["grace", "redemption", "expired"],
  cancelled: ["transferred_away", "cancelled"],
};

/** Longest text filter kept; a domain name is at most 253 characters. */
export const DOMAIN_SEARCH_MAX = 100;

// Newest registration first; the date is never null, so it carries the keyset cursor.
const ORDER: KeysetOrder = { key: domains.registrationDate, id: domains.id, type: "date", order: "desc" };

export type DomainListRow = {
  id: number;
  name: string;
  status: DomainStatus;
  registrationDate: string;
  expiryDate: string | null;
  registrationPeriodYears: number;
  recurringAmount: number;
  currency: string;
  autoRenew: boolean;
  registrarLock: boolean;
};

export type DomainPage = Page<DomainListRow>;

/** What people type in the filter box, lower-cased and trimmed; too long is cut, not an error. */
export function normalizeDomainSearch(value: string | undefined | null): string {
  return (value ?? "").trim().toLowerCase().slice(0, DOMAIN_SEARCH_MAX);
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** One page of the client's domains in one statement, whatever the number of domains. */
export async function listDomains(
  scope: ClientScope,
  options: { status?: DomainFilter; search?: string; cursor?: string | null; limit: number; db?: Executor },
): Promise<DomainPage> {
  const db = options.db ?? (await getDb());
  const keyset = keysetPage(ORDER, options.cursor, pageSize(options.limit));
  const status = options.status ?? "all";
  const search = normalizeDomainSearch(options.search);
  const statusCondition: SQL | undefined = status === "all" ? undefined : inArray(domains.status, FILTER_STATUSES[status]);
  const searchCondition: SQL | undefined = search ? ilike(domains.name, likePattern(search)) : undefined;
  const fetched = await db
    .select({
      id: domains.id,
      name: domains.name,
      status: domains.status,
      registrationDate: domains.registrationDate,
      expiryDate: domains.expiryDate,
      registrationPeriodYears: domains.registrationPeriodYears,
      recurringAmount: domains.recurringAmount,
      currency: domains.currency,
      autoRenew: domains.autoRenew,
      registrarLock: domains.registrarLock,
      cursorKey: cursorKey(ORDER),
    })
    .from(domains)
    .where(and(eq(domains.clientId, scope.clientId), statusCondition, searchCondition, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched);
}
