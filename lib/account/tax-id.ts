/**
 * Tax identifiers for "Mis datos": Spanish NIF/DNI, NIE and CIF checked by their control character,
 * VAT ids of the other EU countries by their shape. Results are message keys (account.errors.*).
 */

export type TaxIdError =
  | "account.errors.taxIdInvalid"
  | "account.errors.taxIdSpainFormat"
  | "account.errors.taxIdNifLetter"
  | "account.errors.taxIdNieLetter"
  | "account.errors.taxIdCifControl"
  | "account.errors.taxIdVatFormat";

export type TaxIdKind = "nif" | "nie" | "cif" | "vat" | "other";

export type TaxIdCheck = { ok: true; kind: TaxIdKind } | { ok: false; error: TaxIdError };

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
const CIF_LETTERS = "JABCDEFGHI";

/** What people type ("12.345.678-z", "b 1234567 4") reduced to what is stored: capitals, no spaces or hyphens. */
export function normalizeTaxId(value: string): string {
  return value.replace(/[\s-]+/g, "").toUpperCase();
}

export function dniLetter(digits: string): string {
  return DNI_LETTERS[Number(digits) % 23]!;
}

/** NIF of a Spanish national (the DNI number): 8 digits and the letter of their remainder by 23. */
export function isValidNif(value: string): boolean {
  const match = /^(\d{8})([A-Z])$/.exec(value);
  return match !== null && dniLetter(match[1]!) === match[2];
}

/** NIE: X, Y or Z (read as 0, 1, 2 in front of the digits), 7 digits and the DNI letter. */
export function isValidNie(value: string): boolean {
  const match = /^([XYZ])(\d{7})([A-Z])$/.exec(value);
  if (!match) return false;
  return dniLetter(`${"XYZ".indexOf(match[1]!)}${match[2]}`) === match[3];
}

/** The CIF control: the Luhn check digit of the 7 digits, and its letter in JABCDEFGHI. */
export function cifControl(digits: string): { digit: string; letter: string } {
  let sum = 0;
  for (let index = 0; index < 7; index += 1) {
    const digit = Number(digits[index]);
    // Positions 1, 3, 5 and 7 (index 0, 2, 4, 6) are doubled and their digits added.
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += digit;
    }
  }
  const check = (10 - (sum % 10)) % 10;
  return { digit: String(check), letter: CIF_LETTERS[check]! };
}

// Official rule (Orden EHA/451/2008): public bodies, religious and foreign entities (and K) end in a
// letter; companies (A, B), community of goods (E) and owners' associations (H) in a digit; the rest
// may carry either.
const CIF_LETTER_ONLY = new Set(["K", "P", "Q", "S", "N", "W"]);
const CIF_DIGIT_ONLY = new Set(["A", "B", "E", "H"]);
// K, L and M are NIFs of people without a DNI or NIE; in practice the AEAT gives them the DNI letter
// of their 7 digits, so that letter is accepted as well as the CIF control.
const PERSON_WITHOUT_DNI = new Set(["K", "L", "M"]);
const CIF_SHAPE = /^([ABCDEFGHJKLMNPQRSUVW])(\d{7})([0-9A-Z])$/;

export function isValidCif(value: string): boolean {
  const match = CIF_SHAPE.exec(value);
  if (!match) return false;
  const [, type, digits, control] = match as unknown as [string, string, string, string];
  if (PERSON_WITHOUT_DNI.has(type) && dniLetter(digits) === control) return true;
  const expected = cifControl(digits);
  if (CIF_LETTER_ONLY.has(type)) return control === expected.letter;
  if (CIF_DIGIT_ONLY.has(type)) return control === expected.digit;
  return control === expected.letter || control === expected.digit;
}

/** A Spanish id, with or without the "ES" of its intra-community VAT form. */
export function checkSpanishTaxId(value: string): TaxIdCheck {
  const id = /^ES[0-9A-Z]\d{7}[0-9A-Z]$/.test(value) ? value.slice(2) : value;
  if (/^\d{8}[A-Z]$/.test(id)) return isValidNif(id) ? { ok: true, kind: "nif" } : { ok: false, error: "account.errors.taxIdNifLetter" };
  if (/^[XYZ]\d{7}[A-Z]$/.test(id)) return isValidNie(id) ? { ok: true, kind: "nie" } : { ok: false, error: "account.errors.taxIdNieLetter" };
  if (CIF_SHAPE.test(id)) return isValidCif(id) ? { ok: true, kind: "cif" } : { ok: false, error: "account.errors.taxIdCifControl" };
  return { ok: false, error: "account.errors.taxIdSpainFormat" };
}

/**
 * VAT numbers of the other EU member states, by shape only (prefix, length, where letters may go), as
 * VIES documents them. Their check digits differ country by country and only VIES can say whether a
 * number is registered, so a number that fits here may still be wrong.
 */
export const EU_VAT_PATTERNS: Readonly<Record<string, RegExp>> = {
  AT: /^ATU\d{8}$/,
  BE: /^BE[01]\d{9}$/,
  BG: /^BG\d{9,10}$/,
  CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/,
  DE: /^DE\d{9}$/,
  DK: /^DK\d{8}$/,
  EE: /^EE\d{9}$/,
  // Greece's VAT prefix is EL, not its country code; GR is accepted because people type it.
  GR: /^(EL|GR)\d{9}$/,
  FI: /^FI\d{8}$/,
  FR: /^FR[0-9A-HJ-NP-Z]{2}\d{9}$/,
  HR: /^HR\d{11}$/,
  HU: /^HU\d{8}$/,
  IE: /^IE(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^IT\d{11}$/,
  LT: /^LT(\d{9}|\d{12})$/,
  LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/,
  MT: /^MT\d{8}$/,
  NL: /^NL\d{9}B\d{2}$/,
  PL: /^PL\d{10}$/,
  PT: /^PT\d{9}$/,
  RO: /^RO\d{2,10}$/,
  SE: /^SE\d{10}01$/,
  SI: /^SI\d{8}$/,
  SK: /^SK\d{10}$/,
};

export function isEuCountry(country: string): boolean {
  return country === "ES" || country in EU_VAT_PATTERNS;
}

/**
 * Checks an already normalised id against the rules of the customer's country: Spain by control
 * character, the rest of the EU by VAT shape, other countries only by the characters allowed.
 */
export function checkTaxId(value: string, country: string): TaxIdCheck {
  // Ireland's old format has + and *; everywhere else only letters and digits.
  if (!/^[A-Z0-9]+$/.test(value) && !(country === "IE" && /^IE[A-Z0-9+*]+$/.test(value))) {
    return { ok: false, error: "account.errors.taxIdInvalid" };
  }
  if (country === "ES") return checkSpanishTaxId(value);
  const vat = EU_VAT_PATTERNS[country];
  if (vat) return vat.test(value) ? { ok: true, kind: "vat" } : { ok: false, error: "account.errors.taxIdVatFormat" };
  return { ok: true, kind: "other" };
}
