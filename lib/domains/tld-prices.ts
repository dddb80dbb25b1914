import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { tldPrices } from "@/db/schema";
import { normalizeTld } from "./domain-name";

export type TldPrice = {
  tld: string;
  currency: string;
  /** One year, integer minor units. */
  register: number;
  transfer: number;
  renew: number;
};

// The extensions Spanish customers look for first; the rest follow alphabetically.
const PREFERRED_TLDS = ["es", "com", "net", "org", "eu"];

export function compareTlds(a: string, b: string): number {
  const rankA = PREFERRED_TLDS.indexOf(a);
  const rankB = PREFERRED_TLDS.indexOf(b);
  if (rankA !== rankB) return (rankA === -1 ? Infinity : rankA) - (rankB === -1 ? Infinity : rankB);
  return a.localeCompare(b);
}

/**
 * Every TLD we sell in this currency with its one-year prices, .es and .com first; one query.
 * Walkthrough §5.1.7: the search page "también le muestra los precios de registro para distintos TLDs".
 */
export async function listTldPrices(currency: string, db?: Executor): Promise<TldPrice[]> {
  const executor = db ?? (await getDb());
  const rows = await executor
    .select({ tld: tldPrices.tld, currency: tldPrices.currency, register: tldPrices.register, transfer: tldPrices.transfer, renew: tldPrices.renew })
    .from(tldPrices)
    .where(and(eq(tldPrices.currency, currency), eq(tldPrices.years, 1)));
  return rows.map((row) => ({ ...row, tld: normalizeTld(row.tld) })).sort((a, b) => compareTlds(a.tld, b.tld));
}
