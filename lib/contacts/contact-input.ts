import { z } from "zod";
import { PERMISSIONS, type EmailPreferences, type Permission } from "@/db/schema";
import { parseRowId } from "@/lib/row-id";
import { isCountryCode } from "@/lib/account/countries";

export const EMAIL_PREFERENCE_KEYS = ["general", "invoices", "support", "products", "domains"] as const satisfies readonly (keyof EmailPreferences)[];
export type EmailPreferenceKey = (typeof EMAIL_PREFERENCE_KEYS)[number];

/** The "Añadir un nuevo contacto" choice of the select, in the URL and in the form. */
export const NEW_CONTACT = "nuevo";

/**
 * What the contact form sends, as the browser sends it: strings, and a list for the checkbox groups.
 * Only these names are read (parseForm); a client id or a password hash sent along is dropped.
 */
export const contactFormSchema = z.object({
  contactId: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  companyName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address1: z.string().optional(),
  city: z.string().optional(),
  province: z.string().optional(),
  postcode: z.string().optional(),
  country: z.string().optional(),
  emailPreferences: z.union([z.string(), z.array(z.string())]).optional(),
  hasAccess: z.string().optional(),
  permissions: z.union([z.string(), z.array(z.string())]).optional(),
});

export type ContactInput = z.input<typeof contactFormSchema>;

const rawText = z
  .string({ error: "errors.invalidValue" })
  .nullish()
  .transform((value) => (value ?? "").trim());
const requiredText = (max: number) => rawText.pipe(z.string().min(1, "errors.required").max(max, "contacts.errors.tooLong"));
const optionalText = (max: number) =>
  rawText.pipe(z.string().max(max, "contacts.errors.tooLong")).transform((value) => (value === "" ? null : value));

// A checkbox group arrives as nothing, one string or a list; values we do not know are dropped.
const choices = <T extends string>(allowed: readonly T[]) =>
  z
    .union([z.string(), z.array(z.string())], { error: "errors.invalidValue" })
    .nullish()
    .transform((value) => {
      const given = new Set(value == null ? [] : Array.isArray(value) ? value : [value]);
      return allowed.filter((option) => given.has(option));
    });

const SPANISH_POSTCODE = /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/;
const POSTCODE = /^[A-Z0-9][A-Z0-9 -]*$/;
const PHONE_CHARACTERS = /^[0-9+\-() ]+$/;

export const contactSchema = z
  .object({
    firstName: requiredText(100),
    lastName: requiredText(100),
    companyName: optionalText(200),
    email: rawText
      .pipe(z.string().min(1, "errors.required").max(254, "errors.emailInvalid"))
      .pipe(z.email("errors.emailInvalid"))
      // Stored lower-case, as sign-in compares it (contacts_login_email_unique).
      .transform((email) => email.toLowerCase()),
    phone: optionalText(32)
      .transform((value) => (value === null ? null : value.replace(/\s+/g, " ")))
      .refine((value) => value === null || PHONE_CHARACTERS.test(value), "contacts.errors.phoneInvalid")
      .refine((value) => {
        const digits = value?.replace(/\D/g, "").length ?? 0;
        return value === null || (digits >= 6 && digits <= 20);
      }, "contacts.errors.phoneInvalid"),
    address1: optionalText(200),
    city: optionalText(100),
    province: optionalText(100),
    postcode: optionalText(16)
      .transform((value) => (value === null ? null : value.toUpperCase().replace(/\s+/g, " ")))
      .refine((value) => value === null || POSTCODE.test(value), "contacts.errors.postcodeInvalid"),
    country: optionalText(2)
      .transform((value) => (value === null ? null : value.toUpperCase()))
      .refine((value) => value === null || isCountryCode(value), "contacts.errors.countryInvalid"),
    emailPreferences: choices(EMAIL_PREFERENCE_KEYS).transform(
      (chosen) => Object.fromEntries(EMAIL_PREFERENCE_KEYS.map((key) => [key, chosen.includes(key)])) as EmailPreferences,
    ),
    hasAccess: z
      .string({ error: "errors.invalidValue" })
      .nullish()
      .transform((value) => value === "on" || value === "true"),
    permissions: choices<Permission>(PERMISSIONS),
  })
  .superRefine((contact, context) => {
    if (contact.country === "ES" && contact.postcode !== null && !SPANISH_POSTCODE.test(contact.postcode)) {
      context.addIssue({ code: "custom", path: ["postcode"], message: "contacts.errors.postcodeSpain" });
    }
  });

export type ContactValues = z.output<typeof contactSchema>;

/** The fields compared to tell whether a contact's own data changed (access and permissions are audited apart). */
export const CONTACT_DATA_FIELDS = [
  "firstName",
  "lastName",
  "companyName",
  "email",
  "phone",
  "address1",
  "city",
  "province",
  "postcode",
  "country",
] as const satisfies readonly (keyof ContactValues)[];

/** "nuevo" (or nothing) for a new contact, a positive id for an existing one, undefined for anything else. */
export function parseContactId(value: string | null | undefined): number | null | undefined {
  const raw = (value ?? "").trim();
  if (raw === "" || raw === NEW_CONTACT) return null;
  return parseRowId(raw) ?? undefined;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    // Every message above is a catalog key; zod's own wording (in English) must never reach the page.
    fieldErrors[field] ??= /^(contacts\.)?errors\.\w+$/.test(issue.message) ? issue.message : "errors.invalidValue";
  }
  return fieldErrors;
}
