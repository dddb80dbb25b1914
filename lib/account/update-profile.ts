import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { clients, contacts } from "@/db/schema";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record-audit";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { isCountryCode } from "./countries";

// Every field is read as the browser sends it (a string, or nothing) and normalised here, so the same
// rules hold whether the values come from the "Mis datos" form or from any other caller.
const rawText = z
  .string({ error: "errors.invalidValue" })
  .nullish()
  .transform((value) => (value ?? "").trim());

const requiredText = (max: number) => rawText.pipe(z.string().min(1, "errors.required").max(max, "account.errors.tooLong"));

const optionalText = (max: number) =>
  rawText.pipe(z.string().max(max, "account.errors.tooLong")).transform((value) => (value === "" ? null : value));

/** Spanish postcodes: the first two digits are the province, 01 (Álava) to 52 (Melilla). */
const SPANISH_POSTCODE = /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/;
const POSTCODE = /^[A-Z0-9][A-Z0-9 -]*$/;
const PHONE_CHARACTERS = /^[0-9+\-() ]+$/;

export const profileSchema = z
  .object({
    firstName: requiredText(100),
    lastName: requiredText(100),
    companyName: optionalText(200),
    // Check letters of NIF/NIE/CIF come later; for now only the shape every tax id shares.
    taxId: rawText
      .transform((value) => value.replace(/[\s-]+/g, "").toUpperCase())
      .pipe(z.string().max(32, "account.errors.tooLong").regex(/^[A-Z0-9]*$/, "account.errors.taxIdInvalid"))
      .transform((value) => (value === "" ? null : value)),
    address1: requiredText(200),
    address2: optionalText(200),
    city: requiredText(100),
    province: requiredText(100),
    postcode: requiredText(16)
      .transform((value) => value.toUpperCase().replace(/\s+/g, " "))
      .pipe(z.string().regex(POSTCODE, "account.errors.postcodeInvalid")),
    country: rawText
      .pipe(z.string().min(1, "errors.required"))
      .transform((value) => value.toUpperCase())
      .refine(isCountryCode, "account.errors.countryInvalid"),
    phone: optionalText(32)
      .transform((value) => (value === null ? null : value.replace(/\s+/g, " ")))
      .refine((value) => value === null || PHONE_CHARACTERS.test(value), "account.errors.phoneInvalid")
      .refine((value) => {
        const digits = value?.replace(/\D/g, "").length ?? 0;
        return value === null || (digits >= 6 && digits <= 20);
      }, "account.errors.phoneInvalid"),
    language: rawText.pipe(z.enum(LOCALES, { error: "errors.invalidValue" })),
    // An unticked checkbox is simply absent from the form.
    marketingOptIn: z
      .union([z.boolean(), z.string()], { error: "errors.invalidValue" })
      .nullish()
      .transform((value) => value === true || value === "on" || value === "true"),
  })
  .superRefine((profile, context) => {
    if (profile.country === "ES" && !SPANISH_POSTCODE.test(profile.postcode)) {
      context.addIssue({ code: "custom", path: ["postcode"], message: "account.errors.postcodeSpain" });
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
 * "Mis datos" (walkthrough §3): the account holder's details. The client is always the session's;
 * the owner contact carries the same person's details (greetings in emails, the signed-in name), so it
 * is kept in step. The change and its audit row are written in one transaction.
 */
export async function updateProfile(user: SessionUser, input: ProfileInput, ip: string): Promise<UpdateProfileResult> {
  if (!hasPermission(user, "profile")) return { ok: false, error: "errors.forbidden" };
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsOf(parsed.error) };
  const values = parsed.data;

  const db = await getDb();
  return db.transaction(async (tx): Promise<UpdateProfileResult> => {
    const [current] = await tx
      .select({
        firstName: clients.firstName,
        lastName: clients.lastName,
        companyName: clients.companyName,
        taxId: clients.taxId,
        address1: clients.address1,
        address2: clients.address2,
        city: clients.city,
        province: clients.province,
        postcode: clients.postcode,
        country: clients.country,
        phone: clients.phone,
        language: clients.language,
        marketingOptIn: clients.marketingOptIn,
      })
      .from(clients)
      .where(eq(clients.id, user.clientId))
      .for("update");
    // The session outlived its account.
    if (!current) return { ok: false, error: "errors.signedOut" };

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
