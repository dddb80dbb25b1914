import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

/**
 * The password rules, in one module for the browser (the live meter on "Cambiar contraseña") and the
 * server (which enforces them): what the meter says is exactly what the server will answer.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 3 ("safely unguessable: moderate protection from offline slow-hash attacks"). */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export type PasswordErrorKey =
  | "errors.required"
  | "security.errors.passwordTooShort"
  | "security.errors.passwordTooLong"
  | "security.errors.passwordContainsEmail"
  | "security.errors.passwordCommon"
  | "security.errors.passwordWeak";

export type PasswordCheck = {
  ok: boolean;
  score: PasswordScore;
  errorKey: PasswordErrorKey | null;
  /** Catalog keys: first the warning about this password, if any, then what would make it better. */
  suggestions: string[];
};

export type PasswordContext = {
  /** The account's email: neither it nor its local part may appear in the password. */
  email?: string | null;
  /** Other personal data (the person's name) that makes a password easier to guess. */
  userInputs?: string[];
};

// Without a cap the matchers cost seconds on long, symbol-heavy input (measured: 4 s for 200 random
// characters), which the server must not spend on every request. Whatever lies past 64 characters
// would not lower the score of what precedes it.
const ESTIMATE_MAX_LENGTH = 64;
const L33T_MAX_SUBSTITUTIONS = 8;
// A local part (or a name) as short as "a" or "jo" is in half the passwords anyone could choose.
const PERSONAL_MIN_LENGTH = 3;

// zxcvbn's own warning and suggestion names (its default "translations" are the names themselves);
// only the ones with a text in the catalog are passed on.
const WARNINGS = new Set([
  "straightRow",
  "keyPattern",
  "simpleRepeat",
  "extendedRepeat",
  "sequences",
  "recentYears",
  "dates",
  "topTen",
  "topHundred",
  "common",
  "similarToCommon",
  "wordByItself",
  "namesByThemselves",
  "commonNames",
  "userInputs",
  "pwned",
]);
const SUGGESTIONS = new Set([
  "l33t",
  "reverseWords",
  "allUppercase",
  "capitalization",
  "dates",
  "recentYears",
  "associatedYears",
  "sequences",
  "repeated",
  "longerKeyboardPattern",
  "anotherWord",
  "useWords",
  "noNeed",
  "pwned",
]);
// Warnings that mean "this is a password people actually use", not merely a weak pattern.
const COMMON_WARNINGS = new Set(["topTen", "topHundred", "common", "similarToCommon", "pwned"]);

let estimator: Promise<ZxcvbnFactory> | undefined;

// The dictionaries weigh about 2 MB: imported on first use, so neither the page bundle nor a server
// start pays for them before someone types a password.
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-es-es")])
    .then(
      ([core, common, spanish]) =>
        new core.ZxcvbnFactory({
          dictionary: { ...common.dictionary, ...spanish.dictionary },
          graphs: common.adjacencyGraphs,
          maxLength: ESTIMATE_MAX_LENGTH,
          l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
        }),
    )
    .catch((error: unknown) => {
      // A failed chunk download must not leave the meter broken until the page is reloaded.
      estimator = undefined;
      throw error;
    });
  return estimator;
}

/** Starts loading the dictionaries (e.g. when the password field gets focus), so the first check is quick. */
export function preloadPasswordPolicy(): void {
  loadEstimator().catch(() => undefined);
}

function emailParts(email: string | null | undefined): string[] {
  const normalized = (email ?? "").trim().toLowerCase();
  if (!normalized) return [];
  const [localPart = ""] = normalized.split("@");
  // "lucia+hosting@…": both the whole local part and the name before the tag.
  const parts = [normalized, localPart, localPart.split("+")[0] ?? ""];
  return [...new Set(parts.filter((part) => part.length >= PERSONAL_MIN_LENGTH))];
}

// "Lucía Navarro" is typed as "lucia", "navarro" or "LuciaNavarro": each word, with and without accents.
function personalWords(inputs: string[]): string[] {
  const words = inputs
    .flatMap((input) => [input, input.replace(/[\s.,_-]+/g, ""), ...input.split(/[\s.,_-]+/)])
    .map((word) => word.trim().toLowerCase());
  const plain = words.map((word) => word.normalize("NFD").replace(/\p{M}/gu, ""));
  return [...new Set([...words, ...plain].filter((word) => word.length >= PERSONAL_MIN_LENGTH))];
}

function containsEmail(password: string, email: string | null | undefined): boolean {
  const lower = password.toLowerCase();
  return emailParts(email).some((part) => lower.includes(part));
}

/** The whole password is one entry of a dictionary (itself, reversed or in l33t), or zxcvbn calls it common. */
function isDictionaryPassword(result: ZxcvbnResult): boolean {
  const [only, ...rest] = result.sequence;
  if (only && rest.length === 0 && only.pattern === "dictionary" && only.dictionaryName !== "userInputs") return true;
  return result.feedback.warning !== null && COMMON_WARNINGS.has(result.feedback.warning);
}

function feedbackKeys(result: ZxcvbnResult): string[] {
  const keys: string[] = [];
  const { warning, suggestions } = result.feedback;
  if (warning && WARNINGS.has(warning)) keys.push(`security.strength.warnings.${warning}`);
  for (const suggestion of suggestions) if (SUGGESTIONS.has(suggestion)) keys.push(`security.strength.suggestions.${suggestion}`);
  return keys;
}

/**
 * Checks a new password: length 10 to 200, not containing the account's email or its local part, not
 * a password or word from the common and Spanish dictionaries, and a zxcvbn score of at least 3.
 */
export async function checkPassword(password: string, context: PasswordContext = {}): Promise<PasswordCheck> {
  if (password.length === 0) return { ok: false, score: 0, errorKey: "errors.required", suggestions: [] };
  if (password.length > PASSWORD_MAX_LENGTH) return { ok: false, score: 0, errorKey: "security.errors.passwordTooLong", suggestions: [] };

  const zxcvbn = await loadEstimator();
  const userInputs = [...emailParts(context.email), ...personalWords(context.userInputs ?? [])];
  const result = zxcvbn.check(password, userInputs);
  const score = result.score as PasswordScore;
  const suggestions = feedbackKeys(result);

  let errorKey: PasswordErrorKey | null = null;
  if (password.length < PASSWORD_MIN_LENGTH) errorKey = "security.errors.passwordTooShort";
  else if (containsEmail(password, context.email)) errorKey = "security.errors.passwordContainsEmail";
  else if (isDictionaryPassword(result)) errorKey = "security.errors.passwordCommon";
  else if (score < PASSWORD_MIN_SCORE) errorKey = "security.errors.passwordWeak";
  return { ok: errorKey === null, score, errorKey, suggestions };
}
