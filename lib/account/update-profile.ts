import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { clients, contacts } from "@/db/schema";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record-audit";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { profileColumns } from "./client-columns";
import { isCountryCode } from "./countries";
import { normalizePhone, normalizePostcode, phoneError, postcodeError } from "./postal-rules";
import { checkTaxId, normalizeTaxId } from "./tax-id";

// Every field is read as the browser sends it (a string, or nothing) and normalised here, so the same
// rules hold whether the values come from the "Mis datos" form or from any other caller.
const rawText = z
  .string({ error: "errors.invalidValue" })
  .nullish()
  .transform((value) => (value ?? "").trim());

const requiredText = (max: number) => rawText.pipe(z.string().min(1, "errors.required").max(max, "account.errors.tooLong"));

const optionalText = (max: number) =>
  rawText.pipe(z.string().max(max, "account.errors.tooLong")).transform((value) => (value === "" ? null : value));

const PHONE_MAX = 32;

/** "" or null is "none"; anything else must be a contact id (whose client is checked inside the transaction). */
const contactIdChoice = z
  .union([z.string(), z.number()], { error: "errors.invalidValue" })
  .nullish()
  .transform((value) => (value === undefined ? undefined : String(value ?? "").trim()))
  .refine((value) => value === undefined || value === "" || /^\d{1,9}$/.test(value), "errors.invalidValue")
  .transform((value) => (value === undefined ? undefined : value === "" ? null : Number(value)));

const fields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  companyName: optionalText(200),
  taxId: rawText
    .transform(normalizeTaxId)
    .pipe(z.string().max(32, "account.errors.tooLong").regex(/^[A-Z0-9+*]*$/, "account.errors.taxIdInvalid"))
    .transform((value) => (value === "" ? null : value)),
  address1: requiredText(200),
  address2: optionalText(200),
  city: requiredText(100),
  province: requiredText(100),
  postcode: requiredText(16).transform(normalizePostcode),
  country: rawText
    .pipe(z.string().min(1, "errors.required"))
    .transform((value) => value.toUpperCase())
    .refine(isCountryCode, "account.errors.countryInvalid"),
  phone: optionalText(PHONE_MAX).transform((value) => (value === null ? null : normalizePhone(value))),
  language: rawText.pipe(z.enum(LOCALES, { error: "errors.invalidValue" })),
  // An unticked checkbox is simply absent from the form.
  marketingOptIn: z
    .union([z.boolean(), z.string()], { error: "errors.invalidValue" })
    .nullish()
    .transform((value) => value === true || value === "on" || value === "true"),
  // Absent (a caller that does not show the select) keeps the current choice.
  defaultBillingContactId: contactIdChoice,
};

type CountryDependent = { country: string; taxId: string | null; postcode: string; phone: string | null };

/** The checks that depend on the country of the address: tax id, postcode and phone. */
function countryFieldErrors(values: CountryDependent): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.taxId !== null) {
    const taxId = checkTaxId(values.taxId, values.country);
    if (!taxId.ok) errors.taxId = taxId.error;
  }
  const postcode = postcodeError(values.country, values.postcode);
  if (postcode) errors.postcode = postcode;
  if (values.phone !== null) {
    const phone = phoneError(values.country, values.phone);
    if (phone) errors.phone = phone;
  }
  return errors;
}

export const profileSchema = z.object(fields).superRefine((profile, context) => {
  for (const [field, message] of Object.entries(countryFieldErrors(profile))) {
    context.addIssue({ code: "custom", path: [field], message });
  }
});

export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileValues = z.output<typeof profileSchema>;
export type ProfileField = keyof ProfileValues;

export const PROFILE_FIELDS = Object.keys(profileSchema.shape) as ProfileField[];

/**
 * What the form action reads: exactly the profile fields, as raw strings. Anything else the browser
 * sends (a client id, a status, a credit) is dropped here; the values are checked by updateProfile.
 */
export const profileFormSchema = z.object(
  Object.fromEntries(PROFILE_FIELDS.map((field) => [field, z.string().optional()])) as Record<ProfileField, z.ZodOptional<z.ZodString>>,
);

