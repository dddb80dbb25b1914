import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { settings } from "@/db/schema";

/** Settings keys; the `settings` table is key -> jsonb, each value shaped as its schema below. */
export const SETTING_KEYS = { company: "company", billing: "billing", domains: "domains" } as const;

const countryCode = z.string().regex(/^[A-Z]{2}$/);
const cents = z.number().int().nonnegative();

const companySettingsSchema = z.object({
  legalName: z.string().min(1),
  tradeName: z.string(),
  taxId: z.string().min(1),
  address1: z.string(),
  city: z.string(),
  province: z.string(),
  postcode: z.string(),
  country: countryCode,
  email: z.string(),
  phone: z.string(),
  website: z.string(),
});

const billingSettingsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  invoiceDueDays: z.number().int().nonnegative(),
  renewalInvoiceDaysBefore: z.number().int().nonnegative(),
  addFundsMinimum: cents,
  addFundsMaximum: cents,
  maxCreditBalance: cents,
  autoApplyCredit: z.boolean(),
});

const domainSettingsSchema = z.object({ defaultNameservers: z.array(z.string()) });

/** Issuer data printed on invoices (Spanish invoicing rules ask for legal name, NIF and address). */
export type CompanySettings = z.infer<typeof companySettingsSchema>;
/** Amounts in cents of `currency`. */
export type BillingSettings = z.infer<typeof billingSettingsSchema>;
export type DomainSettings = z.infer<typeof domainSettingsSchema>;

/** Shipped defaults: the seed writes them, and an option missing from the stored value takes its default. */
export const BILLING_SETTINGS: BillingSettings = {
  currency: "EUR",
  invoiceDueDays: 7,
  renewalInvoiceDaysBefore: 14,
  addFundsMinimum: 1000,
  addFundsMaximum: 50000,
  maxCreditBalance: 100000,
  autoApplyCredit: true,
};

export const DOMAIN_SETTINGS: DomainSettings = {
  defaultNameservers: ["ns1.example-hosting.es", "ns2.example-hosting.es"],
};

async function readSetting(executor: Executor | undefined, key: string): Promise<unknown> {
  const db = executor ?? (await getDb());
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value;
}

function invalid(key: string, error: z.ZodError): Error {
  return new Error(`The "${key}" setting is malformed: ${error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
}

/**
 * No default here on purpose: an invoice with a made-up issuer NIF or address would be a false legal
 * document, so a database without its company settings fails loudly instead.
 * Inside a transaction pass the tx: on PostgreSQL a second pool connection could wait forever.
 */
export async function getCompanySettings(executor?: Executor): Promise<CompanySettings> {
  const value = await readSetting(executor, SETTING_KEYS.company);
  if (value === undefined) throw new Error('The "company" setting is missing: run the reference data seed (npm run db:seed).');
  const parsed = companySettingsSchema.safeParse(value);
  if (!parsed.success) throw invalid(SETTING_KEYS.company, parsed.error);
  return parsed.data;
}

/** Options missing from the stored value take the shipped defaults, so a new option never breaks an older install. */
export async function getBillingSettings(executor?: Executor): Promise<BillingSettings> {
  const value = await readSetting(executor, SETTING_KEYS.billing);
  const parsed = billingSettingsSchema.partial().safeParse(value ?? {});
  if (!parsed.success) throw invalid(SETTING_KEYS.billing, parsed.error);
  return { ...BILLING_SETTINGS, ...parsed.data };
}

export async function getDomainSettings(executor?: Executor): Promise<DomainSettings> {
  const value = await readSetting(executor, SETTING_KEYS.domains);
  const parsed = domainSettingsSchema.partial().safeParse(value ?? {});
  if (!parsed.success) throw invalid(SETTING_KEYS.domains, parsed.error);
  return { ...DOMAIN_SETTINGS, ...parsed.data };
}
