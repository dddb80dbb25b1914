import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { settings } from "@/db/schema";
import {
  BILLING_SETTINGS,
  billingSettingsSchema,
  companySettingsSchema,
  DOMAIN_SETTINGS,
  domainSettingsSchema,
  SETTING_KEYS,
  SUPPORT_SETTINGS,
  supportSettingsSchema,
  type BillingSettings,
  type CompanySettings,
  type DomainSettings,
  type SupportSettings,
} from "./settings-values";

export type { BillingSettings, CompanySettings, DomainSettings, SupportSettings } from "./settings-values";

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

export async function getSupportSettings(executor?: Executor): Promise<SupportSettings> {
  const value = await readSetting(executor, SETTING_KEYS.support);
  const parsed = supportSettingsSchema.partial().safeParse(value ?? {});
  if (!parsed.success) throw invalid(SETTING_KEYS.support, parsed.error);
  return { ...SUPPORT_SETTINGS, ...parsed.data };
}