export type UpdateProfileResult =
  | { ok: true; changedFields: ProfileField[]; language: Locale }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    // Every message above is a catalog key; zod's own wording (in English) must never reach the page.
    fieldErrors[field] ??= /^(account\.)?errors\.\w+$/.test(issue.message) ? issue.message : "errors.invalidValue";
  }
  return fieldErrors;
}

/**
 * When another field fails, zod skips the object-level checks; the country rules are run here on the
 * fields that did parse, so every bad field gets its message in the same answer.
 */
function countryErrorsDespite(input: ProfileInput, already: Record<string, string>): Record<string, string> {
  const country = fields.country.safeParse(input.country);
  const taxId = fields.taxId.safeParse(input.taxId);
  const postcode = fields.postcode.safeParse(input.postcode);
  const phone = fields.phone.safeParse(input.phone);
  const errors = countryFieldErrors({
    // Without a valid country only the rules every country shares apply.
    country: country.success ? country.data : "",
    // A field that failed its own parse already has its message; an empty stand-in is not checked again.
    taxId: taxId.success ? taxId.data : null,
    postcode: postcode.success ? postcode.data : "",
    phone: phone.success ? phone.data : null,
  });
  if (!postcode.success) delete errors.postcode;
  return Object.fromEntries(Object.entries(errors).filter(([field]) => !already[field]));
}

/**
 * "Mis datos" (walkthrough §3): the account holder's details. The client is always the session's;
 * the owner contact carries the same person's details (greetings in emails, the signed-in name), so it
 * is kept in step. The change and its audit row are written in one transaction.
 */
export async function updateProfile(user: SessionUser, input: ProfileInput, ip: string): Promise<UpdateProfileResult> {
  if (!hasPermission(user, "profile")) return { ok: false, error: "errors.forbidden" };
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { ok: false, error: "errors.checkFields", fieldErrors: { ...fieldErrors, ...countryErrorsDespite(input, fieldErrors) } };
  }
  const { defaultBillingContactId: billingChoice, ...details } = parsed.data;

  const db = await getDb();
  return db.transaction(async (tx): Promise<UpdateProfileResult> => {
    const [current] = await tx
      .select(profileColumns)
      .from(clients)
      .where(eq(clients.id, user.clientId))
      .for("update");
    // The session outlived its account.
    if (!current) return { ok: false, error: "errors.signedOut" };

    const values = { ...details, defaultBillingContactId: billingChoice === undefined ? current.defaultBillingContactId : billingChoice };
    if (values.defaultBillingContactId !== null && values.defaultBillingContactId !== current.defaultBillingContactId) {
      // Only another contact of this same client; the owner receives invoices anyway.
      const [contact] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.id, values.defaultBillingContactId), eq(contacts.clientId, user.clientId), eq(contacts.isOwner, false)))
        .limit(1);
      if (!contact) {
        return { ok: false, error: "errors.checkFields", fieldErrors: { defaultBillingContactId: "account.errors.billingContactInvalid" } };
      }
    }

    const changedFields = PROFILE_FIELDS.filter((field) => current[field] !== values[field]);
    if (changedFields.length === 0) return { ok: true, changedFields, language: values.language };

    const now = new Date();
    await tx
      .update(clients)
      .set({ ...values, updatedAt: now })
      .where(eq(clients.id, user.clientId));
    await tx
      .update(contacts)
      .set({
        firstName: values.firstName,
        lastName: values.lastName,
        companyName: values.companyName,
        phone: values.phone,
        address1: values.address1,
        city: values.city,
        province: values.province,
        postcode: values.postcode,
        country: values.country,
        updatedAt: now,
      })
      .where(and(eq(contacts.clientId, user.clientId), eq(contacts.isOwner, true)));
    await recordAudit(tx, {
      clientId: user.clientId,
      contactId: user.contactId,
      action: "profile.updated",
      details: { fields: changedFields },
      ip,
    });
    return { ok: true, changedFields, language: values.language };
  });
}
