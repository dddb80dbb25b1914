import { asc, desc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { taxRules } from "@/db/schema";
import { getCompanySettings } from "@/lib/settings/get-settings";
import { isEuCountry } from "./eu-countries";

export type TaxRule = { rateBp: number; mention: string | null; name: string };

/**
 * The tax_rules row that applies to a client, highest priority first. A rule's country is an ISO
 * code, "EU" (any EU member other than the issuer's own country: a Spanish business with a NIF is
 * charged Spanish VAT, never reverse charge) or "*" (anyone). Rules flagged for businesses need a
 * VAT id on the client.
 */
export async function taxRuleFor(executor: Executor, client: { country: string; taxId: string | null }): Promise<TaxRule> {
  // One after the other: the executor may be a transaction, which runs one statement at a time.
  const rules = await executor.select().from(taxRules).orderBy(desc(taxRules.priority), asc(taxRules.id));
  const company = await getCompanySettings(executor);
  const country = client.country.trim().toUpperCase();
  const home = company.country.toUpperCase();
  const hasVatId = Boolean(client.taxId?.trim());

  const rule = rules.find((candidate) => {
    const place =
      candidate.country === "*" ||
      candidate.country === country ||
      (candidate.country === "EU" && country !== home && isEuCountry(country));
    return place && (!candidate.appliesToBusinessWithVatId || hasVatId);
  });
  if (!rule) throw new Error(`No tax rule applies to country "${country}": add a "*" rule to tax_rules.`);
  return { rateBp: rule.rateBp, mention: rule.mention, name: rule.name };
}
