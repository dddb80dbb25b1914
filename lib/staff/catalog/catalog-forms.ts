import { z } from "zod";
import { BILLING_CYCLES, CONFIG_OPTION_TYPES, PROMO_TYPES } from "@/db/schema";
import { normalizeTld } from "@/lib/domains/domain-name";
import { rowIdField, parseRowId } from "@/lib/row-id";
import { parseEuroCents } from "../billing/billing-forms";

// The catalogue's forms. Amounts are typed in euros ("12,50", "12.50", "12") and leave here as the
// integer cents the store reads; every message is a key of the adminCatalog namespace.

const E = (key: string) => `adminCatalog.errors.${key}`;

/** An amount of money in cents: blank is `blank` when given (a setup fee left empty is 0), otherwise refused. */
function cents(options: { min?: number; blank?: number; message?: string } = {}) {
  const { min = 0, blank, message = E("amountInvalid") } = options;
  return z
    .string()
    .optional()
    .transform((value, context) => {
      const text = (value ?? "").trim();
      if (text === "" && blank !== undefined) return blank;
      const amount = parseEuroCents(text);
      if (amount === null || amount < min) {
        context.addIssue({ code: "custom", message: amount !== null && min > 0 ? E("amountPositive") : message });
        return z.NEVER;
      }
      return amount;
    });
}

const checkbox = () =>
  z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true" || value === "1");

const sortOrder = () =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      const text = (value ?? "").trim();
      if (text === "") return 0;
      if (!/^-?\d{1,4}$/.test(text)) {
        context.addIssue({ code: "custom", message: E("sortOrderInvalid") });
        return z.NEVER;
      }
      return Number(text);
    });

const text = (max: number, requiredKey?: string) => {
  const base = z.string().trim().max(max, E("tooLong"));
  return requiredKey ? base.min(1, E(requiredKey)) : base;
};

/** Blank is null (the column holds no value). */
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.string().max(max, E("tooLong")))
    .transform((value) => (value === "" ? null : value));

const optionalRowId = () =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") return null;
      const id = parseRowId(value.trim());
      if (id === null) {
        context.addIssue({ code: "custom", message: "errors.invalidValue" });
        return z.NEVER;
      }
      return id;
    });

/** Ticked checkboxes of one name: none, one (a string) or several (an array), each a row id. */
const rowIds = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, context) => {
      const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
      const ids = list.map((item) => parseRowId(item));
      if (ids.some((id) => id === null)) {
        context.addIssue({ code: "custom", message: "errors.invalidValue" });
        return z.NEVER;
      }
      return [...new Set(ids as number[])].sort((a, b) => a - b);
    });

const currency = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim().toUpperCase() || "EUR")
    .pipe(z.string().regex(/^[A-Z]{3}$/, E("currencyInvalid")));

const cycle = () => z.enum(BILLING_CYCLES, { message: E("cycleInvalid") });

/** The second step of every deletion: the dialog's confirm button posts it. */
const confirmed = () => z.literal("yes", { message: E("confirmRequired") });

export const groupForm = z.object({
  groupId: optionalRowId(),
  name: text(200, "nameRequired"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, E("slugInvalid"))
    .max(100, E("slugInvalid"))
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, E("slugInvalid")),
  description: optionalText(2000),
  hidden: checkbox(),
  sortOrder: sortOrder(),
});

export const newProductForm = z.object({ groupId: rowIdField(E("groupNotFound")), name: text(200, "nameRequired") });

const MAX_FEATURES = 30;

/** One selling point per line; blank lines dropped. */
const features = () =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      const lines = (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "");
      if (lines.length > MAX_FEATURES || lines.some((line) => line.length > 200)) {
        context.addIssue({ code: "custom", message: E("featuresInvalid") });
        return z.NEVER;
      }
      return lines;
    });

export const productForm = z.object({
  productId: rowIdField(),
  groupId: rowIdField(E("groupNotFound")),
  name: text(200, "nameRequired"),
  description: optionalText(2000),
  features: features(),
  hidden: checkbox(),
  requiresDomain: checkbox(),
  // WHM package names are the panel's own ("plan_basico", "Reseller 50"): letters, digits, _ - . and spaces.
  panelPackage: optionalText(100).refine((value) => value === null || /^[A-Za-z0-9_.\- ]+$/.test(value), E("panelPackageInvalid")),
  sortOrder: sortOrder(),
});

export const productIdForm = z.object({ productId: rowIdField(), confirm: confirmed() });

