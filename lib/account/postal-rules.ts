/**
 * Postcode and phone rules by the country of the address. Results are message keys (account.errors.*);
 * null means the value is acceptable.
 */

export type PostcodeError =
  | "account.errors.postcodeSpain"
  | "account.errors.postcodePortugal"
  | "account.errors.postcodeFiveDigits"
  | "account.errors.postcodeInvalid";

export type PhoneError = "account.errors.phoneSpain" | "account.errors.phonePortugal" | "account.errors.phoneFrance" | "account.errors.phoneInvalid";

/** Spanish postcodes: the first two digits are the province, 01 (Álava) to 52 (Melilla). */
const SPANISH_POSTCODE = /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/;
const PORTUGUESE_POSTCODE = /^\d{4}-\d{3}$/;
const FIVE_DIGITS = /^\d{5}$/;
const FIVE_DIGIT_COUNTRIES = new Set(["FR", "DE", "IT"]);
const ANY_POSTCODE = /^[A-Z0-9](?:[A-Z0-9 -]{0,8}[A-Z0-9])$/;

export function normalizePostcode(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, " ");
}

export function postcodeError(country: string, postcode: string): PostcodeError | null {
  if (country === "ES") return SPANISH_POSTCODE.test(postcode) ? null : "account.errors.postcodeSpain";
  if (country === "PT") return PORTUGUESE_POSTCODE.test(postcode) ? null : "account.errors.postcodePortugal";
  if (FIVE_DIGIT_COUNTRIES.has(country)) return FIVE_DIGITS.test(postcode) ? null : "account.errors.postcodeFiveDigits";
  return ANY_POSTCODE.test(postcode) ? null : "account.errors.postcodeInvalid";
}

/** Digits, spaces, hyphens, dots and brackets; a + only in front (possibly inside the first bracket). */
const PHONE_SHAPE = /^\(?\+?[0-9][0-9 ().-]*$/;
// E.164: at most 15 digits with the country code; fewer than 8 is no real international number.
const E164_MIN = 8;
const E164_MAX = 15;

type NumberingPlan = { code: string; national: RegExp; error: PhoneError };

/**
 * The plans we check in detail: the subscriber number after the country code, and the same number
 * dialled inside the country. Elsewhere only the E.164 length is checked.
 */
const PLANS: Record<string, NumberingPlan> = {
  ES: { code: "34", national: /^[6789]\d{8}$/, error: "account.errors.phoneSpain" },
  PT: { code: "351", national: /^[29]\d{8}$/, error: "account.errors.phonePortugal" },
  FR: { code: "33", national: /^[1-9]\d{8}$/, error: "account.errors.phoneFrance" },
};
const PLAN_BY_CODE = new Map(Object.values(PLANS).map((plan) => [plan.code, plan]));

export function normalizePhone(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

export function phoneError(country: string, phone: string): PhoneError | null {
  if (!PHONE_SHAPE.test(phone)) return "account.errors.phoneInvalid";
  const digits = phone.replace(/\D/g, "");
  const international = phone.replace(/^\(/, "").startsWith("+") || digits.startsWith("00");
  if (international) {
    const full = phone.includes("+") ? digits : digits.slice(2);
    if (full.length < E164_MIN || full.length > E164_MAX) return "account.errors.phoneInvalid";
    for (const length of [1, 2, 3]) {
      const plan = PLAN_BY_CODE.get(full.slice(0, length));
      if (plan) return plan.national.test(full.slice(length)) ? null : plan.error;
    }
    return null;
  }
  // Without a country code the number is read as dialled in the country of the address.
  const plan = PLANS[country];
  if (plan) {
    // France writes the trunk 0 in front of the nine digits.
    const national = country === "FR" ? digits.replace(/^0/, "") : digits;
    if (country === "FR" && !digits.startsWith("0")) return plan.error;
    return plan.national.test(national) ? null : plan.error;
  }
  return digits.length >= 6 && digits.length <= E164_MAX - 1 ? null : "account.errors.phoneInvalid";
}
