import { z } from "zod";

// What each setting holds and its shipped defaults. Nothing here reads the database, so the seed
// (below db/client) can write the defaults without importing the readers that depend on it.

/** Settings keys; the `settings` table is key -> jsonb, each value shaped as its schema below. */
export const SETTING_KEYS = { company: "company", billing: "billing", domains: "domains", support: "support" } as const;

const countryCode = z.string().regex(/^[A-Z]{2}$/);
const cents = z.number().int().nonnegative();

export const companySettingsSchema = z.object({
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

export const billingSettingsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  invoiceDueDays: z.number().int().nonnegative(),
  renewalInvoiceDaysBefore: z.number().int().nonnegative(),
  addFundsMinimum: cents,
  addFundsMaximum: cents,
  maxCreditBalance: cents,
  autoApplyCredit: z.boolean(),
  /** Days after its due date an unpaid renewal invoice suspends its service on the panel (the cron). */
  suspendAfterDaysOverdue: z.number().int().nonnegative().max(365),
});

export const domainSettingsSchema = z.object({ defaultNameservers: z.array(z.string()) });

/** The kinds of ticket attachment that can be allowed; each is recognised by its content, never by its name. */
export const ATTACHMENT_KINDS = ["png", "jpg", "gif", "pdf", "zip", "txt"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const supportSettingsSchema = z.object({
  attachmentMaxBytes: z.number().int().positive(),
  attachmentMaxCount: z.number().int().nonnegative(),
  attachmentKinds: z.array(z.enum(ATTACHMENT_KINDS)),
});

/** Issuer data printed on invoices (Spanish invoicing rules ask for legal name, NIF and address). */
export type CompanySettings = z.infer<typeof companySettingsSchema>;
/** Amounts in cents of `currency`. */
export type BillingSettings = z.infer<typeof billingSettingsSchema>;
export type DomainSettings = z.infer<typeof domainSettingsSchema>;
/** Ticket attachments: largest file, files per message, and which kinds are accepted. */
export type SupportSettings = z.infer<typeof supportSettingsSchema>;

/** Shipped defaults: the seed writes them, and an option missing from the stored value takes its default. */
export const BILLING_SETTINGS: BillingSettings = {
  currency: "EUR",
  invoiceDueDays: 7,
  renewalInvoiceDaysBefore: 14,
  addFundsMinimum: 1000,
  addFundsMaximum: 50000,
  maxCreditBalance: 100000,
  autoApplyCredit: true,
  suspendAfterDaysOverdue: 7,
};

export const DOMAIN_SETTINGS: DomainSettings = {
  defaultNameservers: ["ns1.example-hosting.es", "ns2.example-hosting.es"],
};

// Five files of 2 MiB fit the server-action body limit set in next.config.mjs (12 MB).
export const SUPPORT_SETTINGS: SupportSettings = {
  attachmentMaxBytes: 2 * 1024 * 1024,
  attachmentMaxCount: 5,
  attachmentKinds: [...ATTACHMENT_KINDS],
};