export const productPriceForm = z.object({
  productId: rowIdField(),
  currency: currency(),
  billingCycle: cycle(),
  price: cents(),
  setupFee: cents({ blank: 0 }),
});

export const removeProductPriceForm = z.object({ productId: rowIdField(), currency: currency(), billingCycle: cycle(), confirm: confirmed() });

export const productAddonsForm = z.object({ productId: rowIdField(), addonIds: rowIds() });

export const optionForm = z.object({
  productId: rowIdField(),
  optionId: optionalRowId(),
  name: text(100, "nameRequired"),
  type: z.enum(CONFIG_OPTION_TYPES, { message: E("optionTypeInvalid") }),
  sortOrder: sortOrder(),
});

export const deleteOptionForm = z.object({ optionId: rowIdField(), confirm: confirmed() });

export const choiceForm = z.object({
  optionId: rowIdField(),
  choiceId: optionalRowId(),
  label: text(100, "labelRequired"),
  panelValue: optionalText(100),
  sortOrder: sortOrder(),
});

export const deleteChoiceForm = z.object({ choiceId: rowIdField(), confirm: confirmed() });

export const choicePriceForm = z.object({
  choiceId: rowIdField(),
  currency: currency(),
  billingCycle: cycle(),
  price: cents(),
  setupFee: cents({ blank: 0 }),
});

export const removeChoicePriceForm = z.object({ choiceId: rowIdField(), currency: currency(), billingCycle: cycle(), confirm: confirmed() });

export const addonForm = z.object({
  addonId: optionalRowId(),
  name: text(200, "nameRequired"),
  description: optionalText(2000),
  billingCycle: cycle(),
  currency: currency(),
  price: cents(),
  setupFee: cents({ blank: 0 }),
  hidden: checkbox(),
});

/** A TLD as tld_prices holds it: lower case, no leading dot, ASCII (punycode for IDN extensions). */
const tld = () =>
  z
    .string()
    .transform((value) => normalizeTld(value))
    .pipe(
      z
        .string()
        .max(63, E("tldInvalid"))
        .regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/, E("tldInvalid"))
        .refine((value) => /[a-z]/.test(value), E("tldInvalid")),
    );

const years = () =>
  z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, E("yearsInvalid"))
    .transform(Number)
    .refine((value) => value >= 1 && value <= 10, E("yearsInvalid"));

export const tldPriceForm = z.object({
  tld: tld(),
  currency: currency(),
  years: years(),
  register: cents({ min: 1 }),
  // Many registries transfer for free: 0 is a price here.
  transfer: cents(),
  renew: cents({ min: 1 }),
});

export const removeTldPriceForm = z.object({ tld: tld(), currency: currency(), years: years(), confirm: confirmed() });

export const stopSellingTldForm = z.object({ tld: tld(), currency: currency(), confirm: confirmed() });

const optionalDate = () =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      const text = (value ?? "").trim();
      if (text === "") return null;
      const date = new Date(`${text}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        context.addIssue({ code: "custom", message: E("dateInvalid") });
        return z.NEVER;
      }
      return text;
    });

const optionalCount = () =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      const text = (value ?? "").trim();
      if (text === "") return null;
      if (!/^\d{1,7}$/.test(text) || Number(text) < 1) {
        context.addIssue({ code: "custom", message: E("maxUsesInvalid") });
        return z.NEVER;
      }
      return Number(text);
    });

export const promoForm = z
  .object({
    promoId: optionalRowId(),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9_-]{3,50}$/, E("codeInvalid")),
    type: z.enum(PROMO_TYPES, { message: E("promoTypeInvalid") }),
    // "15" is 15 % (1500 basis points) or 15,00 € (1500 cents): the same parse, read by the type.
    value: z.string().optional(),
    recurring: checkbox(),
    productIds: rowIds(),
    expiresOn: optionalDate(),
    maxUses: optionalCount(),
    active: checkbox(),
  })
  .transform((input, context) => {
    const value = parseEuroCents((input.value ?? "").trim());
    if (value === null || value <= 0) {
      context.addIssue({ code: "custom", path: ["value"], message: E(input.type === "percent" ? "percentInvalid" : "amountPositive") });
      return z.NEVER;
    }
    if (input.type === "percent" && value > 10_000) {
      context.addIssue({ code: "custom", path: ["value"], message: E("percentInvalid") });
      return z.NEVER;
    }
    return { ...input, value };
  });

export const promoActiveForm = z.object({ promoId: rowIdField(), active: z.enum(["yes", "no"], { message: "errors.invalidValue" }).transform((value) => value === "yes") });
