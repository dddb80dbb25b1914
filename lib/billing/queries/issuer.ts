import { sql } from "drizzle-orm";
import { settings } from "@/db/schema";
import type { CompanySettings } from "@/lib/settings/settings-values";

/** What an invoice or quote prints about the company issuing it (Spanish invoicing rules: legal name, NIF, address). */
export type InvoiceIssuer = Omit<CompanySettings, "tradeName" | "website">;

/**
 * The "company" settings value as a scalar subquery, so a view reads its issuer in the same
 * statement as its main row instead of spending one more round trip.
 */
export const companySettingsValue = sql<unknown>`(select ${settings.value} from ${settings} where ${settings.key} = 'company')`;

/**
 * Like getCompanySettings, no made-up issuer: an invoice without the company's legal name and NIF
 * would be a false legal document, so a database missing them fails loudly. Other fields print empty.
 */
export function issuerFrom(value: unknown): InvoiceIssuer {
  const source = parseJsonObject(value);
  const text = (key: keyof InvoiceIssuer) => (typeof source[key] === "string" ? (source[key] as string) : "");
  if (!text("legalName") || !text("taxId")) throw new Error('The "company" setting is missing or has no legalName/taxId: run the reference data seed (npm run db:seed).');
  return {
    legalName: text("legalName"),
    taxId: text("taxId"),
    address1: text("address1"),
    city: text("city"),
    province: text("province"),
    postcode: text("postcode"),
    country: text("country"),
    email: text("email"),
    phone: text("phone"),
  };
}

// A jsonb read through a raw subquery arrives parsed on both drivers today; a string is accepted too in case one stops parsing it.
function parseJsonObject(value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    try {
      return parseJsonObject(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
